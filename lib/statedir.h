/*
 * statedir - ROOT/var/lib/pfsel, where pfsel-gen keeps what it installed.
 *
 * pfsel-gen runs as root and writes, renames and removes files there
 * (NAME.manifest, NAME.intent, NAME.before/), so a link planted in that
 * tree must not steer those changes elsewhere.  statedir_open() walks
 * ROOT/var/lib/pfsel one component at a time with O_NOFOLLOW and keeps
 * the directory open; each directory on the way must be a real
 * directory owned by root and writable by nobody else.  Every later
 * access is relative to that descriptor and never follows a link: a
 * symbolic link, or anything but the expected kind of file, is an error
 * naming the path.  Called by lib/manifest.c, gen/install.c,
 * gen/install_intent.c and gen/fc_snapshot.c.
 */
#ifndef PFSEL_STATEDIR_H
#define PFSEL_STATEDIR_H

#include <stddef.h>
#include <sys/types.h>

#include "why.h"

struct statedir {
	int fd;
	char *path; /* for messages: ROOT/var/lib/pfsel */
};

/*
 * Open ROOT/var/lib/pfsel (root NULL or "" is the running system),
 * creating what is missing when create is set: 1 when opened, 0 when it
 * does not exist and create is not set, -1 with why set.
 */
int statedir_open(struct statedir *sd, const char *root, int create,
                  struct why *why);
/* NAME/ inside sd, as statedir_open checks it (created if missing). */
int statedir_subdir(const struct statedir *sd, const char *name,
                    struct statedir *sub, struct why *why);
/*
 * Wait for, then hold until statedir_close, the exclusive lock (flock)
 * of the directory: one pfsel-gen run at a time changes its records.
 */
int statedir_lock(const struct statedir *sd, struct why *why);
void statedir_close(struct statedir *sd);
/* sd's path/name, malloc'd, for messages. */
char *statedir_path(const struct statedir *sd, const char *name);

/*
 * What sd holds under name: 0 nothing, 1 an entry of the given type
 * (S_IFREG, S_IFDIR), -1 with why naming the path when it is anything
 * else (a symbolic link, a FIFO, ...).
 */
int statedir_check(const struct statedir *sd, const char *name, mode_t type,
                   struct why *why);
/*
 * The whole regular file name, at most max bytes, NUL-terminated:
 * 1 read, 0 absent, -1 with why set.
 */
int statedir_read(const struct statedir *sd, const char *name, size_t max,
                  char **data, size_t *len, struct why *why);
/*
 * The names in sd that end in suffix, with the suffix cut off, sorted,
 * in *names (free each and the array).
 */
int statedir_list(const struct statedir *sd, const char *suffix, char ***names,
                  size_t *count, struct why *why);
/* Replace name with data atomically; the file and sd are fsync'd. */
int statedir_write(const struct statedir *sd, const char *name,
                   const void *data, size_t len, struct why *why);
/* Remove the regular file name (absent is no error); sd is fsync'd. */
int statedir_remove(const struct statedir *sd, const char *name,
                    struct why *why);

#endif
