/*
 * build_temp - a module built where install and plan want it; see
 * build_temp.h.
 */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "build_base.h"
#include "build_temp.h"
#include "msg.h"
#include "temp_name.h"
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

int
build_temp(const struct spec *spec, const char *outdir, const char *root,
           struct build_temp *bt, struct why *why)
{
	char *base = NULL;
	int rc;

	memset(bt, 0, sizeof(*bt));
	if (outdir == NULL) {
		bt->tmp = temp_name("pfsel-gen");
		if (mkdtemp(bt->tmp) == NULL)
			fatal("cannot create %s", bt->tmp);
	}
	/* Against the policy without this module, when it is installed. */
	if ((rc = build_base(root, spec->module, &base, why)) >= 0)
		rc = build_module(spec, outdir ? outdir : bt->tmp,
		                  base ? base : root, &bt->pp, why);
	build_base_remove(base);
	return rc;
}

void
build_temp_done(struct build_temp *bt)
{
	/* rm -r; never follows symbolic links. */
	if (bt->tmp)
		nftw(bt->tmp, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(bt->tmp);
	free(bt->pp);
	memset(bt, 0, sizeof(*bt));
}
