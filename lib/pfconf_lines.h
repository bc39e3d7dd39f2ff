/*
 * pfconf_lines - Postfix's logical lines, shared by main.cf and master.cf.
 *
 * Postfix (readlline(3)) drops empty lines, whitespace-only lines and lines
 * whose first non-blank is '#', and joins a line that starts with
 * whitespace to the one before it, even across comment lines.  A logical
 * line that would itself start with whitespace is dropped with a warning.
 * Called by pfconf_main.c and pfconf_master.c.
 */
#ifndef PFSEL_PFCONF_LINES_H
#define PFSEL_PFCONF_LINES_H

#include <stddef.h>

#include "why.h"

struct pfconf_line {
	char *text; /* the joined logical line, NUL-terminated */
	int line;   /* number of its first physical line */
};

struct pfconf_lines {
	struct pfconf_line *items;
	size_t count;
	/* Lines Postfix ignores with a warning: "line N: reason". */
	struct pfconf_line *dropped;
	size_t ndropped;
};

/* Split text into logical lines; -1 with why ("file:line: ...") when the
 * text holds a NUL byte, which no Postfix file may. */
int pfconf_lines_split(struct pfconf_lines *out, const char *file,
                       const char *text, size_t len, struct why *why);
void pfconf_lines_free(struct pfconf_lines *lines);

#endif
