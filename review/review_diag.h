/*
 * review_diag - why each group of denials happened and what fixes it.
 *
 * cmd_review.c calls rv_diagnose() once per group after the whole log
 * is read (never per record).  The reason is audit2why's (already
 * allowed, dontaudit, TE rule, boolean, constraint, RBAC, bounds,
 * unknown type); the fix goes further: a mislabeled file (restorecon),
 * an unlabeled port (semanage port), a boolean, a pfsel spec section
 * for a Postfix extension (review_recipe.c), and only then an allow
 * rule, with risky grants named in words.
 */
#ifndef PFSEL_REVIEW_DIAG_H
#define PFSEL_REVIEW_DIAG_H

#include "review_group.h"
#include "review_policy.h"
#include "review_recipe.h"

/* audit2why's answers, in its order. */
enum rv_reason {
	RV_R_ALLOW,
	RV_R_DONTAUDIT,
	RV_R_TE,
	RV_R_BOOLEAN,
	RV_R_CONSTRAINT,
	RV_R_RBAC,
	RV_R_BOUNDS,
	RV_R_BADSCON,
	RV_R_BADTCON,
	RV_R_BADCLASS,
	RV_R_BADPERM,
	RV_R_BADCOMPUTE,
};

/* Fix categories, in the order they are offered and printed. */
enum rv_fix {
	RV_FIX_RELABEL,
	RV_FIX_PORT,
	RV_FIX_BOOLEAN,
	RV_FIX_SPEC,
	RV_FIX_ALLOW,
	RV_FIX_POLICY,  /* constraint, RBAC, bounds: no allow rule helps */
	RV_FIX_NONE,    /* already allowed or dontaudit */
	RV_FIX_UNKNOWN, /* types or class the policy does not know */
	RV_FIX_COUNT,
};

#define RV_MAX_BOOLS      8
#define RV_WIDE_REACH     32
#define RV_MAX_PORT_TYPES 32

struct rv_diag {
	int reason;             /* enum rv_reason, for all the group asked */
	uint16_t cls;           /* the class value, 0 when unknown */
	int fix;                /* enum rv_fix */
	uint64_t allowed;       /* group perm bits the policy allows */
	uint64_t unknown_perms; /* bits the class does not have */
	uint64_t rule_bits;     /* what an allow rule must grant */
	const char *bools[RV_MAX_BOOLS];
	int boolvals[RV_MAX_BOOLS];
	int nbools;
	/* A global boolean (its rules reach more than RV_WIDE_REACH
	 * domains) is offered after the allow rule, with this risk note */
	const char *bool_risk;
	const char *constraint; /* interned, or NULL */
	/* badscon/badtcon whose type the policy has: what is wrong */
	const char *bad_context;
	int permissive_domain;
	/* RV_FIX_RELABEL (or a differing label noted for another fix) */
	const char *fc_path, *fc_type;
	/* fc_path is the program the source domain ran: its file should
	 * have fc_type, the entry point of another domain */
	int relabel_program;
	/* RV_FIX_PORT */
	int port;
	const char *port_proto;
	const char *port_types[RV_MAX_PORT_TYPES];
	int nport_types;
	/* RV_FIX_SPEC: the spec section text, interned */
	const char *spec;
	const char *spec_why;
	/* RV_FIX_SPEC of a socket: review_fix.c writes one section per
	 * socket, with the clients of all its groups */
	struct rv_socket_use sock;
	/* RV_FIX_ALLOW: risky grants, in words; NULL when none */
	const char *risk;
	/* RV_FIX_ALLOW with --interfaces: the refpolicy interface that
	 * covers the rule (interned), and how many permissions it grants */
	const char *iface;
	int iface_grants;
};

struct rv_diag_ctx;

/* policy may be NULL (no diagnosis possible); fc_path may be NULL. */
struct rv_diag_ctx *rv_diag_new(struct rv_policy *policy,
                                const char *file_contexts);
void rv_diag_free(struct rv_diag_ctx *ctx);
/*
 * Two passes over all groups: rv_diagnose() says why each was denied
 * (reason, booleans, port types); rv_diagnose_fix() then picks the fix,
 * which for a spec entry or a relabel looks at the other groups too.
 */
void rv_diagnose(struct rv_diag_ctx *ctx, struct rv_table *t,
                 struct rv_group *g);
void rv_diagnose_fix(struct rv_diag_ctx *ctx, struct rv_table *t,
                     struct rv_group *g);

/* rv_diagnose_fix for all groups, with one file-contexts handle reduced
 * to the paths they name (review_fc.c). */
void rv_diagnose_fixes(struct rv_diag_ctx *ctx, struct rv_table *t,
                       struct rv_group **groups, size_t n);

const char *rv_reason_name(int reason);
const char *rv_fix_name(int fix);

#endif
