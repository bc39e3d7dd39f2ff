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

#include "fc_snapshot.h"
#include "strbuf.h"
#include "xalloc.h"

/* Copy one file into dir; a missing source is no error (the companions
 * are optional), reported as 0, a copy as 1. */
static int
copy_file(const char *from, const struct statedir *dir, const char *to,
          struct why *why)
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
	rc = statedir_write(dir, to, strbuf_str(&sb), sb.len, why);
	strbuf_free(&sb);
	return rc < 0 ? -1 : 1;
}

char *
fc_snapshot(const struct selroot *sr, const struct statedir *sd,
            const char *module, struct why *why)
{
	static const char *const suffixes[] = {"", ".local", ".homedirs",
	                                       ".subs_dist", ".subs"};
	char *name = xasprintf("%s.before", module);
	struct statedir dir;
	char *copy = NULL;
	size_t i;
	int rc = 0;

	if (statedir_subdir(sd, name, &dir, why) < 0) {
		free(name);
		return NULL;
	}
	for (i = 0; rc >= 0 && i < sizeof(suffixes) / sizeof(suffixes[0]);
	     i++) {
		char *from = xasprintf("%s%s", sr->file_contexts, suffixes[i]);
		char *to = xasprintf("file_contexts%s", suffixes[i]);

		/* A companion that vanished must not survive from before. */
		if ((rc = copy_file(from, &dir, to, why)) == 0)
			rc = statedir_remove(&dir, to, why);
		free(from);
		free(to);
	}
	if (rc >= 0)
		copy = statedir_path(&dir, "file_contexts");
	statedir_close(&dir);
	free(name);
	return copy;
}
