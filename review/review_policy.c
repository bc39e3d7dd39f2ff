/*
 * review_policy - the binary policy pfsel-label review diagnoses against;
 * see review_policy.h.  Called by review_diag.c.
 *
 * The policy is read once, into our own policydb, and handed to
 * libsepol's services (sepol_set_policydb/sepol_set_sidtab) for
 * sepol_compute_av_reason(), as audit2why does.  Those two are not
 * exported by the shared libsepol, so pfsel-label links the static
 * libsepol.a (see the GNUmakefile).  Reading the policy a second time
 * through the shared library's sepol_set_policydb_from_file() was half
 * of review's CPU time on a 100k-AVC log.  The boolean question is
 * answered by reading the policydb's conditional lists directly: the
 * structures are public in the sepol/policydb headers and only read here.
 */
#include "review_policy.h"

#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sepol/policydb.h>
#include <sepol/policydb/conditional.h>
#include <sepol/policydb/ebitmap.h>
#include <sepol/policydb/hashtab.h>
#include <sepol/policydb/policydb.h>
#include <sepol/policydb/services.h>
#include <sepol/policydb/sidtab.h>
#include <sepol/debug.h>
#include <sepol/sepol.h>

#include "policy_file.h"
#include "policydb_query.h"
#include "xalloc.h"

#define MAX_RELEVANT 256

/* A conditional node whose rules grant (s, t, cls) something asked. */
struct relevant {
	const cond_node_t *n;
	uint32_t when_true, when_false; /* what each list grants */
	int now;
};

/*
 * The conditional nodes and candidate booleans of the last (source,
 * target, class) asked: rv_policy_booleans() is called for a group and
 * for each of its distinct requests, with the same three.
 */
struct bool_memo {
	int valid;
	uint32_t s, t;
	uint16_t cls;
	struct relevant rel[MAX_RELEVANT];
	int nrel;
	uint32_t cand[COND_MAX_BOOLS * 8];
	int ncand;
};

/*
 * The SID of each context string already asked.  libsepol's
 * sepol_context_to_sid parses the string and searches the whole sidtab
 * every time; it was a third of the diagnosis of the 422 groups of the
 * sepolgen test log.
 */
struct sid_memo {
	struct sid_entry {
		char *con;
		uint32_t hash;
		sepol_security_id_t sid;
	} * v;
	size_t n, cap; /* cap is a power of two */
};

/*
 * The conditional allow rules, by class, each with its node and the
 * list (true or false) it is on.  Walking every conditional list for
 * each group asked was a quarter of the diagnosis of the sepolgen test
 * log; a class holds a small share of them.
 */
struct cond_rule {
	const cond_node_t *n;
	uint32_t src, tgt, perms;
	int on_true;
};

struct cond_index {
	int built;
	struct cond_rule *rules; /* by class, in policy order within one */
	size_t *first;           /* rules of class c: [first[c], first[c+1]) */
	size_t nclasses;
	/* The attributes of the source and target asked about, flat, bit
	 * v - 1 for type value v: two are tested per rule of the class,
	 * and walking the ebitmaps for them was 5% of a 100k-AVC review. */
	uint64_t *sbits, *tbits;
	size_t words;
};

struct rv_policy {
	char *path;
	sepol_policydb_t *db;
	policydb_t *p;
	sepol_handle_t *h;
	sidtab_t sidtab; /* the SIDs sepol_context_to_sid hands out */
	int services;    /* libsepol's services use db and sidtab */
	struct bool_memo memo;
	struct sid_memo sids;
	struct cond_index conds;
};

static void
quiet(void *arg, sepol_handle_t *h, const char *fmt, ...)
{
	(void)arg;
	(void)h;
	(void)fmt;
}

/*
 * policydb_load reads it into memory first (the fixed cost of every
 * review).
 */
struct rv_policy *
rv_policy_load(const char *path, struct why *why)
{
	struct rv_policy *pol;

	/* libsepol prints "type X is not defined" for every unknown
	 * context; review reports those itself. */
	sepol_debug(0);
	pol = xcalloc(1, sizeof(*pol));
	pol->path = xstrdup(path);
	if ((pol->h = sepol_handle_create()) == NULL) {
		why_set(why, "%s: out of memory", path);
		rv_policy_free(pol);
		return NULL;
	}
	sepol_msg_set_callback(pol->h, quiet, NULL);
	if ((pol->db = policydb_load(path, pol->h, why)) == NULL) {
		rv_policy_free(pol);
		return NULL;
	}
	pol->p = &pol->db->p;
	if (sepol_sidtab_init(&pol->sidtab) < 0) {
		why_set(why, "%s: out of memory", path);
		rv_policy_free(pol);
		return NULL;
	}
	sepol_set_policydb(pol->p);
	sepol_set_sidtab(&pol->sidtab);
	pol->services = 1;
	return pol;
}

static void
sid_memo_free(struct sid_memo *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->v[i].con);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

static uint32_t
str_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
sid_memo_grow(struct sid_memo *m)
{
	struct sid_memo bigger;
	size_t i, j;

	bigger.cap = m->cap ? m->cap * 2 : 256;
	bigger.n = m->n;
	bigger.v = xcalloc(bigger.cap, sizeof(*bigger.v));
	for (i = 0; i < m->cap; i++) {
		if (m->v[i].con == NULL)
			continue;
		for (j = m->v[i].hash & (bigger.cap - 1); bigger.v[j].con;
		     j = (j + 1) & (bigger.cap - 1))
			;
		bigger.v[j] = m->v[i];
	}
	free(m->v);
	*m = bigger;
}

/* sepol_context_to_sid through the memo; -1 for a context the policy
 * does not accept (not remembered: such groups are asked once). */
static int
context_sid(struct rv_policy *pol, const char *con, sepol_security_id_t *sid)
{
	struct sid_memo *m = &pol->sids;
	uint32_t h = str_hash(con);
	size_t j;

	if ((m->n + 1) * 2 > m->cap)
		sid_memo_grow(m);
	for (j = h & (m->cap - 1); m->v[j].con != NULL;
	     j = (j + 1) & (m->cap - 1))
		if (m->v[j].hash == h && strcmp(m->v[j].con, con) == 0) {
			*sid = m->v[j].sid;
			return 0;
		}
	if (sepol_context_to_sid(con, strlen(con) + 1, sid) < 0)
		return -1;
	m->v[j].con = xstrdup(con);
	m->v[j].hash = h;
	m->v[j].sid = *sid;
	m->n++;
	return 0;
}

/* Free the policydb; libsepol's services must not see it afterwards. */
static void
drop(struct rv_policy *pol)
{
	sid_memo_free(&pol->sids);
	free(pol->conds.rules);
	free(pol->conds.first);
	free(pol->conds.sbits);
	free(pol->conds.tbits);
	memset(&pol->conds, 0, sizeof(pol->conds));
	if (pol->services) {
		sepol_set_policydb(NULL);
		sepol_set_sidtab(NULL);
		sepol_sidtab_destroy(&pol->sidtab);
		pol->services = 0;
	}
	if (pol->db != NULL)
		sepol_policydb_free(pol->db);
	pol->db = NULL;
	pol->p = NULL;
}

void
rv_policy_free(struct rv_policy *pol)
{
	if (pol == NULL)
		return;
	drop(pol);
	if (pol->h != NULL)
		sepol_handle_destroy(pol->h);
	free(pol->path);
	free(pol);
}

const char *
rv_policy_path(const struct rv_policy *pol)
{
	return pol->path;
}

uint16_t
rv_policy_class(struct rv_policy *pol, const char *tclass)
{
	sepol_security_class_t c = 0;

	(void)pol;
	if (sepol_string_to_security_class(tclass, &c) < 0)
		return 0;
	return c;
}

uint32_t
rv_policy_perm(struct rv_policy *pol, uint16_t cls, const char *perm)
{
	sepol_access_vector_t av = 0;

	(void)pol;
	if (sepol_string_to_av_perm(cls, perm, &av) < 0)
		return 0;
	return av;
}

int
rv_policy_access(struct rv_policy *pol, const char *scon, const char *tcon,
                 uint16_t cls, uint32_t perms, int want_cons,
                 struct rv_access *acc)
{
	sepol_security_id_t ssid, tsid;
	struct sepol_av_decision avd;
	char *buf = NULL;
	int rc;

	memset(acc, 0, sizeof(*acc));
	acc->requested = perms;
	if (context_sid(pol, scon, &ssid) < 0)
		return RV_ACC_BADSCON;
	if (context_sid(pol, tcon, &tsid) < 0)
		return RV_ACC_BADTCON;
	if (want_cons)
		rc = sepol_compute_av_reason_buffer(
		    ssid, tsid, cls, perms, &avd, &acc->reason, &buf, 0);
	else
		rc = sepol_compute_av_reason(ssid, tsid, cls, perms, &avd,
		                             &acc->reason);
	if (rc < 0) {
		free(buf);
		return RV_ACC_BADCOMPUTE;
	}
	acc->allowed = avd.allowed;
	acc->auditdeny = avd.auditdeny;
	if (buf != NULL && (acc->reason & SEPOL_COMPUTEAV_CONS))
		acc->constraint = buf;
	else
		free(buf);
	return RV_ACC_OK;
}

/* The value of a type or attribute by name (aliases too), 0 if none. */
static uint32_t
type_value(struct rv_policy *pol, const char *name)
{
	hashtab_t h = pol->p->p_types.table;
	hashtab_ptr_t cur;

	if (h == NULL || h->size == 0)
		return 0;
	for (cur = h->htable[h->hash_value(h, name)]; cur != NULL;
	     cur = cur->next)
		if (h->keycmp(h, name, cur->key) == 0) {
			type_datum_t *t = cur->datum;

			return t->flavor == TYPE_ALIAS && t->primary
			           ? t->primary
			           : t->s.value;
		}
	return 0;
}

static int
ebit(const ebitmap_t *e, unsigned int bit)
{
	const ebitmap_node_t *n;

	for (n = e->node; n != NULL && n->startbit <= bit; n = n->next)
		if (bit < n->startbit + MAPSIZE)
			return (int)((n->map >> (bit - n->startbit)) & 1);
	return 0;
}

int
rv_policy_has_type(struct rv_policy *pol, const char *type)
{
	return type_value(pol, type) != 0;
}

int
rv_policy_permissive(struct rv_policy *pol, const char *type)
{
	uint32_t v = type_value(pol, type);

	return v != 0 && ebit(&pol->p->permissive_map, v);
}

/* Does type value t have attribute (or type) value a? */
static int
type_has(struct rv_policy *pol, uint32_t t, uint32_t a)
{
	if (t == a)
		return 1;
	if (t == 0 || t > pol->p->p_types.nprim ||
	    pol->p->type_attr_map == NULL)
		return 0;
	return ebit(&pol->p->type_attr_map[t - 1], a - 1);
}

int
rv_policy_has_attr(struct rv_policy *pol, const char *type, const char *attr)
{
	uint32_t t = type_value(pol, type), a = type_value(pol, attr);

	return t != 0 && a != 0 && type_has(pol, t, a);
}

int
rv_policy_type_count(struct rv_policy *pol, const char *name)
{
	uint32_t v = type_value(pol, name);
	const type_datum_t *t;

	if (v == 0 || v > pol->p->p_types.nprim)
		return 0;
	t = pol->p->type_val_to_struct[v - 1];
	if (t == NULL || t->flavor != TYPE_ATTRIB ||
	    pol->p->attr_type_map == NULL)
		return 1;
	return (int)ebitmap_cardinality(&pol->p->attr_type_map[v - 1]);
}

/* Evaluate a conditional expression, with boolean flip (1-based) negated. */
static int
cond_eval(struct rv_policy *pol, const cond_expr_t *e, uint32_t flip)
{
	int stack[COND_EXPR_MAXDEPTH];
	int sp = -1;

	for (; e != NULL; e = e->next) {
		switch (e->expr_type) {
		case COND_BOOL: {
			int v;

			if (sp + 1 >= COND_EXPR_MAXDEPTH || e->bool == 0 ||
			    e->bool > pol->p->p_bools.nprim)
				return -1;
			v = pol->p->bool_val_to_struct[e->bool - 1]->state;
			stack[++sp] = e->bool == flip ? !v : v;
			break;
		}
		case COND_NOT:
			if (sp < 0)
				return -1;
			stack[sp] = !stack[sp];
			break;
		default:
			if (sp < 1)
				return -1;
			switch (e->expr_type) {
			case COND_OR:
				stack[sp - 1] |= stack[sp];
				break;
			case COND_AND:
				stack[sp - 1] &= stack[sp];
				break;
			case COND_XOR:
				stack[sp - 1] ^= stack[sp];
				break;
			case COND_EQ:
				stack[sp - 1] = stack[sp - 1] == stack[sp];
				break;
			case COND_NEQ:
				stack[sp - 1] = stack[sp - 1] != stack[sp];
				break;
			default:
				return -1;
			}
			sp--;
		}
	}
	return sp == 0 ? stack[0] : -1;
}

/* Call f on every conditional allow rule, in policy order. */
static void
cond_rules_walk(struct rv_policy *pol,
                void (*f)(struct cond_index *, const cond_node_t *,
                          const avtab_ptr_t, int))
{
	const cond_node_t *n;
	const cond_av_list_t *l;
	int side;

	for (n = pol->p->cond_list; n != NULL; n = n->next)
		for (side = 1; side >= 0; side--)
			for (l = side ? n->true_list : n->false_list; l != NULL;
			     l = l->next)
				if (l->node->key.specified & AVTAB_ALLOWED)
					f(&pol->conds, n, l->node, side);
}

static void
cond_count(struct cond_index *ci, const cond_node_t *n, const avtab_ptr_t a,
           int side)
{
	(void)n;
	(void)side;
	if (a->key.target_class < ci->nclasses)
		ci->first[a->key.target_class + 1]++;
}

static void
cond_place(struct cond_index *ci, const cond_node_t *n, const avtab_ptr_t a,
           int side)
{
	struct cond_rule *r;

	if (a->key.target_class >= ci->nclasses)
		return;
	/* first[c] runs ahead as rules of class c are placed */
	r = &ci->rules[ci->first[a->key.target_class]++];
	r->n = n;
	r->src = a->key.source_type;
	r->tgt = a->key.target_type;
	r->perms = a->datum.data;
	r->on_true = side;
}

/* Counting sort of the conditional rules by class, once. */
static void
cond_index_build(struct rv_policy *pol)
{
	struct cond_index *ci = &pol->conds;
	size_t c;

	ci->built = 1;
	ci->nclasses = (size_t)pol->p->p_classes.nprim + 1;
	ci->first = xcalloc(ci->nclasses + 1, sizeof(*ci->first));
	cond_rules_walk(pol, cond_count);
	for (c = 1; c <= ci->nclasses; c++)
		ci->first[c] += ci->first[c - 1];
	ci->rules = xcalloc(ci->first[ci->nclasses] + 1, sizeof(*ci->rules));
	cond_rules_walk(pol, cond_place);
	/* placing moved each first[c] to the start of class c + 1 */
	for (c = ci->nclasses; c > 0; c--)
		ci->first[c] = ci->first[c - 1];
	ci->first[0] = 0;
}

/* Type value t's attributes, and t itself, into bits (ci->words long). */
static void
attr_bits(struct rv_policy *pol, uint32_t t, uint64_t *bits)
{
	const struct cond_index *ci = &pol->conds;
	const ebitmap_node_t *n;

	memset(bits, 0, ci->words * sizeof(*bits));
	if (t == 0 || t > pol->p->p_types.nprim)
		return;
	bits[(t - 1) / 64] |= (uint64_t)1 << ((t - 1) % 64);
	if (pol->p->type_attr_map == NULL)
		return;
	/* libsepol's nodes are 64 bits (MAPSIZE) from a multiple of 64 */
	for (n = pol->p->type_attr_map[t - 1].node; n != NULL; n = n->next)
		if (n->startbit / 64 < ci->words)
			bits[n->startbit / 64] |= n->map;
}

static int
bit_has(const uint64_t *bits, size_t words, uint32_t a)
{
	return a != 0 && (a - 1) / 64 < words &&
	       (bits[(a - 1) / 64] >> ((a - 1) % 64) & 1);
}

/* Add node n to the relevant ones unless its rules grant nothing. */
static void
relevant_add(struct rv_policy *pol, struct bool_memo *m, const cond_node_t *n,
             uint32_t wt, uint32_t wf)
{
	const cond_expr_t *e;
	struct relevant *r;
	int j;

	if ((wt | wf) == 0 || m->nrel == MAX_RELEVANT)
		return;
	r = &m->rel[m->nrel++];
	r->n = n;
	r->when_true = wt;
	r->when_false = wf;
	r->now = cond_eval(pol, n->expr, 0);
	for (e = n->expr; e != NULL; e = e->next) {
		if (e->expr_type != COND_BOOL)
			continue;
		for (j = 0; j < m->ncand && m->cand[j] != e->bool; j++)
			;
		if (j == m->ncand &&
		    m->ncand < (int)(sizeof(m->cand) / sizeof(m->cand[0])))
			m->cand[m->ncand++] = e->bool;
	}
}

/* The conditional nodes whose rules grant (s, t, cls) something, with
 * the booleans in their expressions, into pol->memo. */
static void
relevant_find(struct rv_policy *pol, uint32_t s, uint32_t t, uint16_t cls)
{
	struct bool_memo *m = &pol->memo;
	struct cond_index *ci = &pol->conds;
	const cond_node_t *cur = NULL;
	uint32_t wt = 0, wf = 0;
	size_t k;
	int i, j;

	if (!ci->built)
		cond_index_build(pol);
	if (ci->sbits == NULL) {
		ci->words = (pol->p->p_types.nprim + 63) / 64;
		ci->sbits = xcalloc(ci->words + 1, sizeof(*ci->sbits));
		ci->tbits = xcalloc(ci->words + 1, sizeof(*ci->tbits));
	}
	attr_bits(pol, s, ci->sbits);
	attr_bits(pol, t, ci->tbits);
	m->valid = 1;
	m->s = s, m->t = t, m->cls = cls;
	m->nrel = m->ncand = 0;
	if (cls >= ci->nclasses)
		return;
	for (k = ci->first[cls]; k < ci->first[cls + 1]; k++) {
		const struct cond_rule *r = &ci->rules[k];

		if (r->n != cur) {
			if (cur != NULL)
				relevant_add(pol, m, cur, wt, wf);
			cur = r->n;
			wt = wf = 0;
		}
		if (bit_has(ci->sbits, ci->words, r->src) &&
		    bit_has(ci->tbits, ci->words, r->tgt))
			*(r->on_true ? &wt : &wf) |= r->perms;
	}
	if (cur != NULL)
		relevant_add(pol, m, cur, wt, wf);
	/* In policy order, as audit2why lists them. */
	for (i = 1; i < m->ncand; i++)
		for (j = i; j > 0 && m->cand[j - 1] > m->cand[j]; j--) {
			uint32_t x = m->cand[j];

			m->cand[j] = m->cand[j - 1];
			m->cand[j - 1] = x;
		}
}

int
rv_policy_booleans(struct rv_policy *pol, const char *stype, const char *ttype,
                   uint16_t cls, uint32_t perms, uint32_t allowed,
                   const char **names, int *values, int max)
{
	uint32_t s = type_value(pol, stype), t = type_value(pol, ttype);
	struct bool_memo *m = &pol->memo;
	int found = 0, i, j;

	if (s == 0 || t == 0)
		return 0;
	/*
	 * The conditional rules of the class find the nodes that grant
	 * (s, t, cls) anything; only booleans in their expressions are
	 * flipped.  Flipping every boolean over every node (audit2why's
	 * way, on a mutable policy) took 70% of a 100k-AVC run.
	 */
	if (!m->valid || m->s != s || m->t != t || m->cls != cls)
		relevant_find(pol, s, t, cls);
	for (i = 0; i < m->ncand && found < max; i++) {
		uint32_t b = m->cand[i], extra = 0;
		cond_bool_datum_t *d;

		if (b == 0 || b > pol->p->p_bools.nprim)
			continue;
		d = pol->p->bool_val_to_struct[b - 1];
		if (d == NULL || (d->flags & COND_BOOL_FLAGS_TUNABLE))
			continue;
		for (j = 0; j < m->nrel; j++) {
			const struct relevant *r = &m->rel[j];
			int then = cond_eval(pol, r->n->expr, b);

			if (r->now >= 0 && then >= 0 && then != r->now)
				extra |= then ? r->when_true : r->when_false;
		}
		if ((perms & ~(allowed | extra)) != 0)
			continue;
		names[found] = pol->p->p_bool_val_to_name[b - 1];
		values[found] = !d->state;
		found++;
	}
	return found;
}

/* How many types type or attribute value v stands for. */
static int
source_reach(struct rv_policy *pol, uint32_t v)
{
	const type_datum_t *t;

	if (v == 0 || v > pol->p->p_types.nprim)
		return 0;
	t = pol->p->type_val_to_struct[v - 1];
	if (t == NULL || t->flavor != TYPE_ATTRIB ||
	    pol->p->attr_type_map == NULL)
		return 1;
	return (int)ebitmap_cardinality(&pol->p->attr_type_map[v - 1]);
}

int
rv_policy_boolean_reach(struct rv_policy *pol, const char *name)
{
	const cond_bool_datum_t *b;
	const cond_node_t *n;
	const cond_expr_t *e;
	const cond_av_list_t *l;
	int reach = 0, side, r;

	b = hashtab_search(pol->p->p_bools.table, (hashtab_key_t)name);
	if (b == NULL)
		return 0;
	for (n = pol->p->cond_list; n != NULL; n = n->next) {
		for (e = n->expr; e != NULL && e->bool != b->s.value;
		     e = e->next)
			;
		if (e == NULL)
			continue;
		for (side = 1; side >= 0; side--)
			for (l = side ? n->true_list : n->false_list; l != NULL;
			     l = l->next)
				if ((l->node->key.specified & AVTAB_ALLOWED) &&
				    (r = source_reach(
				         pol, l->node->key.source_type)) >
				        reach)
					reach = r;
	}
	return reach;
}

char *
rv_context_with_type(const char *con, const char *type)
{
	const char *a, *b;

	a = strchr(con, ':');
	a = a ? strchr(a + 1, ':') : NULL;
	if (a == NULL)
		return xstrdup(con);
	b = strchr(a + 1, ':');
	return xasprintf("%.*s%s%s", (int)(a + 1 - con), con, type, b ? b : "");
}

static int
generic_port(const char *name)
{
	return policy_file_has("generic-port-types", NULL, name);
}

int
rv_policy_port_types(struct rv_policy *pol, const char *scon, const char *tcon,
                     uint16_t cls, uint32_t perm, const char **names, int max)
{
	uint32_t attr = type_value(pol, "port_type"), i;
	int n = 0;

	if (attr == 0)
		return 0;
	for (i = 1; i <= pol->p->p_types.nprim && n < max; i++) {
		type_datum_t *td = pol->p->type_val_to_struct[i - 1];
		const char *name = pol->p->p_type_val_to_name[i - 1];
		struct rv_access acc;
		char *con;
		int rc;

		if (td == NULL || td->flavor != TYPE_TYPE || name == NULL ||
		    !type_has(pol, i, attr) || generic_port(name))
			continue;
		con = rv_context_with_type(tcon, name);
		rc = rv_policy_access(pol, scon, con, cls, perm, 0, &acc);
		free(con);
		if (rc == RV_ACC_OK && (acc.allowed & perm) == perm)
			names[n++] = name;
	}
	return n;
}

/* The type of proto/port: lib/policydb_query's one lookup. */
const char *
rv_policy_port_label(struct rv_policy *pol, const char *proto, int port)
{
	return policydb_port_type(pol->p, proto, port);
}

static int
count_dontaudit(avtab_key_t *k, avtab_datum_t *d, void *arg)
{
	(void)d;
	if (k->specified & AVTAB_AUDITDENY)
		(*(unsigned long *)arg)++;
	return 0;
}

unsigned long
rv_policy_dontaudit_rules(struct rv_policy *pol)
{
	unsigned long n = 0;

	avtab_map(&pol->p->te_avtab, count_dontaudit, &n);
	avtab_map(&pol->p->te_cond_avtab, count_dontaudit, &n);
	return n;
}

int
rv_policy_permissive_types(struct rv_policy *pol, const char **names, int max)
{
	uint32_t i;
	int n = 0;

	for (i = 1; i <= pol->p->p_types.nprim && n < max; i++)
		if (ebit(&pol->p->permissive_map, i) &&
		    pol->p->p_type_val_to_name[i - 1] != NULL)
			names[n++] = pol->p->p_type_val_to_name[i - 1];
	return n;
}

int
rv_policy_boolean(struct rv_policy *pol, const char *name)
{
	const cond_bool_datum_t *b =
	    hashtab_search(pol->p->p_bools.table, (hashtab_key_t)name);

	return b == NULL ? -1 : b->state != 0;
}

void
rv_policy_activate(struct rv_policy *pol)
{
	if (pol->services) {
		sepol_set_policydb(pol->p);
		sepol_set_sidtab(&pol->sidtab);
	}
}
