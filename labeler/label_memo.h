/*
 * label_memo - avoid asking selabel the same question twice.
 *
 * selabel_lookup(3) tries thousands of regular expressions per path
 * (35 us per file on this policy, 90% of "setfiles -n" time, measured on
 * a 200,000-file Postfix tree).  Within one directory D the answer for a
 * child D/N depends only on which specs match "D/N" and on N's file type.
 * label_memo finds the few specs that can match anything below D
 * (PCRE2 partial matching of "D/", the same engine and flags selabel
 * uses, narrowed from the parent directory's set), computes for each
 * child the set of those specs that match it, and asks selabel once per
 * distinct (set of specs, file type) -- per thread, for the whole walk,
 * since the answer depends on nothing else: maildirs of three files
 * each then cost no lookup at all.  selabel still decides every
 * answer; the memo only proves two names equivalent.  Where the proof
 * does not hold (too many candidates, a path alias from .subs below or
 * above D) every lookup goes to selabel.
 *
 * Used by label_walk; one struct label_memo_dir per directory, read
 * only once made; the answers live in each thread's own data.
 */
#ifndef PFSEL_LABEL_MEMO_H
#define PFSEL_LABEL_MEMO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "label_fc.h"
#include "why.h"

struct label_memo; /* the compiled specs, shared read-only */

struct label_memo_dir {
	int usable;
	uint32_t *cand; /* spec indices that can match a child or below */
	size_t ncand;
};

/*
 * The literal text every match of a file_contexts regex starts with
 * ("" when there is none); the caller frees it.
 */
char *label_memo_prefix(const char *regex);

/* NULL when not enabled (--no-memo): then every lookup goes to selabel. */
struct label_memo *label_memo_new(const struct label_fc *fc, int enabled);
void label_memo_free(struct label_memo *m);

/* Per-thread matching scratch space. */
void *label_memo_thread_data(const struct label_memo *m);
void label_memo_thread_free(void *td);

/*
 * Prepare md for the children of the directory with key dkey ("" for the
 * root); parent is the memo of the directory holding it, NULL to start
 * from all specs.
 */
void label_memo_dir_init(const struct label_memo *m, void *td,
                         struct label_memo_dir *md,
                         const struct label_memo_dir *parent, const char *dkey);
void label_memo_dir_free(struct label_memo_dir *md);

/*
 * The signature of a child key; -1 when md cannot vouch (then ask
 * selabel directly).
 */
int label_memo_sig(const struct label_memo *m, void *td,
                   const struct label_memo_dir *md, const char *key,
                   size_t keylen, uint64_t *sig);
/*
 * The cached answer for the specs sig selects in md (as global spec
 * indices, so that the answer serves every directory where the same
 * specs match) and the file type: -1 when there is none, else 1 with a
 * copy in *context, or 0 (selabel found nothing).  td is the calling
 * thread's: no lock is taken.
 */
int label_memo_get(void *td, const struct label_memo_dir *md, uint64_t sig,
                   mode_t mode, char **context);
void label_memo_put(void *td, const struct label_memo_dir *md, uint64_t sig,
                    mode_t mode, int found, const char *context);

#endif
