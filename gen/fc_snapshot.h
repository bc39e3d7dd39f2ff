/*
 * fc_snapshot - keep the file contexts as they were before an install or
 * uninstall changes them.
 *
 * "pfsel-label apply --changed-since COPY" then relabels only the trees
 * whose contexts the transaction changed, instead of the whole system.
 * Called by gen/install.c before each store transaction.
 */
#ifndef PFSEL_GEN_FC_SNAPSHOT_H
#define PFSEL_GEN_FC_SNAPSHOT_H

#include "selroot.h"
#include "statedir.h"
#include "why.h"

/*
 * Copy file_contexts and its .local, .homedirs, .subs_dist and .subs companions
 * (those that exist) into MODULE.before/ in sd (ROOT/var/lib/pfsel),
 * never through a link; the path of the copied file_contexts is
 * returned (malloc'd), NULL with why set.
 */
char *fc_snapshot(const struct selroot *sr, const struct statedir *sd,
                  const char *module, struct why *why);

#endif
