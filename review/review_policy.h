/*
 * review_policy - the binary policy pfsel-label review and doctor
 * diagnose against: lib/sepolicy.h's policy, with what only review asks
 * of it (the booleans behind conditional rules, how far a boolean
 * reaches, the port types a domain may use, dontaudit and permissive
 * counts).  Called by review_diag.c and labeler/doctor_*.c.
 */
#ifndef PFSEL_REVIEW_POLICY_H
#define PFSEL_REVIEW_POLICY_H

#include <stdint.h>

#include "sepolicy.h"
#include "why.h"

struct rv_policy;

struct rv_policy *rv_policy_load(const char *path, struct why *why);
void rv_policy_free(struct rv_policy *pol);
/* The policy, for lib/sepolicy.h's questions; NULL for none. */
struct sepolicy *rv_policy_sepolicy(const struct rv_policy *pol);

/*
 * The booleans that, flipped one at a time, would allow all of perms
 * (the audit2why question).  Fills names[] (owned by the policy) and
 * values[] (the value to set); returns their number.
 */
int rv_policy_booleans(struct rv_policy *pol, const char *stype,
                       const char *ttype, uint16_t cls, uint32_t perms,
                       uint32_t allowed, const char **names, int *values,
                       int max);

/*
 * Port types (types with the port_type attribute, except the generic
 * port_t/reserved/unreserved ones) that scon may use with this class and
 * permission; tcon gives user, role and level.  Names are the policy's.
 */
int rv_policy_port_types(struct rv_policy *pol, const char *scon,
                         const char *tcon, uint16_t cls, uint32_t perm,
                         const char **names, int max);

/*
 * How many domains the boolean's allow rules reach: the most types the
 * source of one of them stands for (domain_can_mmap_files: every
 * domain).  0 for a name the policy does not have.
 */
int rv_policy_boolean_reach(struct rv_policy *pol, const char *name);

/*
 * For pfsel-label doctor: how many dontaudit rules the policy holds (0
 * after "semodule -DB"), its permissive types (names owned by the
 * policy; returns their number) and a boolean's value in the policy
 * file (1, 0; -1 when the policy has no such boolean).
 */
unsigned long rv_policy_dontaudit_rules(struct rv_policy *pol);
int rv_policy_permissive_types(struct rv_policy *pol, const char **names,
                               int max);
int rv_policy_boolean(struct rv_policy *pol, const char *name);
/* A copy of con with its type replaced; caller frees. */
char *rv_context_with_type(const char *con, const char *type);

#endif
