/*
 * review_pieces - read one large regular audit log on several threads.
 *
 * cmd_review.c hands every named file here.  A regular file of at least
 * two pieces' worth is cut into up to `threads` stretches at line
 * boundaries where one audit event ends and the next begins; each
 * stretch is parsed by its own thread into its own table, and the
 * tables are merged in file order.  Anything else (stdin, a pipe, a
 * small file, threads = 1) is read as one stream by rv_input_fd.
 */
#ifndef PFSEL_REVIEW_PIECES_H
#define PFSEL_REVIEW_PIECES_H

#include "review_input.h"
#include "why.h"

/* Read fd (named name in errors); -1 with why on a read error. */
int rv_read_file(struct rv_input *in, int fd, const char *name, int threads,
                 struct why *why);

#endif
