/*
 * cmd_emit - "pfsel-gen emit SPEC [-o DIR] [--root ROOT]" and
 * "pfsel-gen build ...": write NAME.te/.fc/.if, and for build compile
 * NAME.pp.  Nothing is written when the spec or the policy check fails.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "commands.h"
#include "msg.h"

struct emit_args {
	const char *spec;
	const char *outdir;
	const char *root;
};

static int
parse_args(int argc, char **argv, struct emit_args *a)
{
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"root", required_argument, NULL, 'r'},
	    {NULL, 0, NULL, 0},
	};
	int ch;

	a->outdir = ".";
	a->root = NULL;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:r:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			a->outdir = optarg;
			break;
		case 'r':
			a->root = optarg;
			break;
		default:
			return -1;
		}
	}
	if (optind != argc - 1) {
		warnx("usage: pfsel-gen %s SPEC [-o DIR] [--root ROOT]",
		      argv[0]);
		return -1;
	}
	a->spec = argv[optind];
	return 0;
}

static int
run(int argc, char **argv, int compile)
{
	struct emit_args a;
	struct spec *spec;
	struct why why;
	char *pp = NULL;
	int rc;

	if (parse_args(argc, argv, &a) < 0)
		return PFSEL_EXIT_ERROR;
	if ((spec = spec_load(a.spec, &why)) == NULL) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	rc = compile ? build_module(spec, a.outdir, a.root, &pp, &why)
	             : emit_to_dir(spec, a.outdir, a.root, &why);
	if (rc < 0)
		errorx("%s", why.text);
	else if (compile)
		printf("%s\n", pp);
	else
		printf("%s/%s.te\n%s/%s.fc\n%s/%s.if\n", a.outdir, spec->module,
		       a.outdir, spec->module, a.outdir, spec->module);
	free(pp);
	spec_free(spec);
	return rc < 0 ? PFSEL_EXIT_ERROR : 0;
}

int
cmd_emit(int argc, char **argv)
{
	return run(argc, argv, 0);
}

int
cmd_build(int argc, char **argv)
{
	return run(argc, argv, 1);
}
