/*
 * cmd_emit - "pfsel-gen emit SPEC [-o DIR] [--root ROOT]" and
 * "pfsel-gen build ...": write NAME.te/.fc/.if, and for build compile
 * NAME.pp.  Nothing is written when the spec or the policy check fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "commands.h"
#include "msg.h"
#include "spec_args.h"

static int
run(int argc, char **argv, int compile)
{
	struct spec_args a;
	struct spec *spec;
	struct why why;
	char *pp = NULL;
	int rc;

	if (spec_args_parse(argc, argv, &a) < 0)
		return PFSEL_EXIT_ERROR;
	if (a.outdir == NULL)
		a.outdir = ".";
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
