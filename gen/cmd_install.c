/*
 * cmd_install - "pfsel-gen install SPEC [-o DIR] [--root ROOT] [-v]":
 * check the spec's port labels against ROOT's policy and store, build the
 * module, then install it and its port labels into ROOT's policy store in
 * one transaction (gen/install.c).
 *
 * Without -o the module is built in a temporary directory removed
 * afterwards; with -o DIR, DIR keeps NAME.te/.fc/.if/.pp as
 * "pfsel-gen build -o DIR" would leave them.
 */
#include <ftw.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "commands.h"
#include "install.h"
#include "msg.h"
#include "xalloc.h"

struct install_args {
	const char *spec;
	const char *outdir; /* NULL: a temporary directory */
	const char *root;
};

static int
parse_install_args(int argc, char **argv, struct install_args *a)
{
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"root", required_argument, NULL, 'r'},
	    {"verbose", no_argument, NULL, 'v'},
	    {NULL, 0, NULL, 0},
	};
	int ch;

	memset(a, 0, sizeof(*a));
	optind = 1;
	while ((ch = getopt_long(argc, argv, "o:r:v", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			a->outdir = optarg;
			break;
		case 'r':
			a->root = optarg;
			break;
		case 'v':
			msg_set_verbose(msg_verbose() + 1);
			break;
		default:
			return -1;
		}
	}
	if (optind != argc - 1) {
		warnx("usage: pfsel-gen install SPEC [-o DIR] [--root ROOT] "
		      "[-v]");
		return -1;
	}
	a->spec = argv[optind];
	return 0;
}

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	if (remove(path) < 0)
		warn("cannot remove %s", path);
	return 0;
}

/* rm -r of the temporary build directory; never follows symlinks. */
static void
remove_tree(const char *dir)
{
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

int
cmd_install(int argc, char **argv)
{
	struct install_args a;
	struct spec *spec;
	struct why why;
	char *tmp = NULL, *pp = NULL;
	int rc = PFSEL_EXIT_ERROR;

	if (parse_install_args(argc, argv, &a) < 0)
		return PFSEL_EXIT_ERROR;
	if ((spec = spec_load(a.spec, &why)) == NULL) {
		warnx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	if (install_check(a.root, spec, &why) < 0) {
		warnx("%s", why.text);
		spec_free(spec);
		return PFSEL_EXIT_ERROR;
	}
	if (a.outdir == NULL) {
		const char *t = getenv("TMPDIR");

		tmp = xasprintf("%s/pfsel-gen.XXXXXX", t && *t ? t : "/tmp");
		if (mkdtemp(tmp) == NULL)
			fatal("cannot create %s", tmp);
	}
	if (build_module(spec, a.outdir ? a.outdir : tmp, a.root, &pp, &why) <
	        0 ||
	    install_spec(a.root, spec, pp, &why) < 0)
		warnx("%s", why.text);
	else
		rc = 0;
	if (tmp)
		remove_tree(tmp);
	free(tmp);
	free(pp);
	spec_free(spec);
	return rc;
}
