/*
 * floorwalk - the floor for pfsel-label's benchmark: a bare walk that
 * only lstat()s every entry (nftw, physical) and reads its
 * security.selinux attribute, with no lookup and no output.  Built and
 * run by tests/bench/30-label.sh; prints the number of entries.
 */
#define _GNU_SOURCE
#include <ftw.h>
#include <stdio.h>
#include <sys/xattr.h>

static unsigned long entries;

static int
visit(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	char buf[256];

	(void)st;
	(void)flag;
	(void)ftw;
	if (lgetxattr(path, "security.selinux", buf, sizeof(buf)) < 0)
		buf[0] = '\0';
	entries++;
	return 0;
}

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (nftw(argv[i], visit, 64, FTW_PHYS | FTW_MOUNT) < 0) {
			perror(argv[i]);
			return 2;
		}
	printf("%lu\n", entries);
	return 0;
}
