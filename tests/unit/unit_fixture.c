/*
 * unit_fixture - scratch directories and files for the unit tests (see
 * unit_fixture.h).  Plain libc and lib/util only: it links into the
 * tests of all three archives.
 */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "read_file.h"
#include "temp_name.h"
#include "unit_fixture.h"
#include "xalloc.h"

char *
unit_tmpdir(const char *prefix)
{
	char *dir = temp_name(prefix);
	char msg[256];

	if (mkdtemp(dir) == NULL) {
		snprintf(msg, sizeof(msg), "mkdtemp %s: %s", dir,
		         strerror(errno));
		free(dir);
		fail_msg("%s", msg);
	}
	return dir;
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path) < 0 ? errno : 0;
}

void
unit_rmtree(const char *dir)
{
	int rc;

	if (dir == NULL) /* the setup failed before it made one */
		return;
	rc = nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	if (rc != 0)
		fail_msg("removing %s: %s", dir, strerror(rc < 0 ? errno : rc));
}

void
unit_mkdirs(const char *dir, const char *rel)
{
	char *path = xasprintf("%s/%s", dir, rel);
	char *slash = path + strlen(dir);

	/* Each component below DIR in turn, the whole path last. */
	do {
		slash = strchr(slash + 1, '/');
		if (slash != NULL)
			*slash = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST)
			fail_msg("mkdir %s: %s", path, strerror(errno));
		if (slash != NULL)
			*slash = '/';
	} while (slash != NULL);
	free(path);
}

char *
unit_write(const char *dir, const char *rel, const char *text)
{
	char *path = xasprintf("%s/%s", dir, rel);
	const char *base = strrchr(rel, '/');
	FILE *fp;
	int bad;

	if (base != NULL) {
		char *parent = xstrndup(rel, (size_t)(base - rel));

		unit_mkdirs(dir, parent);
		free(parent);
	}
	if ((fp = fopen(path, "we")) == NULL)
		fail_msg("%s: %s", path, strerror(errno));
	bad = fputs(text, fp) == EOF;
	if (fclose(fp) == EOF || bad)
		fail_msg("writing %s: %s", path, strerror(errno));
	return path;
}

char *
unit_read(const char *path)
{
	struct why why;
	char *text;
	size_t len;

	if (read_file(path, &text, &len, &why) < 0)
		fail_msg("%s", why.text);
	return text;
}

void
unit_tree_datadir(void)
{
	if (setenv("PFSEL_DATADIR", ".", 0) < 0)
		fail_msg("setenv: %s", strerror(errno));
}
