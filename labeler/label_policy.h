/*
 * label_policy - what the binary policy and the policy's context files say
 * about a context: is it valid, is its type customizable, and what a file
 * labeled OLD must become when the file contexts say NEW.
 *
 * Validation uses libsepol against ROOT's binary policy because the
 * kernel interface (security_check_context) is absent in a scratch root
 * and on a kernel without SELinux.  Called by label_run before the walk
 * (every spec is checked before anything is written) and by label_walk
 * for contexts it composes.
 */
#ifndef PFSEL_LABEL_POLICY_H
#define PFSEL_LABEL_POLICY_H

#include <stddef.h>

#include "label_fc.h"
#include "sepolicy.h"
#include "why.h"

int label_policy_load(const char *binary_policy, struct why *why);
/* Check against sp, already loaded (doctor's); the caller keeps it. */
void label_policy_use(struct sepolicy *sp);
void label_policy_unload(void);
/* 0 when the policy accepts ctx; thread safe, answers are cached. */
int label_policy_check(const char *ctx);
/* Check every context of fc; -1 with "file:line: ..." at the first bad. */
int label_policy_check_fc(const struct label_fc *fc, struct why *why);

/* ROOT/etc/selinux/TYPE/contexts/customizable_types; absent is empty. */
int label_customizable_load(const char *policy_dir, struct why *why);
int label_customizable(const char *ctx);

/*
 * The type field of a context, as a pointer into ctx and a length;
 * -1 when ctx is not "user:role:type[:range]".
 */
int label_ctx_type(const char *ctx, const char **type, size_t *len);

/*
 * What a file labeled cur (NULL: no label) gets when the file contexts
 * say spec.  Like selinux_restorecon(3): without force, only the type is
 * changed and user, role and range are kept.  Returns 1 and a new string
 * in *target when the label must change, 0 when it is right, 2 when the
 * type is customizable and force is off.
 */
int label_ctx_target(const char *cur, const char *spec, int force,
                     char **target);

#endif
