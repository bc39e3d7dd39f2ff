/*
 * atomic_file - temp file, fsync, rename; see atomic_file.h.
 */
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "xalloc.h"

static int
write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
atomic_write_file(const char *path, const void *data, size_t len, mode_t mode,
		  struct why *why)
{
	char *tmp = xasprintf("%s.XXXXXX", path);
	int fd;

	if ((fd = mkostemp(tmp, O_CLOEXEC)) < 0) {
		why_errno(why, "cannot create a temporary file for %s", path);
		free(tmp);
		return -1;
	}
	if (fchmod(fd, mode) < 0 || write_all(fd, data, len) < 0
	    || fsync(fd) < 0) {
		why_errno(why, "cannot write %s", tmp);
		goto fail;
	}
	if (close(fd) < 0) {
		fd = -1;
		why_errno(why, "cannot write %s", tmp);
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) < 0) {
		why_errno(why, "cannot rename %s to %s", tmp, path);
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return -1;
}

/* NAME.XXXXXX with random letters, created exclusively in dirfd. */
static int
create_temp_at(int dirfd, const char *name, char **tmp)
{
	static const char letters[] =
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	unsigned char rnd[6];
	int tries, fd, i;

	for (tries = 0; tries < 100; tries++) {
		if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
			return -1;
		*tmp = xasprintf("%s.XXXXXX", name);
		for (i = 0; i < 6; i++)
			(*tmp)[strlen(*tmp) - 6 + (size_t)i] =
			    letters[rnd[i] % (sizeof(letters) - 1)];
		fd = openat(
		    dirfd, *tmp,
		    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
		free(*tmp);
		*tmp = NULL;
	}
	errno = EEXIST;
	return -1;
}

int
atomic_write_at(int dirfd, const char *dirpath, const char *name,
                const void *data, size_t len, mode_t mode, struct why *why)
{
	char *tmp = NULL;
	int fd;

	if ((fd = create_temp_at(dirfd, name, &tmp)) < 0) {
		why_errno(why, "cannot create a temporary file for %s/%s",
		          dirpath, name);
		free(tmp);
		return -1;
	}
	if (fchmod(fd, mode) < 0 || write_all(fd, data, len) < 0 ||
	    fsync(fd) < 0) {
		why_errno(why, "cannot write %s/%s", dirpath, tmp);
		goto fail;
	}
	if (close(fd) < 0) {
		fd = -1;
		why_errno(why, "cannot write %s/%s", dirpath, tmp);
		goto fail;
	}
	fd = -1;
	if (renameat(dirfd, tmp, dirfd, name) < 0) {
		why_errno(why, "cannot rename %s/%s to %s", dirpath, tmp, name);
		goto fail;
	}
	free(tmp);
	/* The rename is durable only once the directory is on disk. */
	if (fsync(dirfd) < 0)
		return why_errno(why, "cannot sync %s", dirpath);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	unlinkat(dirfd, tmp, 0);
	free(tmp);
	return -1;
}
