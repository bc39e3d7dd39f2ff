/*
 * label_native - the types the file contexts give a set of trees, so
 * that the walk can tell a file of the tree from a hard link to a file
 * that belongs elsewhere.
 *
 * A second link in a queue to /etc/shadow is, to the walk, a queue file
 * with a wrong label; relabeling it would relabel the shadow file.  A
 * file that has more than one link and whose current type no file
 * context of the trees being labeled can give ("foreign") is therefore
 * left alone and reported.  Hard links inside a tree (maildir folders,
 * Dovecot's copies) carry the tree's own types and are relabeled as
 * before.
 *
 * The types are those of every specification that can match a tree's
 * top or anything below it: a PCRE2 partial match of "TOP/" (the engine
 * and flags selabel uses, as label_memo does), with the path aliases of
 * .subs followed both ways.  Built once by label_run before the walk;
 * read only by the walk's threads.
 */
#ifndef PFSEL_LABEL_NATIVE_H
#define PFSEL_LABEL_NATIVE_H

#include <stddef.h>

#include "label_fc.h"

struct label_native;

/*
 * The types fc gives the trees keys[0..n) (paths as selabel sees them,
 * "" or "/" for the root) and everything below them.
 */
struct label_native *label_native_new(const struct label_fc *fc,
                                      const char *const *keys, size_t n);
void label_native_free(struct label_native *nt);

/*
 * The type of a context as a new string, or NULL when it has none.
 */
char *label_native_type_of(const char *context);
/* 1 when the type of context is one of the trees', else 0. */
int label_native_has(const struct label_native *nt, const char *context);

#endif
