/*
 * statedir - ROOT/var/lib/pfsel opened without following links; see
 * statedir.h.
 *
 * Each directory is opened with openat(O_NOFOLLOW | O_DIRECTORY) from
 * its parent's descriptor and checked with fstat on that descriptor, so
 * that what is checked is what is used: no path is resolved twice.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "statedir.h"
#include "strbuf.h"
#include "xalloc.h"

/* Why the entry at path (in dirfd) is not what was wanted. */
static int
refuse_entry(int dirfd, const char *name, const char *path, const char *want,
             struct why *why)
{
	struct stat st;

	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode))
		return why_set(why, "%s: is a symbolic link, not %s", path,
		               want);
	return why_set(why, "%s: is not %s", path, want);
}

/*
 * A directory pfsel writes in as root: anyone else who could write in
 * it could swap its entries between our check and our use.
 */
static int
check_dir_fd(int fd, const char *path, struct why *why)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return why_errno(why, "cannot stat %s", path);
	if (!S_ISDIR(st.st_mode))
		return why_set(why, "%s: is not a directory", path);
	if (st.st_uid != 0)
		return why_set(why, "%s: owned by uid %u, not root", path,
		               (unsigned)st.st_uid);
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return why_set(why, "%s: writable by group or others", path);
	return 0;
}

/* The directory name in dirfd, created if create is set: fd, -1 with why
 * set, -2 when it does not exist and create is not set. */
static int
open_dir_at(int dirfd, const char *name, const char *path, int create,
            struct why *why)
{
	int fd;

	if (create && mkdirat(dirfd, name, 0755) < 0 && errno != EEXIST) {
		why_errno(why, "cannot create %s", path);
		return -1;
	}
	fd = openat(dirfd, name,
	            O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && !create)
		return -2;
	if (fd < 0 && (errno == ELOOP || errno == ENOTDIR)) {
		refuse_entry(dirfd, name, path, "a directory", why);
		return -1;
	}
	if (fd < 0) {
		why_errno(why, "cannot open %s", path);
		return -1;
	}
	if (check_dir_fd(fd, path, why) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int
statedir_open(struct statedir *sd, const char *root, int create,
              struct why *why)
{
	static const char *const parts[] = {"var", "lib", "pfsel"};
	struct strbuf path = STRBUF_INIT;
	size_t len = root ? strlen(root) : 0, i;
	int fd, next;

	sd->fd = -1;
	sd->path = NULL;
	/* ROOT itself is the caller's choice, and "/" on the system. */
	while (len > 0 && root[len - 1] == '/')
		len--;
	strbuf_addmem(&path, root ? root : "", len);
	if ((fd = open(len ? strbuf_str(&path) : "/",
	               O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		why_errno(why, "cannot open %s", len ? strbuf_str(&path) : "/");
		strbuf_free(&path);
		return -1;
	}
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		strbuf_addf(&path, "/%s", parts[i]);
		next =
		    open_dir_at(fd, parts[i], strbuf_str(&path), create, why);
		close(fd);
		if (next < 0) {
			strbuf_free(&path);
			return next == -2 ? 0 : -1;
		}
		fd = next;
	}
	sd->fd = fd;
	sd->path = strbuf_detach(&path);
	return 1;
}

int
statedir_subdir(const struct statedir *sd, const char *name,
                struct statedir *sub, struct why *why)
{
	char *path = statedir_path(sd, name);
	int fd = open_dir_at(sd->fd, name, path, 1, why);

	if (fd < 0) {
		free(path);
		return -1;
	}
	sub->fd = fd;
	sub->path = path;
	return 0;
}

int
statedir_lock(const struct statedir *sd, struct why *why)
{
	while (flock(sd->fd, LOCK_EX) < 0)
		if (errno != EINTR)
			return why_errno(why, "cannot lock %s", sd->path);
	return 0;
}

void
statedir_close(struct statedir *sd)
{
	if (sd->fd >= 0)
		close(sd->fd);
	free(sd->path);
	sd->fd = -1;
	sd->path = NULL;
}

char *
statedir_path(const struct statedir *sd, const char *name)
{
	return xasprintf("%s/%s", sd->path, name);
}

int
statedir_check(const struct statedir *sd, const char *name, mode_t type,
               struct why *why)
{
	struct stat st;
	char *path;

	if (fstatat(sd->fd, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		if (errno == ENOENT)
			return 0;
		path = statedir_path(sd, name);
		why_errno(why, "cannot stat %s", path);
		free(path);
		return -1;
	}
	if ((st.st_mode & S_IFMT) == type)
		return 1;
	path = statedir_path(sd, name);
	refuse_entry(sd->fd, name, path,
	             type == S_IFDIR ? "a directory" : "a regular file", why);
	free(path);
	return -1;
}

/* Read fd to its end, at most max bytes. */
static int
read_fd(int fd, const char *path, size_t max, struct strbuf *sb,
        struct why *why)
{
	char buf[8192];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return why_errno(why, "cannot read %s", path);
		strbuf_addmem(sb, buf, (size_t)n);
		if (sb->len > max)
			return why_set(why, "%s: larger than %zu bytes", path,
			               max);
	}
	return 0;
}

int
statedir_read(const struct statedir *sd, const char *name, size_t max,
              char **data, size_t *len, struct why *why)
{
	struct strbuf sb = STRBUF_INIT;
	char *path = statedir_path(sd, name);
	struct stat st;
	int fd, rc = -1;

	/* O_NONBLOCK: a FIFO planted there must not hang the open. */
	fd = openat(sd->fd, name,
	            O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		free(path);
		return 0;
	}
	if (fd < 0 && errno == ELOOP)
		refuse_entry(sd->fd, name, path, "a regular file", why);
	else if (fd < 0)
		why_errno(why, "cannot open %s", path);
	else if (fstat(fd, &st) < 0)
		why_errno(why, "cannot stat %s", path);
	else if (!S_ISREG(st.st_mode))
		why_set(why, "%s: is not a regular file", path);
	else if (read_fd(fd, path, max, &sb, why) == 0)
		rc = 1;
	if (fd >= 0)
		close(fd);
	free(path);
	if (rc < 0) {
		strbuf_free(&sb);
		return -1;
	}
	*len = sb.len;
	*data = strbuf_detach(&sb);
	return 1;
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
statedir_list(const struct statedir *sd, const char *suffix, char ***names,
              size_t *count, struct why *why)
{
	size_t slen = strlen(suffix);
	struct dirent *de;
	DIR *d;
	int fd;

	*names = NULL;
	*count = 0;
	if ((fd = dup(sd->fd)) < 0 || (d = fdopendir(fd)) == NULL) {
		if (fd >= 0)
			close(fd);
		return why_errno(why, "cannot read %s", sd->path);
	}
	rewinddir(d);
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);

		if (n <= slen || strcmp(de->d_name + n - slen, suffix) != 0)
			continue;
		*names = xreallocarray(*names, *count + 1, sizeof(**names));
		(*names)[(*count)++] = xstrndup(de->d_name, n - slen);
	}
	closedir(d);
	if (*count > 1)
		qsort(*names, *count, sizeof(**names), compare_strings);
	return 0;
}

int
statedir_write(const struct statedir *sd, const char *name, const void *data,
               size_t len, struct why *why)
{
	/* Whatever is there is replaced, but only a file is expected:
	 * refusing anything else leaves a planted entry for the admin. */
	if (statedir_check(sd, name, S_IFREG, why) < 0)
		return -1;
	return atomic_write_at(sd->fd, sd->path, name, data, len, 0644, why);
}

int
statedir_remove(const struct statedir *sd, const char *name, struct why *why)
{
	char *path;
	int rc;

	if ((rc = statedir_check(sd, name, S_IFREG, why)) <= 0)
		return rc;
	path = statedir_path(sd, name);
	if (unlinkat(sd->fd, name, 0) < 0 && errno != ENOENT)
		rc = why_errno(why, "cannot remove %s", path);
	else if (fsync(sd->fd) < 0)
		rc = why_errno(why, "cannot sync %s", sd->path);
	else
		rc = 0;
	free(path);
	return rc;
}
