/*
 * review_fix - group the diagnosed denials into fixes; see review_fix.h.
 * Called by cmd_review.c once, after review_diag.c.
 *
 * Two groups share a unit when their fixes are the same action: the
 * same path relabeled to the same type, the same port given the same
 * type(s), the same booleans set, the same spec section.  Spec sections
 * are what pfsel-gen emit reads, so the units also keep a spec valid:
 * [log], [queue] and [virtual] may appear once (a second, different one
 * is shown but not written, with the reason), one socket is one
 * section naming all its clients, and no two named sections share a
 * name.
 */
#include "review_fix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review_diag.h"
#include "review_recipe.h"
#include "xalloc.h"

static int
same_str(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* "[log]" of "[log]\n...": the header line's length. */
static size_t
header_len(const char *spec)
{
	const char *nl = strchr(spec, '\n');

	return nl ? (size_t)(nl - spec) : strlen(spec);
}

/* A section kind that a spec holds once ([log], [queue], [virtual]). */
static int
single_section(const char *spec)
{
	size_t n = header_len(spec);

	return memchr(spec, ' ', n) == NULL;
}

static int
same_header(const char *a, const char *b)
{
	size_t n = header_len(a);

	return n == header_len(b) && memcmp(a, b, n) == 0;
}

static int
complete_section(const char *spec)
{
	return strstr(spec, "; FILL IN") == NULL;
}

/* Whether a and b's fixes are one action (socket sections aside). */
static int
same_fix(const struct rv_diag *a, const struct rv_diag *b)
{
	int i;

	if (a->fix != b->fix)
		return 0;
	switch (a->fix) {
	case RV_FIX_RELABEL:
		return same_str(a->fc_path, b->fc_path) &&
		       same_str(a->fc_type, b->fc_type);
	case RV_FIX_PORT:
		if (a->port != b->port ||
		    !same_str(a->port_proto, b->port_proto) ||
		    a->nport_types != b->nport_types)
			return 0;
		for (i = 0; i < a->nport_types; i++)
			if (!same_str(a->port_types[i], b->port_types[i]))
				return 0;
		return 1;
	case RV_FIX_BOOLEAN:
		if (a->nbools != b->nbools)
			return 0;
		for (i = 0; i < a->nbools; i++)
			if (!same_str(a->bools[i], b->bools[i]) ||
			    a->boolvals[i] != b->boolvals[i])
				return 0;
		return 1;
	case RV_FIX_SPEC:
		if (a->sock.path != NULL || b->sock.path != NULL)
			return same_str(a->sock.path, b->sock.path);
		return same_str(a->spec, b->spec);
	default: /* an allow rule, or no fix: the group's own */
		return 0;
	}
}

static void
unit_add(struct rv_fix_unit *u, struct rv_group *g)
{
	u->groups =
	    xreallocarray(u->groups, u->ngroups + 1, sizeof(*u->groups));
	u->groups[u->ngroups++] = g;
	u->denials += g->count;
	if (g->diag->risk != NULL && u->risk == NULL)
		u->risk = g->diag->risk;
	if (g->diag->bool_risk != NULL && u->risk == NULL &&
	    g->diag->fix == RV_FIX_BOOLEAN)
		u->risk = g->diag->bool_risk;
	/* a section the admin need not fill in wins over one to fill */
	if (g->diag->fix == RV_FIX_SPEC &&
	    (u->spec == NULL ||
	     (!u->complete && complete_section(g->diag->spec)))) {
		u->spec = g->diag->spec;
		u->complete = complete_section(u->spec);
	}
}

/*
 * One [log] (or [queue], [virtual]) for the groups that ask for it: the
 * postlogd clients' [log] to fill in is the master's [log] that names
 * the file.  Two that name different files stay apart (a conflict).
 */
static int
same_single(const struct rv_fix_unit *u, const struct rv_diag *d)
{
	return u->kind == RV_FIX_SPEC && d->fix == RV_FIX_SPEC &&
	       d->sock.path == NULL && u->groups[0]->diag->sock.path == NULL &&
	       single_section(u->spec) && same_header(u->spec, d->spec) &&
	       (!u->complete || !complete_section(d->spec));
}

/* The unit g's fix joins, a new one if none. */
static struct rv_fix_unit *
unit_for(struct rv_fixes *f, struct rv_group *g)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (same_fix(f->v[i].groups[0]->diag, g->diag) ||
		    same_single(&f->v[i], g->diag))
			return &f->v[i];
	f->v = xreallocarray(f->v, f->n + 1, sizeof(*f->v));
	memset(&f->v[f->n], 0, sizeof(f->v[f->n]));
	f->v[f->n].kind = g->diag->fix;
	return &f->v[f->n++];
}

/*
 * A single section ([log], [queue], [virtual]) that differs from the
 * first of its kind (two maillog_file values): the admin picks one,
 * --spec writes the first.
 */
static void
single_conflicts(struct rv_fixes *f)
{
	size_t i, j;

	for (i = 0; i < f->n; i++)
		for (j = 0; j < i; j++) {
			struct rv_fix_unit *u = &f->v[i], *w = &f->v[j];

			if (u->kind == RV_FIX_SPEC && w->kind == RV_FIX_SPEC &&
			    single_section(u->spec) &&
			    same_header(u->spec, w->spec) &&
			    w->conflict == NULL) {
				u->conflict = "a spec holds this section once: "
				              "the one above is written";
				break;
			}
		}
}

/* Whether a named section of another unit before u already has name. */
static int
name_taken(const struct rv_fixes *f, size_t upto, const char *header, size_t n)
{
	size_t i;

	for (i = 0; i < upto; i++)
		if (f->v[i].kind == RV_FIX_SPEC && f->v[i].spec != NULL &&
		    header_len(f->v[i].spec) == n &&
		    memcmp(f->v[i].spec, header, n) == 0)
			return 1;
	return 0;
}

/*
 * One socket's section: its clients (distinct, in order of the groups),
 * the server of a connectto group (the sock_file write does not name
 * it), and a name no section before it has.
 */
static void
socket_section(struct rv_table *t, struct rv_fixes *f, size_t k)
{
	struct rv_fix_unit *u = &f->v[k];
	struct rv_socket_use use = u->groups[0]->diag->sock;
	const char **clients = xcalloc(u->ngroups, sizeof(*clients));
	size_t n = 0, i, j;
	char base[40], name[64], head[80];
	int suffix = 1;

	for (i = 0; i < u->ngroups; i++) {
		const struct rv_socket_use *s = &u->groups[i]->diag->sock;

		if (use.server == NULL)
			use.server = s->server;
		use.milter |= s->milter;
		for (j = 0; j < n && !same_str(clients[j], s->client); j++)
			;
		if (j == n)
			clients[n++] = s->client;
	}
	rv_recipe_socket_name(use.path, base, sizeof(base));
	snprintf(name, sizeof(name), "%s", base);
	for (;;) {
		snprintf(head, sizeof(head), "[%s %s]",
		         use.milter ? "milter" : "socket", name);
		if (!name_taken(f, k, head, strlen(head)))
			break;
		snprintf(name, sizeof(name), "%s_%d", base, ++suffix);
	}
	u->spec = rv_recipe_socket_section(t, name, &use, clients, n);
	u->complete = complete_section(u->spec);
	for (i = 0; i < u->ngroups; i++)
		u->groups[i]->diag->spec = u->spec;
	free(clients);
}

/* A named section whose name an earlier one has: renamed NAME_2, ... */
static void
rename_named(struct rv_table *t, struct rv_fixes *f, size_t k)
{
	struct rv_fix_unit *u = &f->v[k];
	size_t n = header_len(u->spec);
	int suffix = 1;
	char *text = NULL;

	while (name_taken(f, k, text ? text : u->spec,
	                  text ? header_len(text) : n)) {
		free(text);
		/* "[daemon x]" -> "[daemon x_2]" */
		text = xasprintf("%.*s_%d%s", (int)(n - 1), u->spec, ++suffix,
		                 u->spec + n - 1);
	}
	if (text != NULL) {
		u->spec = rv_intern(t, text, strlen(text));
		u->complete = complete_section(u->spec);
		free(text);
	}
}

static int
unit_order(const void *a, const void *b)
{
	const struct rv_fix_unit *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind - y->kind;
	if ((x->risk != NULL) != (y->risk != NULL))
		return x->risk != NULL ? 1 : -1;
	if (x->denials != y->denials)
		return x->denials > y->denials ? -1 : 1;
	return x->groups[0]->seq < y->groups[0]->seq ? -1 : 1;
}

static int
group_order(const void *a, const void *b)
{
	const struct rv_group *x = *(struct rv_group *const *)a;
	const struct rv_group *y = *(struct rv_group *const *)b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
rv_fixes_build(struct rv_table *t, struct rv_group **groups, size_t n,
               struct rv_fixes *out)
{
	struct rv_diag none = {.fix = RV_FIX_UNKNOWN};
	size_t i, j, k = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		if (groups[i]->diag == NULL) {
			struct rv_diag *d = xcalloc(1, sizeof(*d));

			*d = none;
			d->reason = RV_R_BADCOMPUTE;
			groups[i]->diag = d;
		}
		unit_add(unit_for(out, groups[i]), groups[i]);
	}
	for (i = 0; i < out->n; i++)
		qsort(out->v[i].groups, out->v[i].ngroups,
		      sizeof(*out->v[i].groups), group_order);
	/* qsort(3) wants an array even for none: v is NULL then. */
	if (out->n > 0)
		qsort(out->v, out->n, sizeof(*out->v), unit_order);
	for (i = 0; i < out->n; i++) {
		if (out->v[i].kind != RV_FIX_SPEC)
			continue;
		if (out->v[i].groups[0]->diag->sock.path != NULL)
			socket_section(t, out, i);
		else if (!single_section(out->v[i].spec))
			rename_named(t, out, i);
	}
	single_conflicts(out);
	for (i = 0; i < out->n; i++)
		for (j = 0; j < out->v[i].ngroups; j++)
			groups[k++] = out->v[i].groups[j];
}

void
rv_fixes_free(struct rv_fixes *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->v[i].groups);
	free(f->v);
	memset(f, 0, sizeof(*f));
}
