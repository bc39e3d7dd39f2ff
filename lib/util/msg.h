/*
 * msg - the one diagnostics family of pfsel.
 *
 * One voice: "PROG: error: ..." for whatever makes the run fail (exit
 * status 2, which both programs document as "error"), "PROG: warning:
 * ..." only for what does not.  fatal()/warn()/error() append
 * strerror(errno); fatalx()/warnx()/errorx() do not (the OpenBSD
 * convention).  fatal*() exit at once, for what cannot be recovered (out
 * of memory); error*() only print, and the top level of a subcommand
 * returns the exit status.  Messages go to stderr prefixed with the
 * program name set by msg_init().  Code below the top level does not
 * call these for a failure: it fills a struct why (why.h) and lets the
 * caller decide.
 */
#ifndef PFSEL_MSG_H
#define PFSEL_MSG_H

#include <stdarg.h>

#define PFSEL_EXIT_ERROR 2

void msg_init(const char *progname);
const char *msg_progname(void);
void msg_set_verbose(int level);
int msg_verbose(void);

void fatal(const char *fmt, ...)
    __attribute__((noreturn, format(printf, 1, 2)));
void fatalx(const char *fmt, ...)
    __attribute__((noreturn, format(printf, 1, 2)));
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* An error the caller turns into exit status 2. */
void error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void errorx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
