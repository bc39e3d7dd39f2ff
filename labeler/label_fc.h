/*
 * label_fc - the file_contexts specifications of a root, as text.
 *
 * libselinux's selabel does every lookup; this module only reads the same
 * files it reads (file_contexts, .homedirs, .local, .subs_dist, .subs) so
 * that label_policy can validate every context before anything is written
 * and label_memo can prove that two names must get the same answer.
 * Called by label_run (loading) and the fuzz target (label_fc_parse).
 */
#ifndef PFSEL_LABEL_FC_H
#define PFSEL_LABEL_FC_H

#include <stddef.h>
#include <sys/types.h>

#include "why.h"

struct label_fc_spec {
	char *regex;      /* as written, without selabel's ^...$ anchors */
	mode_t mode;      /* S_IFMT bits, 0 for "any file type" */
	char *context;    /* raw context or "<<none>>" */
	const char *file; /* points into struct label_fc */
	int line;
};

/* A path alias from file_contexts.subs(_dist): SRC is looked up as DST. */
struct label_fc_sub {
	char *src;
	char *dst;
};

struct label_fc {
	struct label_fc_spec *specs;
	size_t nspecs;
	struct label_fc_sub *subs;
	size_t nsubs;
	char **files; /* names for struct label_fc_spec.file */
	size_t nfiles;
};

/*
 * Parse one file_contexts text; name is used in messages.  Appends to fc.
 * Returns -1 with why ("name:line: ...") on a malformed line.
 */
int label_fc_parse(struct label_fc *fc, const char *name, const char *text,
                   size_t len, struct why *why);
/* Parse a .subs file's "SRC DST" lines; appends to fc. */
int label_fc_parse_subs(struct label_fc *fc, const char *name, const char *text,
                        size_t len, struct why *why);
/*
 * Load PATH and the files selabel_open(3) loads beside it (PATH.homedirs,
 * PATH.local, PATH.subs_dist, PATH.subs; absent ones are skipped).
 */
int label_fc_load(struct label_fc *fc, const char *path, struct why *why);
void label_fc_free(struct label_fc *fc);

/* "--", "-d", ... to S_IF* bits; -1 when unknown. */
long label_fc_mode(const char *field);

#endif
