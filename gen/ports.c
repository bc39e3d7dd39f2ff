/*
 * ports - plan the local port label changes of an install or uninstall;
 * see ports.h.  Called by gen/install.c.
 *
 * The plan is a difference of two states of the local records: "want"
 * (the records before the previous install of this module, plus the
 * spec's ports) minus "local" (what the store holds now).  Uninstall is
 * the same computation without a spec, so a reinstall and an uninstall
 * both restore exactly what the store had before pfsel touched it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_file.h"
#include "ports.h"
#include "sepolicy.h"
#include "xalloc.h"

int
port_type_is_generic(const char *type)
{
	return policy_file_has("generic-port-types", NULL, type);
}

void
port_set_add(struct port_set *set, const char *proto, int low, int high,
             const char *type)
{
	struct port_rec *r;

	set->recs = xreallocarray(set->recs, set->count + 1, sizeof(*r));
	r = &set->recs[set->count++];
	snprintf(r->proto, sizeof(r->proto), "%s", proto);
	r->low = low;
	r->high = high;
	r->type = type ? xstrdup(type) : NULL;
}

void
port_set_free(struct port_set *set)
{
	size_t i;

	for (i = 0; i < set->count; i++)
		free(set->recs[i].type);
	free(set->recs);
	set->recs = NULL;
	set->count = 0;
}

struct port_rec *
port_set_find(const struct port_set *set, const char *proto, int low, int high)
{
	size_t i;

	for (i = 0; i < set->count; i++)
		if (set->recs[i].low == low && set->recs[i].high == high &&
		    strcmp(set->recs[i].proto, proto) == 0)
			return &set->recs[i];
	return NULL;
}

/* Set the record of a key, adding it when absent. */
static void
port_set_put(struct port_set *set, const char *proto, int low, int high,
             const char *type)
{
	struct port_rec *r = port_set_find(set, proto, low, high);

	if (r == NULL) {
		port_set_add(set, proto, low, high, type);
		return;
	}
	free(r->type);
	r->type = xstrdup(type);
}

static void
port_set_remove(struct port_set *set, const char *proto, int low, int high)
{
	struct port_rec *r = port_set_find(set, proto, low, high);
	size_t i;

	if (r == NULL)
		return;
	i = (size_t)(r - set->recs);
	free(r->type);
	memmove(r, r + 1, (set->count - i - 1) * sizeof(*r));
	set->count--;
}

static void
port_set_copy(struct port_set *dst, const struct port_set *src)
{
	size_t i;

	memset(dst, 0, sizeof(*dst));
	for (i = 0; i < src->count; i++)
		port_set_add(dst, src->recs[i].proto, src->recs[i].low,
		             src->recs[i].high, src->recs[i].type);
}

/* "tcp/25" or "tcp/6000-6020", as semanage and the spec write ports. */
static const char *
port_name(char *buf, size_t size, const char *proto, int low, int high)
{
	if (low == high)
		snprintf(buf, size, "%s/%d", proto, low);
	else
		snprintf(buf, size, "%s/%d-%d", proto, low, high);
	return buf;
}

/* ---- reading the binary policy (libsepol) ---- */

static int
collect_policy_port(const char *proto, int low, int high, const char *type,
                    void *arg)
{
	port_set_add(arg, proto, low, high, type);
	return 0;
}

/* The spec port's type must be a valid port type of the policy. */
static int
check_port_type(const struct sepolicy *sp, const struct spec_port *p,
                struct why *why)
{
	const char *port_types = policy_type("port-types");

	if (!sepolicy_has_type(sp, p->type))
		return why_at(why, p->at.file, p->at.line,
		              "type %s is not defined in the policy", p->type);
	/* A policy without the attribute cannot say, and is not asked. */
	if (sepolicy_has_attribute(sp, port_types) &&
	    !sepolicy_type_is(sp, p->type, port_types))
		return why_at(why, p->at.file, p->at.line,
		              "%s is not a port type (no %s attribute)",
		              p->type, port_types);
	return 0;
}

int
ports_read_policy(const char *path, const struct spec *spec,
                  struct port_set *out, struct why *why)
{
	struct sepolicy *sp;
	int rc = -1;
	size_t i;

	memset(out, 0, sizeof(*out));
	if ((sp = sepolicy_load(path, why)) == NULL)
		return -1;
	sepolicy_ports(sp, collect_policy_port, out);
	for (i = 0; spec && i < spec->nports; i++)
		if (check_port_type(sp, &spec->ports[i], why) < 0)
			goto out;
	rc = 0;
out:
	if (rc < 0)
		port_set_free(out);
	sepolicy_free(sp);
	return rc;
}

/* ---- the plan ---- */

static void plan_note(struct port_plan *plan, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
plan_note(struct port_plan *plan, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	plan->notes =
	    xreallocarray(plan->notes, plan->nnotes + 1, sizeof(*plan->notes));
	plan->notes[plan->nnotes++] = xstrdup(buf);
}

/* Another module's claim on a key, NULL when none; *who names it. */
static const struct manifest_port *
claim_find(const struct port_claims *claims, const char *proto, int low,
           int high, const char **who)
{
	size_t i, j;

	for (i = 0; claims && i < claims->count; i++) {
		const struct manifest *m = &claims->mods[i];

		for (j = 0; j < m->nports; j++)
			if (m->ports[j].low == low &&
			    m->ports[j].high == high &&
			    strcmp(m->ports[j].proto, proto) == 0) {
				*who = m->module;
				return &m->ports[j];
			}
	}
	return NULL;
}

/*
 * Undo prev's records: the local state before that install, except that
 * a key another module still claims keeps that module's label (an
 * uninstall must not take a port from a module that needs it).
 */
static void
undo_manifest(struct port_set *set, const struct manifest *prev,
              const struct port_claims *claims, struct port_plan *plan)
{
	size_t i;

	for (i = 0; prev && i < prev->nports; i++) {
		const struct manifest_port *p = &prev->ports[i];
		const struct manifest_port *c;
		const char *who;
		char name[48];

		if ((c = claim_find(claims, p->proto, p->low, p->high, &who)) !=
		    NULL) {
			port_set_put(set, p->proto, p->low, p->high, c->type);
			plan_note(plan,
			          "%s stays labeled %s: module %s needs it",
			          port_name(name, sizeof(name), p->proto,
			                    p->low, p->high),
			          c->type, who);
		} else if (p->old_type) {
			port_set_put(set, p->proto, p->low, p->high,
			             p->old_type);
		} else {
			port_set_remove(set, p->proto, p->low, p->high);
		}
	}
}

static int
overlaps(const struct port_rec *r, const struct spec_port *p)
{
	return strcmp(r->proto, p->proto) == 0 && r->low <= p->high &&
	       p->low <= r->high;
}

/*
 * A policy portcon counts only when no local record has its key: a local
 * record replaces the policy's portcon of the same key in the binary
 * policy, so the binary cannot tell us the original.
 */
static int
policy_rec_counts(const struct port_rec *r, const struct port_set *local)
{
	return port_set_find(local, r->proto, r->low, r->high) == NULL;
}

/* The label p's exact key has in the base state, NULL when none. */
static const char *
current_label(const struct spec_port *p, const struct port_set *base,
              const struct port_set *policy, const struct port_set *local)
{
	const struct port_rec *r =
	    port_set_find(base, p->proto, p->low, p->high);

	if (r)
		return r->type;
	r = port_set_find(policy, p->proto, p->low, p->high);
	if (r && policy_rec_counts(r, local))
		return r->type;
	return NULL;
}

/* A specific label other than p's on any of p's ports; exact key first. */
static const struct port_rec *
find_conflict(const struct spec_port *p, const struct port_set *base,
              const struct port_set *policy, const struct port_set *local)
{
	const struct port_set *sets[2] = {base, policy};
	const struct port_rec *found = NULL;
	size_t s, i;

	for (s = 0; s < 2; s++)
		for (i = 0; i < sets[s]->count; i++) {
			const struct port_rec *r = &sets[s]->recs[i];

			if (!overlaps(r, p) || port_type_is_generic(r->type) ||
			    strcmp(r->type, p->type) == 0 ||
			    (s == 1 && !policy_rec_counts(r, local)))
				continue;
			if (r->low == p->low && r->high == p->high)
				return r;
			if (found == NULL)
				found = r;
		}
	return found;
}

static void
plan_add_record(struct port_plan *plan, const struct spec_port *p,
                const char *old_type)
{
	struct manifest_port *m;

	plan->records =
	    xreallocarray(plan->records, plan->nrecords + 1, sizeof(*m));
	m = &plan->records[plan->nrecords++];
	memset(m, 0, sizeof(*m));
	snprintf(m->proto, sizeof(m->proto), "%s", p->proto);
	m->low = p->low;
	m->high = p->high;
	m->type = xstrdup(p->type);
	m->old_type = old_type ? xstrdup(old_type) : NULL;
}

static int
planned(const struct port_plan *plan, const struct spec_port *p)
{
	size_t i;

	for (i = 0; i < plan->nrecords; i++)
		if (plan->records[i].low == p->low &&
		    plan->records[i].high == p->high &&
		    strcmp(plan->records[i].proto, p->proto) == 0 &&
		    strcmp(plan->records[i].type, p->type) == 0)
			return 1;
	return 0;
}

/*
 * The label the key had before any pfsel module: what another module's
 * claim recorded, else the local record of the base state (none: NULL).
 */
static const char *
original_label(const struct spec_port *p, const struct port_set *base,
               const struct manifest_port *claim)
{
	const struct port_rec *r;

	if (claim)
		return claim->old_type;
	r = port_set_find(base, p->proto, p->low, p->high);
	return r ? r->type : NULL;
}

static int
plan_spec_port(const struct spec_port *p, const struct port_set *base,
               const struct port_claims *claims, const struct port_set *policy,
               const struct port_set *local, struct port_set *want,
               struct port_plan *plan, struct why *why)
{
	const char *now = current_label(p, base, policy, local);
	const struct manifest_port *claim;
	const struct port_rec *conflict;
	const char *who = NULL;
	char name[48];

	port_name(name, sizeof(name), p->proto, p->low, p->high);
	if (planned(plan, p))
		return 0; /* the spec names it twice, with the same type */
	claim = claim_find(claims, p->proto, p->low, p->high, &who);
	if (now && strcmp(now, p->type) == 0) {
		if (claim == NULL) {
			plan_note(
			    plan,
			    "%s:%d: %s is already labeled %s; nothing to do",
			    p->at.file, p->at.line, name, p->type);
			return 0;
		}
		/* Recorded, so that the label outlives the other module. */
		plan_note(plan,
		          "%s:%d: %s is already labeled %s by module %s; "
		          "shared, it stays while either needs it",
		          p->at.file, p->at.line, name, p->type, who);
		plan_add_record(plan, p, claim->old_type);
		return 0;
	}
	conflict = find_conflict(p, base, policy, local);
	if (conflict && !p->override) {
		char cname[48];

		port_name(cname, sizeof(cname), conflict->proto, conflict->low,
		          conflict->high);
		/* An inet endpoint's port has no override = of its own. */
		if (p->implicit)
			return why_at(why, p->at.file, p->at.line,
			              "%s is already labeled %s; set "
			              "port_type = %s",
			              name, conflict->type, conflict->type);
		if (conflict->low == p->low && conflict->high == p->high)
			return why_at(why, p->at.file, p->at.line,
			              "%s is already labeled %s; set override "
			              "= yes to replace it",
			              name, conflict->type);
		return why_at(why, p->at.file, p->at.line,
		              "%s overlaps %s, already labeled %s; set "
		              "override = yes to replace it",
		              name, cname, conflict->type);
	}
	if (conflict) /* reported even when allowed: it changes a label */
		plan_note(plan, "%s:%d: %s: %s replaces %s (override = yes)",
		          p->at.file, p->at.line, name, p->type,
		          conflict->type);
	plan_add_record(plan, p, original_label(p, base, claim));
	port_set_put(want, p->proto, p->low, p->high, p->type);
	return 0;
}

static void
plan_add_op(struct port_plan *plan, enum port_op_kind kind,
            const struct port_rec *r)
{
	struct port_op *op;

	plan->ops = xreallocarray(plan->ops, plan->nops + 1, sizeof(*op));
	op = &plan->ops[plan->nops++];
	op->kind = kind;
	op->rec = *r;
	op->rec.type = kind == PORT_OP_SET ? xstrdup(r->type) : NULL;
}

/* The operations that turn local into want. */
static void
plan_diff(const struct port_set *local, const struct port_set *want,
          struct port_plan *plan)
{
	size_t i;

	for (i = 0; i < local->count; i++) {
		const struct port_rec *l = &local->recs[i];
		const struct port_rec *w =
		    port_set_find(want, l->proto, l->low, l->high);

		if (w == NULL)
			plan_add_op(plan, PORT_OP_DELETE, l);
		else if (strcmp(w->type, l->type) != 0)
			plan_add_op(plan, PORT_OP_SET, w);
	}
	for (i = 0; i < want->count; i++) {
		const struct port_rec *w = &want->recs[i];

		if (port_set_find(local, w->proto, w->low, w->high) == NULL)
			plan_add_op(plan, PORT_OP_SET, w);
	}
}

int
ports_plan(const struct spec *spec, const struct manifest *prev,
           const struct port_claims *claims, const struct port_set *policy,
           const struct port_set *local, struct port_plan *plan,
           struct why *why)
{
	struct port_set base, want;
	size_t i;
	int rc = 0;

	memset(plan, 0, sizeof(*plan));
	port_set_copy(&base, local);
	undo_manifest(&base, prev, claims, plan);
	port_set_copy(&want, &base);
	for (i = 0; spec && i < spec->nports && rc == 0; i++)
		rc = plan_spec_port(&spec->ports[i], &base, claims, policy,
		                    local, &want, plan, why);
	if (rc == 0)
		plan_diff(local, &want, plan);
	else
		port_plan_free(plan);
	port_set_free(&base);
	port_set_free(&want);
	return rc;
}

void
port_plan_free(struct port_plan *plan)
{
	size_t i;

	for (i = 0; i < plan->nops; i++)
		free(plan->ops[i].rec.type);
	free(plan->ops);
	for (i = 0; i < plan->nrecords; i++) {
		free(plan->records[i].type);
		free(plan->records[i].old_type);
	}
	free(plan->records);
	for (i = 0; i < plan->nnotes; i++)
		free(plan->notes[i]);
	free(plan->notes);
	memset(plan, 0, sizeof(*plan));
}
