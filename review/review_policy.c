/*
 * review_policy - what pfsel-label review asks of a policy beyond
 * lib/sepolicy.h's common questions; see review_policy.h.  Called by
 * review_diag.c and doctor.
 *
 * The boolean question is answered by reading the policydb's
 * conditional lists directly: the structures are public in the
 * sepol/policydb headers and only read here.
 */
#include "review_policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sepol/policydb/conditional.h>
#include <sepol/policydb/ebitmap.h>
#include <sepol/policydb/hashtab.h>
#include <sepol/policydb/policydb.h>

#include "policy_file.h"
#include "sepolicy.h"
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
	struct sepolicy *sp;
	policydb_t *p;
	struct bool_memo memo;
	struct cond_index conds;
};

struct rv_policy *
rv_policy_load(const char *path, struct why *why)
{
	struct rv_policy *pol;
	struct sepolicy *sp;

	if ((sp = sepolicy_load(path, why)) == NULL)
		return NULL;
	pol = xcalloc(1, sizeof(*pol));
	pol->sp = sp;
	pol->p = sepolicy_db(sp);
	return pol;
}

void
rv_policy_free(struct rv_policy *pol)
{
	if (pol == NULL)
		return;
	free(pol->conds.rules);
	free(pol->conds.first);
	free(pol->conds.sbits);
	free(pol->conds.tbits);
	sepolicy_free(pol->sp);
	free(pol);
}

struct sepolicy *
rv_policy_sepolicy(const struct rv_policy *pol)
{
	return pol != NULL ? pol->sp : NULL;
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
	uint32_t s = sepolicy_type_value(pol->sp, stype),
	         t = sepolicy_type_value(pol->sp, ttype);
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
	if (v == 0 || v > pol->p->p_types.nprim)
		return 0;
	return sepolicy_type_count(pol->sp, pol->p->p_type_val_to_name[v - 1]);
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
	uint32_t attr = sepolicy_type_value(pol->sp, policy_type("port-types")),
	         i;
	int n = 0;

	if (attr == 0)
		return 0;
	for (i = 1; i <= pol->p->p_types.nprim && n < max; i++) {
		type_datum_t *td = pol->p->type_val_to_struct[i - 1];
		const char *name = pol->p->p_type_val_to_name[i - 1];
		struct sepolicy_access acc;
		char *con;
		int rc;

		if (td == NULL || td->flavor != TYPE_TYPE || name == NULL ||
		    !sepolicy_value_is(pol->sp, i, attr) || generic_port(name))
			continue;
		con = rv_context_with_type(tcon, name);
		rc = sepolicy_access(pol->sp, scon, con, cls, perm, 0, &acc);
		free(con);
		if (rc == SEPOLICY_ACC_OK && (acc.allowed & perm) == perm)
			names[n++] = name;
	}
	return n;
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
		if (ebitmap_get_bit(&pol->p->permissive_map, i) &&
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
