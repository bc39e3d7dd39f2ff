/*
 * review_policy - the binary policy pfsel-label review diagnoses against.
 *
 * Two views of one policy file: libsepol's global policy, which answers
 * access questions (sepol_compute_av_reason, as audit2why does), and a
 * policydb of our own for what libsepol's shared library does not
 * export an API for (conditional rules and the booleans behind them,
 * attributes, permissive domains, port types).  Called by review_diag.c.
 */
#ifndef PFSEL_REVIEW_POLICY_H
#define PFSEL_REVIEW_POLICY_H

#include <stdint.h>

#include "why.h"

struct rv_policy;

struct rv_policy *rv_policy_load(const char *path, struct why *why);
void rv_policy_free(struct rv_policy *pol);
const char *rv_policy_path(const struct rv_policy *pol);

/* Result of one access computation. */
struct rv_access {
	uint32_t requested, allowed, auditdeny;
	unsigned int reason; /* SEPOL_COMPUTEAV_* bits, 0 when allowed */
	char *constraint;    /* the failing expression or NULL; caller frees */
};

enum rv_access_err {
	RV_ACC_OK = 0,
	RV_ACC_BADSCON = -2,
	RV_ACC_BADTCON = -3,
	RV_ACC_BADCLASS = -4,
	RV_ACC_BADPERM = -5,
	RV_ACC_BADCOMPUTE = -6,
};

/* Class value and permission bits; 0 when unknown. */
uint16_t rv_policy_class(struct rv_policy *pol, const char *tclass);
uint32_t rv_policy_perm(struct rv_policy *pol, uint16_t cls, const char *perm);

/*
 * Compute the access of scon to tcon for these permission bits.  When
 * want_cons is set and a constraint denies, acc->constraint names it.
 */
int rv_policy_access(struct rv_policy *pol, const char *scon, const char *tcon,
                     uint16_t cls, uint32_t perms, int want_cons,
                     struct rv_access *acc);

/*
 * The booleans that, flipped one at a time, would allow all of perms
 * (the audit2why question).  Fills names[] (owned by the policy) and
 * values[] (the value to set); returns their number.
 */
int rv_policy_booleans(struct rv_policy *pol, const char *stype,
                       const char *ttype, uint16_t cls, uint32_t perms,
                       uint32_t allowed, const char **names, int *values,
                       int max);

/* Whether the policy knows the type, and whether it is permissive. */
int rv_policy_has_type(struct rv_policy *pol, const char *type);
int rv_policy_permissive(struct rv_policy *pol, const char *type);
/* Whether type has attribute attr (or is attr). */
int rv_policy_has_attr(struct rv_policy *pol, const char *type,
                       const char *attr);
/* How many types a name stands for: 1 for a type or alias, the member
 * count for an attribute, 0 for a name the policy does not have. */
int rv_policy_type_count(struct rv_policy *pol, const char *name);

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
/* The type of proto/port (policydb_port_type). */
const char *rv_policy_port_label(struct rv_policy *pol, const char *proto,
                                 int port);
/* Hand pol to libsepol's services again, after code that loaded another
 * policy there (label_policy.h) and gave them a sidtab of its own. */
void rv_policy_activate(struct rv_policy *pol);

/* A copy of con with its type replaced; caller frees. */
char *rv_context_with_type(const char *con, const char *type);

#endif
