/*
 * label_report - what pfsel-label check/apply tell the user: one line (or
 * JSON object) per file whose label differs, the totals, and a progress
 * line on a terminal.
 *
 * Text lines are those of setfiles(8)/restorecon(8) -v, "Would relabel P
 * from OLD to NEW" and "Relabeled P from OLD to NEW", because tools
 * parse them; a missing label prints as "(null)" as there.  Names and
 * labels are escaped as quote.h says, so that no byte of a file name
 * starts a line or reaches the terminal as a control.  A file left alone
 * because it is a hard link with a foreign type (label_walk) gets a
 * "Not relabeling P from OLD to NEW: REASON" line.  Worker
 * threads format into their own buffer (struct label_out) and write
 * whole lines, so output never interleaves.  Called by label_walk and
 * label_run.
 */
#ifndef PFSEL_LABEL_REPORT_H
#define PFSEL_LABEL_REPORT_H

#include <stdatomic.h>
#include <stddef.h>

#include "strbuf.h"

struct label_counts {
	atomic_ulong files;      /* entries looked at */
	atomic_ulong differ;     /* labels that differ (or differed) */
	atomic_ulong relabeled;  /* labels written */
	atomic_ulong errors;     /* entries that could not be handled */
	atomic_ulong vanished;   /* removed or replaced while walking */
	atomic_ulong customized; /* left alone: customizable type */
	atomic_ulong refused;    /* left alone: hard link, foreign type */
	_Atomic double done;     /* estimated fraction of the walk done */
};

struct label_out {
	struct strbuf sb;
	int json;
};

void label_out_init(struct label_out *o, int json);
/* Write out what o holds; called when it grows and at the end. */
void label_out_flush(struct label_out *o);
void label_out_free(struct label_out *o);
/* One differing label; written says whether it was changed. */
void label_report_change(struct label_out *o, const char *path,
                         const char *from, const char *to, int written);
/* A file not relabeled: links names, type its current, foreign type. */
void label_report_refused(struct label_out *o, const char *path,
                          const char *from, const char *to,
                          unsigned long links, const char *type);
/* The closing totals: a JSON object, or a line on stderr with -v. */
void label_report_summary(int json, const struct label_counts *c,
                          double seconds, int interrupted, int verbose);
/* Progress on stderr while the walk runs; only if stderr is a TTY. */
void label_progress_start(const struct label_counts *c);
void label_progress_stop(void);

#endif
