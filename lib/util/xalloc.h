/*
 * xalloc - allocation that never returns NULL.
 *
 * As in Postfix's mymalloc(), running out of memory is fatal, so callers
 * never check; every other failure is a reason carried up (why.h).
 */
#ifndef PFSEL_XALLOC_H
#define PFSEL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
