/*
 * review_diag - why each group of denials happened and what fixes it;
 * see review_diag.h.  Called by cmd_review.c once per group.
 *
 * The reason follows audit2why's decision order exactly (allowed, then
 * for a missing TE rule: a boolean, else dontaudit, else TE; then
 * constraint, RBAC), so that the integration test can hold it against
 * audit2why -p.  The fix is chosen in the order an administrator should
 * try them: relabel, port label, boolean, pfsel spec, allow rule.
 */
#include "review_diag.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <selinux/label.h>
#include <selinux/selinux.h>
#include <sepol/policydb/services.h>

#include "policy_file.h"
#include "review_fc.h"
#include "review_recipe.h"
#include "msg.h"
#include "review_risk.h"
#include "xalloc.h"

struct rv_diag_ctx {
	struct rv_policy *pol;
	struct sepolicy *sp; /* pol's, for lib/sepolicy.h's questions */
	char *fc_file;
	struct selabel_handle *fc; /* opened on first use */
	/* policy/label-guard and generic-types, read on first use */
	char *guard, *generic;
	int maps_read;
};

static const char *const reason_names[] = {
    "allowed", "dontaudit", "te",      "boolean",  "constraint", "rbac",
    "bounds",  "badscon",   "badtcon", "badclass", "badperm",    "badcompute",
};

static const char *const fix_names[] = {
    "relabel", "port", "boolean", "spec", "allow", "policy", "none", "unknown",
};

const char *
rv_reason_name(int reason)
{
	if (reason < 0 ||
	    (size_t)reason >= sizeof(reason_names) / sizeof(reason_names[0]))
		return "?";
	return reason_names[reason];
}

const char *
rv_fix_name(int fix)
{
	if (fix < 0 || fix >= RV_FIX_COUNT)
		return "?";
	return fix_names[fix];
}

struct rv_diag_ctx *
rv_diag_new(struct rv_policy *policy, const char *file_contexts)
{
	struct rv_diag_ctx *ctx = xcalloc(1, sizeof(*ctx));

	ctx->pol = policy;
	ctx->sp = rv_policy_sepolicy(policy);
	ctx->fc_file = file_contexts ? xstrdup(file_contexts) : NULL;
	return ctx;
}

void
rv_diag_free(struct rv_diag_ctx *ctx)
{
	if (ctx == NULL)
		return;
	if (ctx->fc != NULL)
		selabel_close(ctx->fc);
	free(ctx->fc_file);
	free(ctx->guard);
	free(ctx->generic);
	free(ctx);
}

/* audit2why's answer for av from the access decision acc made for it. */
static int
why_access(struct rv_diag_ctx *ctx, struct rv_table *t, struct rv_group *g,
           uint16_t cls, uint32_t av, const struct sepolicy_access *acc,
           struct rv_diag *d)
{
	if (acc->reason == 0)
		return RV_R_ALLOW;
	if (acc->reason & SEPOL_COMPUTEAV_TE) {
		const char *names[RV_MAX_BOOLS];
		int vals[RV_MAX_BOOLS], n = 0, i;

		/* A boolean can only help when TE is all that denies. */
		if (acc->reason == SEPOL_COMPUTEAV_TE)
			n = rv_policy_booleans(ctx->pol, g->stype, g->ttype,
			                       cls, av, acc->allowed, names,
			                       vals, RV_MAX_BOOLS);
		if (n > 0) {
			if (d != NULL) {
				for (i = 0; i < n; i++) {
					d->bools[i] = rv_intern(
					    t, names[i], strlen(names[i]));
					d->boolvals[i] = vals[i];
				}
				d->nbools = n;
			}
			return RV_R_BOOLEAN;
		}
		if (av & ~acc->auditdeny)
			return RV_R_DONTAUDIT;
		return RV_R_TE;
	}
	if (acc->reason & SEPOL_COMPUTEAV_CONS)
		return RV_R_CONSTRAINT;
	if (acc->reason & SEPOL_COMPUTEAV_RBAC)
		return RV_R_RBAC;
	return RV_R_BOUNDS;
}

/* audit2why's answer for one set of permission bits. */
static int
why_denied(struct rv_diag_ctx *ctx, struct rv_table *t, struct rv_group *g,
           int ci, uint16_t cls, uint32_t av, struct rv_diag *d,
           struct sepolicy_access *accp)
{
	struct sepolicy_access acc;
	int rc, why;

	rc = sepolicy_access(ctx->sp, g->scons[ci], g->tcons[ci], cls, av,
	                     d != NULL, &acc);
	if (rc == SEPOLICY_ACC_BADSCON)
		return RV_R_BADSCON;
	if (rc == SEPOLICY_ACC_BADTCON)
		return RV_R_BADTCON;
	if (rc != SEPOLICY_ACC_OK)
		return RV_R_BADCOMPUTE;
	why = why_access(ctx, t, g, cls, av, &acc, d);
	if (accp != NULL)
		*accp = acc;
	else
		free(acc.constraint);
	return why;
}

/*
 * The answer for av, part of the permissions of the group's own
 * question (asked with the same contexts: answer why, decision all),
 * without asking libsepol again; -1 when it cannot be told so.  libsepol
 * takes permissions away stage by stage (TE rules, then constraints,
 * ...), each stage whatever is asked, and names the stages that took
 * one that was asked.  When TE alone (or the constraints alone) took
 * any of the whole question's, a part is denied by that stage or not
 * at all.  libsepol's constraint evaluation is most of a diagnosis, and
 * this saves half of its calls on the bench log.
 */
static int
why_part(struct rv_diag_ctx *ctx, struct rv_table *t, struct rv_group *g,
         uint16_t cls, uint32_t av, int why, const struct sepolicy_access *all)
{
	struct sepolicy_access acc = *all;

	if (why == RV_R_BADSCON || why == RV_R_BADTCON)
		return why; /* the contexts, not the permissions */
	if (why == RV_R_BADCOMPUTE ||
	    (all->reason != 0 && all->reason != SEPOL_COMPUTEAV_TE &&
	     all->reason != SEPOL_COMPUTEAV_CONS))
		return -1;
	acc.requested = av;
	acc.reason = (av & ~all->allowed) != 0 ? all->reason : 0;
	acc.constraint = NULL;
	return why_access(ctx, t, g, cls, av, &acc, NULL);
}

/*
 * How much a reason asks of the administrator: a missing rule first
 * (something to fix), then what no rule fixes, then what the policy
 * does not know, and last what needs nothing (allowed, dontaudit).  A
 * group takes the first reason of its requests in this order, so that
 * a dontaudit or a bogus context in one request never hides a missing
 * rule in another (the whole group's question, asked at once, is
 * dontaudit as soon as one permission is).
 */
static int
reason_rank(int reason)
{
	static const int order[] = {
	    RV_R_TE,      RV_R_BOOLEAN,    RV_R_CONSTRAINT, RV_R_RBAC,
	    RV_R_BOUNDS,  RV_R_BADSCON,    RV_R_BADTCON,    RV_R_BADCLASS,
	    RV_R_BADPERM, RV_R_BADCOMPUTE, RV_R_DONTAUDIT,  RV_R_ALLOW,
	};
	size_t i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (order[i] == reason)
			return (int)i;
	return (int)i;
}

static int
group_reason(const struct rv_group *g, int whole)
{
	int s, best;

	if (g->nsets == 0)
		return whole;
	best = g->sets[0].reason;
	for (s = 1; s < g->nsets; s++)
		if (reason_rank(g->sets[s].reason) < reason_rank(best))
			best = g->sets[s].reason;
	return best;
}

/* The booleans for the requests a boolean fixes, when the group's own
 * question (dontaudit in part) did not ask for them. */
static void
boolean_of_requests(struct rv_diag_ctx *ctx, struct rv_table *t,
                    struct rv_group *g, uint16_t cls, const uint32_t *bitav,
                    struct rv_diag *d)
{
	uint32_t av = 0;
	int s, i;

	for (s = 0; s < g->nsets; s++)
		if (g->sets[s].reason == RV_R_BOOLEAN)
			for (i = 0; i < g->nperms && i < RV_MAXPERMS; i++)
				if (g->sets[s].bits & ((uint64_t)1 << i))
					av |= bitav[i];
	if (why_denied(ctx, t, g, 0, cls, av, d, NULL) != RV_R_BOOLEAN)
		d->reason = RV_R_TE;
}

static mode_t
class_mode(const char *tclass)
{
	static const struct {
		const char *c;
		mode_t m;
	} map[] = {
	    {"file", S_IFREG},      {"dir", S_IFDIR},
	    {"lnk_file", S_IFLNK},  {"chr_file", S_IFCHR},
	    {"blk_file", S_IFBLK},  {"sock_file", S_IFSOCK},
	    {"fifo_file", S_IFIFO},
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(tclass, map[i].c) == 0)
			return map[i].m;
	return 0;
}

static uint32_t
denied_av(struct rv_diag_ctx *ctx, const struct rv_group *g, uint16_t cls,
          const struct rv_diag *d)
{
	uint32_t av = 0;
	int i;

	for (i = 0; i < g->nperms; i++)
		if (!(d->allowed & ((uint64_t)1 << i)))
			av |= sepolicy_perm(ctx->sp, cls, g->perms[i]);
	return av;
}

/* The path whose label decides, or NULL; the caller frees it.  It is
 * the object the AVC named (a directory for add_name on modern kernels). */
static char *
check_path(const struct rv_group *g, const char *p)
{
	(void)g;
	return p[0] == '/' ? xstrdup(p) : NULL;
}

/*
 * Mislabeled file: the file contexts give a full path another type, and
 * with that type the policy allows the access (libsepol's computation on
 * the target policy, as for the denial itself).
 */
static int
check_relabel(struct rv_diag_ctx *ctx, struct rv_table *t, struct rv_group *g,
              uint16_t cls, uint32_t av, struct rv_diag *d)
{
	mode_t mode = class_mode(g->tclass);
	struct selabel_handle *h;
	int i;

	if (mode == 0 || g->paths.n == 0)
		return 0;
	for (i = 0; i < g->paths.n; i++) {
		char *path, *con = NULL, *ncon;
		const char *ty;
		size_t tl;
		struct sepolicy_access acc;
		int ok = 0;

		if ((path = check_path(g, g->paths.v[i])) == NULL)
			continue;
		if ((h = ctx->fc) == NULL ||
		    selabel_lookup_raw(h, &con, path, mode) < 0 ||
		    rv_context_type(con, strlen(con), &ty, &tl) < 0 ||
		    (strlen(g->ttype) == tl && !strncmp(ty, g->ttype, tl))) {
			freecon(con);
			free(path);
			continue;
		}
		d->fc_path = rv_intern(t, path, strlen(path));
		d->fc_type = rv_intern(t, ty, tl);
		ncon = rv_context_with_type(g->tcon, d->fc_type);
		if (sepolicy_access(ctx->sp, g->scon, ncon, cls, av, 0, &acc) ==
		    SEPOLICY_ACC_OK)
			ok = (acc.allowed & av) == av;
		free(ncon);
		freecon(con);
		free(path);
		/* Only a relabel that fixes the access is offered: moving a
		 * var_log_t file to var_t, where the domain still cannot
		 * write, would hide the fix that works ([log]).  The label
		 * the file contexts give stays a note. */
		if (ok)
			return 1;
	}
	return 0;
}

static int
generic_port_type(const char *t)
{
	return policy_file_has("generic-port-types", NULL, t);
}

/* Unlabeled port: bind/connect to a port only the generic types cover. */
static int
check_port(struct rv_diag_ctx *ctx, struct rv_table *t, struct rv_group *g,
           uint16_t cls, struct rv_diag *d)
{
	const char *perm = NULL;
	uint32_t av;

	if (!generic_port_type(g->ttype))
		return 0;
	if (rv_group_has_perm(g, "name_bind"))
		perm = "name_bind";
	else if (rv_group_has_perm(g, "name_connect"))
		perm = "name_connect";
	if (perm == NULL || (strncmp(g->tclass, "udp", 3) != 0 &&
	                     strncmp(g->tclass, "tcp", 3) != 0 &&
	                     strncmp(g->tclass, "sctp", 4) != 0))
		return 0;
	av = sepolicy_perm(ctx->sp, cls, perm);
	d->port = g->nports > 0 ? g->ports[0] : -1;
	d->port_proto = g->tclass[0] == 'u'   ? "udp"
	                : g->tclass[0] == 's' ? "sctp"
	                                      : "tcp";
	d->nport_types =
	    rv_policy_port_types(ctx->pol, g->scon, g->tcon, cls, av,
	                         d->port_types, RV_MAX_PORT_TYPES);
	/* The names live in a policydb freed before relabel checks. */
	for (int i = 0; i < d->nport_types; i++)
		d->port_types[i] =
		    rv_intern(t, d->port_types[i], strlen(d->port_types[i]));
	return d->nport_types > 0;
}

/* policy/label-guard and generic-types, read once. */
static void
maps_read(struct rv_diag_ctx *ctx)
{
	struct why why;

	if (ctx->maps_read)
		return;
	ctx->maps_read = 1;
	if ((ctx->guard = policy_file_read("label-guard", &why)) == NULL ||
	    (ctx->generic = policy_file_read("generic-types", &why)) == NULL)
		warnx("%s: no [daemon] section is proposed, no "
		      "program relabeled",
		      why.text);
}

/* A type too broad to say whose a file is (policy/generic-types);
 * every type is when the map cannot be read. */
static int
generic_type(struct rv_diag_ctx *ctx, const char *type)
{
	maps_read(ctx);
	return ctx->generic == NULL ||
	       policy_file_lists(ctx->generic, NULL, type);
}

/*
 * A system program (review_recipe.h), as pfsel-gen's guard sees it
 * (gen/emit_guard.c): named by a "program" line of policy/label-guard
 * (shells, interpreters, Postfix's own), or labeled by the file contexts
 * with an entry point type (exec_type) that is not generic (systemd's
 * init_exec_t, shell_exec_t), or with a generic one (bin_t) in a
 * directory of the distribution's programs (label-guard program-dir:
 * /usr/bin, not /usr/local/bin nor /usr/libexec/postfix).  When the
 * maps cannot be read, every program is one.
 */
static int
system_program(void *arg, const char *exe)
{
	struct rv_diag_ctx *ctx = arg;
	const char *base = strrchr(exe, '/'), *ty;
	char *con = NULL, *type, *dir;
	size_t tl;
	int sys, entry_point;

	maps_read(ctx);
	if (ctx->guard == NULL || ctx->generic == NULL || base == NULL ||
	    policy_file_lists(ctx->guard, "program", base + 1))
		return 1;
	if (ctx->fc == NULL ||
	    selabel_lookup_raw(ctx->fc, &con, exe, S_IFREG) < 0 ||
	    rv_context_type(con, strlen(con), &ty, &tl) < 0) {
		freecon(con);
		return 0; /* no type the policy gives it: nobody's program */
	}
	type = xstrndup(ty, tl);
	freecon(con);
	entry_point =
	    sepolicy_type_is(ctx->sp, type, policy_type("entry-points")) > 0;
	if (!policy_file_lists(ctx->generic, NULL, type)) {
		sys = entry_point;
	} else {
		dir = xstrndup(exe, (size_t)(base - exe));
		sys = entry_point &&
		      policy_file_lists(ctx->guard, "program-dir", dir);
		free(dir);
	}
	free(type);
	return sys;
}

/*
 * Order the booleans narrow first and say whether one is narrow.  A
 * boolean whose rules reach more than RV_WIDE_REACH domains
 * (domain_can_mmap_files: every domain) grants them all what this one
 * denial needs: the allow rule for the one domain comes first, and the
 * boolean follows with a risk note (d->bool_risk).
 */
static int
weigh_booleans(struct rv_diag_ctx *ctx, struct rv_diag *d)
{
	int i, j, narrow = 0, reach[RV_MAX_BOOLS], widest = 0;

	for (i = 0; i < d->nbools; i++) {
		reach[i] = rv_policy_boolean_reach(ctx->pol, d->bools[i]);
		if (reach[i] > widest)
			widest = reach[i];
	}
	/* a stable sort by reach: few booleans */
	for (i = 1; i < d->nbools; i++)
		for (j = i; j > 0 && reach[j - 1] > reach[j]; j--) {
			const char *b = d->bools[j];
			int v = d->boolvals[j], r = reach[j];

			d->bools[j] = d->bools[j - 1];
			d->boolvals[j] = d->boolvals[j - 1];
			reach[j] = reach[j - 1];
			d->bools[j - 1] = b;
			d->boolvals[j - 1] = v;
			reach[j - 1] = r;
		}
	narrow = d->nbools > 0 && reach[0] <= RV_WIDE_REACH;
	if (widest > RV_WIDE_REACH)
		d->bool_risk =
		    "a global boolean: its rules reach every domain "
		    "of an attribute (such as domain), far more than "
		    "this one";
	return narrow;
}

/*
 * A program the source domain ran that should have run in a domain of
 * its own: the file contexts give its file the entry point type
 * (exec_type) of another domain, so it is the file's label that is
 * wrong (a copied or unpacked program, restorecon fixes it), not the
 * policy: smtpd stuck in postfix_master_t.  The source's
 * own entry type and generic ones (bin_t, postfix_exec_t: programs that
 * stay in the caller's domain, policy/generic-types) are not another
 * domain's.  Only for postfix_master_t, which runs every Postfix
 * program.
 */
static int
check_program(struct rv_diag_ctx *ctx, struct rv_table *t,
              const struct rv_group *g, struct rv_diag *d)
{
	size_t sl = strlen(g->stype);
	char *con = NULL, *type, *own;
	const char *ty;
	size_t tl;
	int i, other;

	/* master(8) runs every Postfix program: one that did not leave its
	 * domain is the case seen (other domains' helpers may be meant
	 * to run in their caller's domain without a transition) */
	if (ctx->fc == NULL ||
	    strcmp(g->stype, policy_daemon_domain("master")) != 0)
		return 0;
	/* NAME_t's own program is NAME_exec_t: refpolicy's naming rule */
	own = xasprintf("%.*s_exec_t", (int)(sl - 2), g->stype);
	for (i = 0; i < g->exes.n; i++) {
		if (g->exes.v[i][0] != '/' ||
		    selabel_lookup_raw(ctx->fc, &con, g->exes.v[i], S_IFREG) <
		        0 ||
		    rv_context_type(con, strlen(con), &ty, &tl) < 0) {
			freecon(con);
			con = NULL;
			continue;
		}
		type = xstrndup(ty, tl);
		freecon(con);
		con = NULL;
		other = strcmp(type, own) != 0 && !generic_type(ctx, type) &&
		        sepolicy_type_is(ctx->sp, type,
		                         policy_type("entry-points")) > 0;
		if (other) {
			d->fc_path = g->exes.v[i];
			d->fc_type = rv_intern(t, type, tl);
			d->relabel_program = 1;
		}
		free(type);
		if (other)
			break;
	}
	free(own);
	return d->relabel_program;
}

static void
choose_fix(struct rv_diag_ctx *ctx, struct rv_table *t, struct rv_group *g,
           uint16_t cls, struct rv_diag *d)
{
	const struct rv_program_check pc = {system_program, ctx};
	uint32_t av = denied_av(ctx, g, cls, d);
	const char *why = NULL;
	const char *spec;
	int narrow_bool;

	switch (d->reason) {
	case RV_R_ALLOW:
	case RV_R_DONTAUDIT:
		d->fix = RV_FIX_NONE;
		return;
	case RV_R_CONSTRAINT:
	case RV_R_RBAC:
	case RV_R_BOUNDS:
		d->fix = RV_FIX_POLICY;
		return;
	case RV_R_TE:
	case RV_R_BOOLEAN:
		break;
	default:
		d->fix = RV_FIX_UNKNOWN;
		return;
	}
	if (check_program(ctx, t, g, d) ||
	    check_relabel(ctx, t, g, cls, av, d)) {
		d->fix = RV_FIX_RELABEL;
		return;
	}
	spec = rv_recipe(t, g, &pc, &why, &d->sock);
	if (d->nport_types > 0 && spec == NULL) {
		d->fix = RV_FIX_PORT;
		return;
	}
	narrow_bool = d->reason == RV_R_BOOLEAN && weigh_booleans(ctx, d);
	if (narrow_bool) {
		d->fix = RV_FIX_BOOLEAN;
		return;
	}
	if (spec != NULL) {
		d->fix = RV_FIX_SPEC;
		d->spec = spec;
		d->spec_why = why;
		return;
	}
	d->fix = RV_FIX_ALLOW;
	d->risk = rv_risk(g, d->allowed);
	/* var_t, etc_t, postfix_spool_t: a rule on one is on every file
	 * the type covers, not the one denied */
	if (d->risk == NULL && generic_type(ctx, g->ttype) &&
	    (rv_risk_writes(g, d->allowed) || rv_group_has_perm(g, "execute") ||
	     rv_group_has_perm(g, "execute_no_trans")))
		d->risk = "writes to or runs a generic type: every file of "
		          "that type, not the one denied";
	/* the narrow rule instead of a global boolean: what it fixes */
	if (d->reason == RV_R_BOOLEAN)
		for (int k = 0; k < g->nsets; k++)
			if (g->sets[k].reason == RV_R_BOOLEAN)
				d->rule_bits |= g->sets[k].bits & ~d->allowed &
				                ~d->unknown_perms;
}

void
rv_diagnose(struct rv_diag_ctx *ctx, struct rv_table *t, struct rv_group *g)
{
	struct rv_diag *d = xcalloc(1, sizeof(*d));
	struct sepolicy_access acc;
	uint32_t bitav[RV_MAXPERMS], all = 0;
	uint16_t cls;
	int i, s;

	free(g->diag);
	g->diag = d;
	d->port = -1;
	if (ctx->pol == NULL) {
		d->reason = RV_R_BADCOMPUTE;
		d->fix = RV_FIX_UNKNOWN;
		return;
	}
	d->permissive_domain = sepolicy_permissive(ctx->sp, g->stype);
	cls = sepolicy_class(ctx->sp, g->tclass);
	if (cls == 0) {
		d->reason = RV_R_BADCLASS;
		d->fix = RV_FIX_UNKNOWN;
		for (s = 0; s < g->nsets; s++)
			g->sets[s].reason = RV_R_BADCLASS;
		return;
	}
	for (i = 0; i < g->nperms; i++) {
		bitav[i] = sepolicy_perm(ctx->sp, cls, g->perms[i]);
		if (bitav[i] == 0)
			d->unknown_perms |= (uint64_t)1 << i;
		all |= bitav[i];
	}
	if (g->nmore_perms > 0)
		d->unknown_perms |= RV_MORE_BIT;
	/* The group's own question first: its answer tells most of the
	 * requests' (why_part). */
	memset(&acc, 0, sizeof(acc));
	d->reason = all == 0 ? RV_R_BADPERM
	                     : why_denied(ctx, t, g, 0, cls, all, d, &acc);
	/* A context the policy refuses although it has the type: its
	 * user, role or MLS level (s0:c9999) is what it does not know. */
	if ((d->reason == RV_R_BADSCON &&
	     sepolicy_has_type(ctx->sp, g->stype) > 0) ||
	    (d->reason == RV_R_BADTCON &&
	     sepolicy_has_type(ctx->sp, g->ttype) > 0))
		d->bad_context = "the type is in the policy: the user, role or "
		                 "MLS level is not valid in it";
	for (s = 0; s < g->nsets; s++) {
		uint32_t av = 0;
		int why = -1;

		if (g->sets[s].bits & d->unknown_perms) {
			g->sets[s].reason = RV_R_BADPERM;
			continue;
		}
		for (i = 0; i < g->nperms; i++)
			if (g->sets[s].bits & ((uint64_t)1 << i))
				av |= bitav[i];
		if (g->sets[s].ctx == 0 && all != 0 && av == all)
			why = d->reason;
		else if (g->sets[s].ctx == 0 && all != 0)
			why = why_part(ctx, t, g, cls, av, d->reason, &acc);
		if (why < 0)
			why = why_denied(ctx, t, g, g->sets[s].ctx, cls, av,
			                 NULL, NULL);
		g->sets[s].reason = why;
	}
	d->reason = group_reason(g, d->reason);
	if (all == 0) {
		d->fix = RV_FIX_UNKNOWN;
		return;
	}
	if (d->reason == RV_R_BOOLEAN && d->nbools == 0)
		boolean_of_requests(ctx, t, g, cls, bitav, d);
	for (i = 0; i < g->nperms; i++)
		if (bitav[i] != 0 && (acc.allowed & bitav[i]) == bitav[i])
			d->allowed |= (uint64_t)1 << i;
	if (acc.constraint != NULL) {
		d->constraint =
		    rv_intern(t, acc.constraint, strlen(acc.constraint));
		free(acc.constraint);
	}
	/* An allow rule grants only what a missing TE rule denied in some
	 * request: a constraint on another user's object is not fixed by
	 * one, and audit2allow leaves it out too. */
	for (s = 0; s < g->nsets; s++)
		if (g->sets[s].reason == RV_R_TE ||
		    g->sets[s].reason == RV_R_DONTAUDIT)
			d->rule_bits |= g->sets[s].bits;
	d->rule_bits &= ~d->allowed & ~d->unknown_perms;
	d->cls = cls;
	if (d->reason == RV_R_TE || d->reason == RV_R_BOOLEAN)
		check_port(ctx, t, g, cls, d);
}

void
rv_diagnose_fix(struct rv_diag_ctx *ctx, struct rv_table *t, struct rv_group *g)
{
	struct rv_diag *d = g->diag;

	if (d == NULL || d->cls == 0 || ctx->pol == NULL)
		return;
	choose_fix(ctx, t, g, d->cls, d);
	if (d->fix == RV_FIX_ALLOW && d->rule_bits == 0)
		d->fix = RV_FIX_POLICY;
}

void
rv_diagnose_fixes(struct rv_diag_ctx *ctx, struct rv_table *t,
                  struct rv_group **groups, size_t n)
{
	size_t i;

	const char **paths = NULL;
	size_t np = 0;
	int k;

	/* The file contexts are opened once, for the paths to be checked. */
	for (i = 0; i < n && ctx->fc_file != NULL; i++) {
		const struct rv_group *g = groups[i];
		const struct rv_diag *d = g->diag;

		if (d == NULL ||
		    (d->reason != RV_R_TE && d->reason != RV_R_BOOLEAN))
			continue;
		/* the programs a [daemon] section could name: system_program */
		for (k = 0; k < g->exes.n; k++)
			if (g->exes.v[k][0] == '/') {
				paths = xreallocarray(paths, np + 1,
				                      sizeof(*paths));
				paths[np++] = g->exes.v[k];
			}
		if (class_mode(g->tclass) == 0)
			continue;
		for (k = 0; k < g->paths.n; k++) {
			char *p = check_path(g, g->paths.v[k]);

			if (p == NULL)
				continue;
			paths = xreallocarray(paths, np + 1, sizeof(*paths));
			paths[np++] = rv_intern(t, p, strlen(p));
			free(p);
		}
	}
	if (np > 0)
		ctx->fc = rv_fc_open(ctx->fc_file, paths, np);
	free(paths);
	for (i = 0; i < n; i++)
		rv_diagnose_fix(ctx, t, groups[i]);
	if (ctx->fc != NULL)
		selabel_close(ctx->fc);
	ctx->fc = NULL;
}
