/*
 * strbuf - a growable, always NUL-terminated byte string (Postfix's VSTRING).
 *
 * Used to assemble policy text, JSON and report lines without fixed-size
 * buffers.  The bytes may contain NULs; len is authoritative.
 */
#ifndef PFSEL_STRBUF_H
#define PFSEL_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *data;
	size_t len;
	size_t cap;
};

#define STRBUF_INIT {NULL, 0, 0}

void strbuf_init(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_addmem(struct strbuf *sb, const void *mem, size_t len);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Give the caller the buffer (never NULL) and reset sb. */
char *strbuf_detach(struct strbuf *sb);
/* The contents as a C string, "" when empty. */
const char *strbuf_str(const struct strbuf *sb);

#endif
