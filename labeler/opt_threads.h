/*
 * opt_threads - the -j THREADS option of pfsel-label's commands.
 *
 * check and apply (label_run.c) walk trees on that many threads, review
 * (cmd_review.c) reads a large log in that many pieces; both default to
 * the online processors and take the same range.
 */
#ifndef PFSEL_OPT_THREADS_H
#define PFSEL_OPT_THREADS_H

/* The number of online processors, at least 1. */
int opt_threads_default(void);
/* -j's argument, 1 to 256; -1 after a warning naming it. */
int opt_threads(const char *arg);

#endif
