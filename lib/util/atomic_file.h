/*
 * atomic_file - write a whole file or nothing.
 *
 * The OpenSMTPD way: an exclusive temporary file in the target's
 * directory, fsync, rename over the target.  A crash or error leaves the
 * old file (or no file), never a half-written one.
 */
#ifndef PFSEL_ATOMIC_FILE_H
#define PFSEL_ATOMIC_FILE_H

#include <stddef.h>
#include <sys/types.h>

#include "why.h"

int atomic_write_file(const char *path, const void *data, size_t len,
		      mode_t mode, struct why *why);
/*
 * The same relative to the open directory dirfd (dirpath names it in
 * messages), without following a link anywhere: the temporary file is
 * created with O_EXCL|O_NOFOLLOW, renamed over name (a link there is
 * replaced, never written through), and the directory is fsync'd too,
 * so the new file survives a crash once this returns.
 */
int atomic_write_at(int dirfd, const char *dirpath, const char *name,
                    const void *data, size_t len, mode_t mode, struct why *why);

#endif
