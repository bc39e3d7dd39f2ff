/*
 * review_fc - a libselinux file-contexts handle that knows only the
 * entries that can match a given set of paths.
 *
 * Called by review_diag.c for the mislabeled-file check.  libselinux
 * compiles a text file_contexts regex on first use and keeps it, and a
 * lookup walks back through every entry of its stem until one matches:
 * one lookup under /usr compiled some 2000 regexes (+15 MB), and the
 * precompiled file_contexts.bin maps 7 MB more (measured on Debian 12's
 * refpolicy, 320 paths: 23 MB text, 40 MB .bin).  An entry whose literal
 * prefix (the text before its first regex operator) is not a prefix of
 * any path, or of its .subs alias, cannot match, so it is left out; the
 * rest keep their order, which is all libselinux's choice depends on.
 */
#ifndef PFSEL_REVIEW_FC_H
#define PFSEL_REVIEW_FC_H

#include <stddef.h>

#include <selinux/label.h>

/*
 * Open a handle on file_contexts (and its .homedirs and .local) reduced
 * to the entries that can match one of paths; NULL when it cannot be
 * read.  Close it with selabel_close().
 */
struct selabel_handle *rv_fc_open(const char *file_contexts,
                                  const char *const *paths, size_t npaths);

/* The literal prefix of a file_contexts regex, unescaped, into out. */
size_t rv_fc_literal_prefix(const char *re, size_t n, char *out, size_t cap);

#endif
