/*
 * review_pieces - read one large regular audit log on several threads.
 *
 * cmd_review.c hands every named file here.  A regular file of at least
 * two pieces' worth is cut into up to `threads` stretches at line
 * boundaries where one audit event ends and the next begins; each
 * stretch is parsed by its own thread into its own table, a thread
 * done early takes part of another's, and the tables are merged in
 * file order.  Anything else (stdin, a pipe, a
 * small file, threads = 1) is read as one stream by rv_input_fd.
 */
#ifndef PFSEL_REVIEW_PIECES_H
#define PFSEL_REVIEW_PIECES_H

#include "review_input.h"
#include "why.h"

/*
 * Threads that join the reading when they have nothing else to do: the
 * policy loader, done after ~0.04 s, takes work from the file being
 * read rather than sharing a core with the readers while it loads.
 */
struct rv_helpers;

struct rv_helpers *rv_helpers_new(void);
/* Called by a helper thread: takes work from each file read in pieces
 * until rv_helpers_done. */
void rv_helpers_help(struct rv_helpers *hs);
/* No more files: rv_helpers_help returns. */
void rv_helpers_done(struct rv_helpers *hs);
/* After the helpers have returned. */
void rv_helpers_free(struct rv_helpers *hs);

/*
 * Read fd (named name in errors) on threads threads; hs (or NULL) may
 * send one more, so threads - 1 start.  -1 with why on a read error.
 */
int rv_read_file(struct rv_input *in, int fd, const char *name, int threads,
                 struct rv_helpers *hs, struct why *why);

#endif
