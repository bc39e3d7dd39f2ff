/*
 * fc_snapshot - copy the file contexts aside; see fc_snapshot.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "fc_snapshot.h"
#include "strbuf.h"
#include "xalloc.h"

/* Copy one file; a missing source is no error (the companions are
 * optional), reported as 0, a copy as 1. */
static int
copy_file(const char *from, const char *to, struct why *why)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	ssize_t n;
	int fd, rc;

	if ((fd = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		if (errno == ENOENT)
			return 0;
		return why_errno(why, "cannot open %s", from);
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0 ||
	       (n < 0 && errno == EINTR))
		if (n > 0)
			strbuf_addmem(&sb, buf, (size_t)n);
	if (n < 0) {
		why_errno(why, "cannot read %s", from);
		close(fd);
		strbuf_free(&sb);
		return -1;
	}
	close(fd);
	rc = atomic_write_file(to, strbuf_str(&sb), sb.len, 0644, why);
	strbuf_free(&sb);
	return rc < 0 ? -1 : 1;
}

static int
make_dirs(const char *path, struct why *why)
{
	char *copy = xstrdup(path), *p;

	for (p = copy + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(copy, 0755) < 0 && errno != EEXIST) {
			why_errno(why, "cannot create %s", copy);
			free(copy);
			return -1;
		}
		*p = '/';
	}
	free(copy);
	if (mkdir(path, 0755) < 0 && errno != EEXIST)
		return why_errno(why, "cannot create %s", path);
	return 0;
}

char *
fc_snapshot(const struct selroot *sr, const char *module, struct why *why)
{
	static const char *const suffixes[] = {"", ".local", ".homedirs",
	                                       ".subs_dist", ".subs"};
	char *dir = xasprintf("%s/var/lib/pfsel/%s.before", sr->root, module);
	char *copy = NULL;
	size_t i;

	if (make_dirs(dir, why) < 0)
		goto out;
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		char *from = xasprintf("%s%s", sr->file_contexts, suffixes[i]);
		char *to = xasprintf("%s/file_contexts%s", dir, suffixes[i]);
		int rc = copy_file(from, to, why);

		/* A companion that vanished must not survive from before. */
		if (rc == 0)
			unlink(to);
		free(from);
		free(to);
		if (rc < 0)
			goto out;
	}
	copy = xasprintf("%s/file_contexts", dir);
out:
	free(dir);
	return copy;
}
