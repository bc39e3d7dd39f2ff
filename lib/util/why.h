/*
 * why - an error reason carried up to the caller, Postfix's "why" idiom.
 *
 * A function that can fail on user input returns -1 (or NULL) and fills
 * a struct why; the top level prints it and picks the exit status.  When
 * the error is about a place in an input file, why_at() records it in the
 * "file:line: what is wrong" form every pfsel diagnostic uses.
 */
#ifndef PFSEL_WHY_H
#define PFSEL_WHY_H

#define WHY_MAX 1024

struct why {
	char text[WHY_MAX];
};

/* Both return -1 so that callers can write "return why_set(...)". */
int why_set(struct why *why, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int why_at(struct why *why, const char *file, int line, const char *fmt,
	   ...) __attribute__((format(printf, 4, 5)));
/* Like why_set, with ": strerror(errno)" appended. */
int why_errno(struct why *why, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
