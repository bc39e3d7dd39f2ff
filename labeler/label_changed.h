/*
 * label_changed - which trees an install or uninstall can have relabeled.
 *
 * Given the file contexts before (a saved copy, with its .local,
 * .homedirs and .subs files beside it) and after, a file's answer can
 * only have changed if a specification that matches it was added or
 * removed (or its context changed).  Every match of a specification
 * starts with its literal prefix, so the trees to walk are the existing
 * entries named by those prefixes: "/srv/mailqueue(/.*)?" gives
 * /srv/mailqueue and any /srv/mailqueue* beside it.  Changed path
 * aliases (.subs) give their source and target trees.  Called by
 * label_run for --changed-since.
 */
#ifndef PFSEL_LABEL_CHANGED_H
#define PFSEL_LABEL_CHANGED_H

#include <stddef.h>

#include "label_fc.h"

/*
 * The absolute paths (below root, which is "" or a directory without a
 * trailing slash) to walk; appended to *paths.  Returns how many.
 */
size_t label_changed_trees(const struct label_fc *before,
                           const struct label_fc *after, const char *root,
                           char ***paths, size_t *npaths);

#endif
