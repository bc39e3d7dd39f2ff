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

#include "review_recipe.h"
#include "msg.h"
#include "review_risk.h"
#include "xalloc.h"

struct rv_diag_ctx {
	struct rv_policy *pol;
	char *fc_file;
	struct selabel_handle *fc; /* opened on first use */
	int fc_lookups;            /* since it was opened */
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
	free(ctx);
}

/* audit2why's answer for one set of permission bits. */
static int
why_denied(struct rv_diag_ctx *ctx, struct rv_table *t, struct rv_group *g,
           int ci, uint16_t cls, uint32_t av, struct rv_diag *d,
           struct rv_access *accp)
{
	struct rv_access acc;
	int rc;

	rc = rv_policy_access(ctx->pol, g->scons[ci], g->tcons[ci], cls, av,
	                      d != NULL, &acc);
	if (rc == RV_ACC_BADSCON)
		return RV_R_BADSCON;
	if (rc == RV_ACC_BADTCON)
		return RV_R_BADTCON;
	if (rc != RV_ACC_OK)
		return RV_R_BADCOMPUTE;
	if (accp != NULL)
		*accp = acc;
	else
		free(acc.constraint);
	if (acc.reason == 0)
		return RV_R_ALLOW;
	if (acc.reason & SEPOL_COMPUTEAV_TE) {
		const char *names[RV_MAX_BOOLS];
		int vals[RV_MAX_BOOLS], n = 0, i;

		/* A boolean can only help when TE is all that denies. */
		if (acc.reason == SEPOL_COMPUTEAV_TE)
			n = rv_policy_booleans(ctx->pol, g->stype, g->ttype,
			                       cls, av, acc.allowed, names,
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
		if (av & ~acc.auditdeny)
			return RV_R_DONTAUDIT;
		return RV_R_TE;
	}
	if (acc.reason & SEPOL_COMPUTEAV_CONS)
		return RV_R_CONSTRAINT;
	if (acc.reason & SEPOL_COMPUTEAV_RBAC)
		return RV_R_RBAC;
	return RV_R_BOUNDS;
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

static int
group_has_perm(const struct rv_group *g, const char *perm)
{
	int i;

	for (i = 0; i < g->nperms; i++)
		if (strcmp(g->perms[i], perm) == 0)
			return 1;
	return 0;
}

static int
generic_file_type(const char *t)
{
	static const char *const generic[] = {
	    "var_t",      "default_t", "file_t",      "unlabeled_t",
	    "usr_t",      "etc_t",     "tmp_t",       "var_lib_t",
	    "var_log_t",  "var_run_t", "home_root_t", "root_t",
	    "var_spool_t"};
	size_t i;

	for (i = 0; i < sizeof(generic) / sizeof(generic[0]); i++)
		if (strcmp(t, generic[i]) == 0)
			return 1;
	return 0;
}

/*
 * selabel on the text file_contexts, through a directory of symbolic
 * links without the .bin: the precompiled file_contexts.bin maps 7 MB
 * and raised peak RSS from 6 MB to 22 MB (measured on Debian 12's
 * refpolicy), while text regexes are compiled only for the stems
 * looked up.  The directory is removed as soon as selabel has read it.
 */
static struct selabel_handle *
fc_open_text(const char *fc)
{
	static const char *const sfx[] = {"", ".homedirs", ".local", ".subs",
	                                  ".subs_dist"};
	const char *tmp = getenv("TMPDIR");
	struct selinux_opt opt[1] = {{SELABEL_OPT_PATH, NULL}};
	struct selabel_handle *h = NULL;
	char *dir, *link, *target;
	size_t i;

	dir = xasprintf("%s/pfsel-fc.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		free(dir);
		opt[0].value = fc;
		return selabel_open(SELABEL_CTX_FILE, opt, 1);
	}
	for (i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		target = xasprintf("%s%s", fc, sfx[i]);
		link = xasprintf("%s/file_contexts%s", dir, sfx[i]);
		if (access(target, R_OK) == 0 && symlink(target, link) < 0)
			warn("review: symlink %s", link);
		free(target);
		free(link);
	}
	link = xasprintf("%s/file_contexts", dir);
	opt[0].value = link;
	h = selabel_open(SELABEL_CTX_FILE, opt, 1);
	for (i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		char *l = xasprintf("%s%s", link, sfx[i]);

		unlink(l);
		free(l);
	}
	rmdir(dir);
	free(link);
	free(dir);
	return h;
}

/*
 * The file contexts, reopened every FC_LOOKUPS lookups: text regexes
 * compile on first use and stay, so one handle for the 320 paths of a
 * 100k-AVC log grew by 21 MB; reopening caps that at a few MB for
 * ~10 ms per reopening (both measured on Debian 12's refpolicy).
 */
#define FC_LOOKUPS 48

static struct selabel_handle *
fc_handle(struct rv_diag_ctx *ctx)
{
	if (ctx->fc_file == NULL)
		return NULL;
	if (ctx->fc != NULL && ctx->fc_lookups++ < FC_LOOKUPS)
		return ctx->fc;
	if (ctx->fc != NULL)
		selabel_close(ctx->fc);
	ctx->fc_lookups = 1;
	ctx->fc = fc_open_text(ctx->fc_file);
	return ctx->fc;
}

/* The permission bits of the group's denied permissions. */
static uint32_t
denied_av(struct rv_diag_ctx *ctx, const struct rv_group *g, uint16_t cls,
          const struct rv_diag *d)
{
	uint32_t av = 0;
	int i;

	for (i = 0; i < g->nperms; i++)
		if (!(d->allowed & ((uint64_t)1 << i)))
			av |= rv_policy_perm(ctx->pol, cls, g->perms[i]);
	return av;
}

/*
 * Mislabeled file: the file contexts give a full path another type, and
 * with that type the access would be allowed.
 */
static int
check_relabel(struct rv_diag_ctx *ctx, struct rv_table *t, struct rv_group *g,
              uint16_t cls, uint32_t av, struct rv_diag *d)
{
	mode_t mode = class_mode(g->tclass);
	struct selabel_handle *h;
	int i, parent;

	if (mode == 0 || g->paths.n == 0)
		return 0;
	/* add_name/remove_name name the entry; the target is its parent. */
	parent = mode == S_IFDIR && (group_has_perm(g, "add_name") ||
	                             group_has_perm(g, "remove_name"));
	for (i = 0; i < g->paths.n; i++) {
		char *path, *con = NULL, *ncon;
		const char *ty;
		size_t tl;
		struct rv_access acc;
		int ok = 0;

		if (g->paths.v[i][0] != '/')
			continue;
		path = xstrdup(g->paths.v[i]);
		if (parent) {
			char *s = strrchr(path, '/');

			if (s == NULL || s == path) {
				free(path);
				continue;
			}
			*s = '\0';
		}
		if ((h = fc_handle(ctx)) == NULL ||
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
		if (rv_policy_access(ctx->pol, g->scon, ncon, cls, av, 0,
		                     &acc) == RV_ACC_OK)
			ok = (acc.allowed & av) == av;
		free(ncon);
		freecon(con);
		free(path);
		/* A file left with a generic type (var_t, default_t, ...) is
		 * mislabeled even when its right type needs more rules. */
		if (ok || generic_file_type(g->ttype))
			return 1;
	}
	return 0;
}

static int
generic_port_type(const char *t)
{
	return strcmp(t, "port_t") == 0 || strcmp(t, "reserved_port_t") == 0 ||
	       strcmp(t, "unreserved_port_t") == 0 ||
	       strcmp(t, "hi_reserved_port_t") == 0;
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
	if (group_has_perm(g, "name_bind"))
		perm = "name_bind";
	else if (group_has_perm(g, "name_connect"))
		perm = "name_connect";
	if (perm == NULL || (strncmp(g->tclass, "udp", 3) != 0 &&
	                     strncmp(g->tclass, "tcp", 3) != 0 &&
	                     strncmp(g->tclass, "sctp", 4) != 0))
		return 0;
	av = rv_policy_perm(ctx->pol, cls, perm);
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

static void
choose_fix(struct rv_diag_ctx *ctx, struct rv_table *t, struct rv_group *g,
           uint16_t cls, struct rv_diag *d)
{
	uint32_t av = denied_av(ctx, g, cls, d);
	const char *why = NULL;
	const char *spec;

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
	if (check_relabel(ctx, t, g, cls, av, d)) {
		d->fix = RV_FIX_RELABEL;
		return;
	}
	spec = rv_recipe(t, g, &why);
	if (d->nport_types > 0 && spec == NULL) {
		d->fix = RV_FIX_PORT;
		return;
	}
	if (d->reason == RV_R_BOOLEAN) {
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
}

void
rv_diagnose(struct rv_diag_ctx *ctx, struct rv_table *t, struct rv_group *g)
{
	struct rv_diag *d = xcalloc(1, sizeof(*d));
	struct rv_access acc;
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
	d->permissive_domain = rv_policy_permissive(ctx->pol, g->stype);
	cls = rv_policy_class(ctx->pol, g->tclass);
	if (cls == 0) {
		d->reason = RV_R_BADCLASS;
		d->fix = RV_FIX_UNKNOWN;
		for (s = 0; s < g->nsets; s++)
			g->sets[s].reason = RV_R_BADCLASS;
		return;
	}
	for (i = 0; i < g->nperms; i++) {
		bitav[i] = rv_policy_perm(ctx->pol, cls, g->perms[i]);
		if (bitav[i] == 0)
			d->unknown_perms |= (uint64_t)1 << i;
		all |= bitav[i];
	}
	for (s = 0; s < g->nsets; s++) {
		uint32_t av = 0;

		if (g->sets[s].bits & d->unknown_perms) {
			g->sets[s].reason = RV_R_BADPERM;
			continue;
		}
		for (i = 0; i < g->nperms; i++)
			if (g->sets[s].bits & ((uint64_t)1 << i))
				av |= bitav[i];
		g->sets[s].reason =
		    why_denied(ctx, t, g, g->sets[s].ctx, cls, av, NULL, NULL);
	}
	if (all == 0) {
		d->reason = RV_R_BADPERM;
		d->fix = RV_FIX_UNKNOWN;
		return;
	}
	memset(&acc, 0, sizeof(acc));
	d->reason = why_denied(ctx, t, g, 0, cls, all, d, &acc);
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

static const char *
first_abs_path(const struct rv_group *g)
{
	int i;

	for (i = 0; i < g->paths.n; i++)
		if (g->paths.v[i][0] == '/')
			return g->paths.v[i];
	return "";
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(first_abs_path(*(struct rv_group *const *)a),
	              first_abs_path(*(struct rv_group *const *)b));
}

void
rv_diagnose_fixes(struct rv_diag_ctx *ctx, struct rv_table *t,
                  struct rv_group **groups, size_t n)
{
	size_t i;

	qsort(groups, n, sizeof(*groups), by_path);
	for (i = 0; i < n; i++)
		rv_diagnose_fix(ctx, t, groups[i]);
	if (ctx->fc != NULL)
		selabel_close(ctx->fc);
	ctx->fc = NULL;
}
