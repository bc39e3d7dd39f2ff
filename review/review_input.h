/*
 * review_input - read audit logs as a stream and fill the denial groups.
 *
 * cmd_review.c feeds it files (or stdin) in order; the fuzz target feeds
 * it bytes.  Each AVC/USER_AVC denial is added to its group at once; the
 * SYSCALL/CWD/PATH/AVC_PATH records of the same event (same node, time and
 * serial, in any order) are joined through a small ring of open events
 * so that a group learns the executable, the syscall result and full
 * paths.  Memory does not grow with the log: the ring has a fixed size
 * and the groups keep bounded examples.
 */
#ifndef PFSEL_REVIEW_INPUT_H
#define PFSEL_REVIEW_INPUT_H

#include <stddef.h>

#include "review_group.h"
#include "why.h"

struct rv_stats {
	unsigned long lines;
	unsigned long avc, user_avc, selinux_err; /* records seen */
	unsigned long denials;                    /* AVC/USER_AVC denials */
	unsigned long granted;                    /* "avc: granted" */
	unsigned long other_user_avc; /* USER_AVC that is no denial */
	unsigned long malformed;      /* lines or records skipped */
	unsigned long unread_denials; /* of those, ones that say "denied" */
};

/* A SELINUX_ERR kind with its count and first example. */
struct rv_err {
	const char *what;    /* e.g. "security_compute_sid: invalid context" */
	const char *example; /* the first record's text, truncated */
	unsigned long count;
};

#define RV_MAX_ERRS 64

struct rv_input;

struct rv_input *rv_input_new(struct rv_table *t);
void rv_input_free(struct rv_input *in);
/* Bytes of a stream, in pieces of any size; lines may span calls. */
void rv_input_bytes(struct rv_input *in, const char *p, size_t n);
/* Scan lines without AVX2 even where the CPU has it (the tests and the
 * fuzz target compare both scans). */
void rv_input_portable(struct rv_input *in);
/* Read a whole file descriptor; -1 with why on a read error. */
int rv_input_fd(struct rv_input *in, int fd, const char *name, struct why *why);
/* End of input: flush the partial line and all open events. */
void rv_input_finish(struct rv_input *in);

/*
 * Add what piece read (the next stretch of the same log, read by another
 * thread into its own table) to in, as if in had read it.  in's own
 * events must be flushed (rv_input_finish) before; the piece's events
 * still open pass to in, whose next file may hold their other records.
 */
void rv_input_merge(struct rv_input *in, struct rv_input *piece);

/* The table the input fills (given to rv_input_new). */
struct rv_table *rv_input_table(const struct rv_input *in);
const struct rv_stats *rv_input_stats(const struct rv_input *in);
const struct rv_err *rv_input_errs(const struct rv_input *in, size_t *n);

#endif
