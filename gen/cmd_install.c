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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "commands.h"
#include "install.h"
#include "msg.h"
#include "spec_args.h"
#include "xalloc.h"

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
	struct spec_args a;
	struct spec *spec;
	struct why why;
	char *tmp = NULL, *pp = NULL;
	int rc = PFSEL_EXIT_ERROR;

	if (spec_args_parse(argc, argv, &a) < 0)
		return PFSEL_EXIT_ERROR;
	if ((spec = spec_load(a.spec, &why)) == NULL) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	if (install_check(a.root, spec, &why) < 0) {
		errorx("%s", why.text);
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
		errorx("%s", why.text);
	else
		rc = 0;
	if (tmp)
		remove_tree(tmp);
	free(tmp);
	free(pp);
	spec_free(spec);
	return rc;
}
