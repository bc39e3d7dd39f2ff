/*
 * build_tmp - a private build directory and its removal; see
 * build_tmp.h.
 */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>

#include "build_tmp.h"
#include "msg.h"
#include "xalloc.h"

char *
build_tmp_create(void)
{
	const char *t = getenv("TMPDIR");
	char *dir = xasprintf("%s/pfsel-gen.XXXXXX", t && *t ? t : "/tmp");

	if (mkdtemp(dir) == NULL)
		fatal("cannot create %s", dir);
	return dir;
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

void
build_tmp_remove(char *dir)
{
	if (dir == NULL)
		return;
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}
