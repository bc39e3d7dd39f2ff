/*
 * read_file - read a whole regular file into memory.
 *
 * Used by pfsel-gen scan for main.cf/master.cf (gen/pfconf_config.c) and
 * by pfsel-label review for sepolgen's interface vectors
 * (review/review_iface.c).  Anything but a regular file is refused: a
 * FIFO or a device named by mistake would block or never end.
 */
#ifndef PFSEL_READ_FILE_H
#define PFSEL_READ_FILE_H

#include <stddef.h>

#include "why.h"

/* The file's bytes, NUL-terminated, in *text (free it); -1 with why. */
int read_file(const char *path, char **text, size_t *len, struct why *why);

#endif
