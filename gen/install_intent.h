/*
 * install_intent - an install or uninstall in flight, recorded before
 * the store commit, so that no crash can leave the store changed and the
 * manifest not (a module and port labels nobody records, whose original
 * port types the next run would then lose).
 *
 * Inside the store transaction, once every change is staged and before
 * the commit, intent_record() writes ROOT/var/lib/pfsel/NAME.intent and
 * fsyncs it and its directory: the manifest as it is once the commit is
 * done (for an uninstall, the manifest being undone), the module's
 * checksum before and after, and each local port record the transaction
 * changes, before and after (lib/manifest.h).  After the commit
 * intent_finish() writes (install) or removes (uninstall) NAME.manifest,
 * then removes the intent; after a failed commit intent_drop() removes
 * it.
 *
 * A run killed in between leaves the intent.  intent_reconcile() runs at
 * the start of every transaction, under statedir_lock() (held by each
 * install, uninstall and verify until its records are final: the store
 * lock alone ends at the commit), so any intent it finds belongs to a
 * run that is gone: a store in the state after means the commit
 * happened, and the intent is finished; in the state before, it did not,
 * and the intent is dropped; in neither (some other tool changed the
 * store since), it is an error naming the file.
 * Called by gen/install.c.
 */
#ifndef PFSEL_GEN_INSTALL_INTENT_H
#define PFSEL_GEN_INSTALL_INTENT_H

#include "install_store.h"
#include "manifest.h"
#include "ports.h"
#include "statedir.h"
#include "why.h"

/*
 * in describes the transaction that takes the store from local and the
 * module checksum sum_before ("" when absent) to sum_after with plan's
 * port changes applied.  Clear it with manifest_intent_clear.
 */
void intent_fill(struct manifest_intent *in, int uninstall,
                 const char *sum_before, const char *sum_after,
                 const struct port_set *local, const struct port_plan *plan);

/* m->intent set: NAME.intent, durable when this returns 0. */
int intent_record(const struct statedir *sd, const struct manifest *m,
                  struct why *why);
/* The commit is done: the manifest as m says, then no intent. */
int intent_finish(const struct statedir *sd, const struct manifest *m,
                  struct why *why);
/* The commit failed: no intent. */
int intent_drop(const struct statedir *sd, const char *module, struct why *why);

/* Finish or drop every intent in sd, as the store (st) tells. */
int intent_reconcile(struct store *st, const struct statedir *sd,
                     struct why *why);

#endif
