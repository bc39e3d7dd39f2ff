/*
 * review_group - the denials of a log, grouped by (source type, target
 * type, class); see review_group.h.
 *
 * Two open hash tables: interned strings (an arena of chunks, so that a
 * string never moves) and groups.  Keys are hashed straight from the
 * record's bytes, so a denial already seen costs one hash and
 * three memcmp, no allocation.
 */
#include "review_group.h"

#include <stdlib.h>
#include <string.h>

#include "byte_scan.h"
#include "xalloc.h"

#define ARENA_CHUNK (64 * 1024)

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, cap;
	char data[];
};

struct istr {
	uint32_t hash;
	size_t len;
	const char *s;
};

/* 2048 slots of ~200 bytes, 400 KB per table: the bench log's 865
 * distinct requests mostly find their own slot (1024 slots ran 1% more
 * instructions, 4096 1% fewer). */
#define MEMO_SLOTS 2048

struct memo_slot {
	uint32_t hash, shape;
	uint16_t nperms, nctx;
	struct rv_resolved r;  /* r.g NULL: empty */
	char key[RV_MEMO_KEY]; /* the permissions, then the contexts */
};

struct rv_table {
	struct memo_slot *memo; /* allocated on first use */
	struct arena_chunk *chunks;
	struct istr *strs; /* open addressing */
	size_t nstrs, capstrs;
	struct rv_group **buckets;
	size_t nbuckets;
	struct rv_group **list; /* in order of appearance */
	size_t ngroups, caplist;
};

/*
 * FNV-style, eight bytes a step: every denial hashes its request's
 * bytes (~90), and the byte-at-a-time FNV-1a was 5% of a 1M-AVC
 * review.  The last word is read overlapping the one before rather
 * than byte by byte (the whole review: 1.3% fewer instructions).
 */
static uint64_t
load_tail(const char *p, size_t n)
{
	uint32_t lo, hi;

	if (n >= 4) {
		memcpy(&lo, p, 4);
		memcpy(&hi, p + n - 4, 4);
		return (uint64_t)lo | (uint64_t)hi << 32;
	}
	if (n == 0)
		return 0;
	return (uint64_t)(unsigned char)p[0] |
	       (uint64_t)(unsigned char)p[n / 2] << 8 |
	       (uint64_t)(unsigned char)p[n - 1] << 16;
}

static uint32_t
hash_bytes(uint32_t seed, const char *p, size_t n)
{
	uint64_t h = (seed ^ 0xcbf29ce484222325ull) ^ ((uint64_t)n << 56), w;
	size_t left = n;

	for (; left > 8; p += 8, left -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x100000001b3ull;
		h ^= h >> 32;
	}
	if (n >= 8)
		memcpy(&w, p + left - 8, 8);
	else
		w = load_tail(p, n);
	h = (h ^ w) * 0x100000001b3ull;
	h ^= h >> 29;
	return (uint32_t)h;
}

#define HASH_INIT 0u

struct rv_table *
rv_table_new(void)
{
	struct rv_table *t = xcalloc(1, sizeof(*t));

	t->capstrs = 1024;
	t->strs = xcalloc(t->capstrs, sizeof(*t->strs));
	t->nbuckets = 1024;
	t->buckets = xcalloc(t->nbuckets, sizeof(*t->buckets));
	return t;
}

void
rv_table_free(struct rv_table *t)
{
	struct arena_chunk *c, *next;
	size_t i;

	if (t == NULL)
		return;
	for (c = t->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	for (i = 0; i < t->ngroups; i++) {
		free(t->list[i]->diag);
		free(t->list[i]->more_perms);
		free(t->list[i]);
	}
	free(t->list);
	free(t->memo);
	free(t->strs);
	free(t->buckets);
	free(t);
}

static char *
arena_copy(struct rv_table *t, const char *p, size_t n)
{
	struct arena_chunk *c = t->chunks;
	char *s;

	if (c == NULL || c->cap - c->used < n + 1) {
		size_t cap = n + 1 > ARENA_CHUNK ? n + 1 : ARENA_CHUNK;

		c = xmalloc(sizeof(*c) + cap);
		c->cap = cap;
		c->used = 0;
		c->next = t->chunks;
		t->chunks = c;
	}
	s = c->data + c->used;
	memcpy(s, p, n);
	s[n] = '\0';
	c->used += n + 1;
	return s;
}

static void
strs_grow(struct rv_table *t)
{
	struct istr *old = t->strs;
	size_t oldcap = t->capstrs, i;

	t->capstrs *= 2;
	t->strs = xcalloc(t->capstrs, sizeof(*t->strs));
	for (i = 0; i < oldcap; i++) {
		size_t j;

		if (old[i].s == NULL)
			continue;
		for (j = old[i].hash & (t->capstrs - 1); t->strs[j].s != NULL;
		     j = (j + 1) & (t->capstrs - 1))
			;
		t->strs[j] = old[i];
	}
	free(old);
}

const char *
rv_intern(struct rv_table *t, const char *p, size_t n)
{
	uint32_t h = hash_bytes(HASH_INIT, p, n);
	size_t j;

	if (t->nstrs * 2 >= t->capstrs)
		strs_grow(t);
	for (j = h & (t->capstrs - 1); t->strs[j].s != NULL;
	     j = (j + 1) & (t->capstrs - 1))
		if (t->strs[j].hash == h && t->strs[j].len == n &&
		    memcmp(t->strs[j].s, p, n) == 0)
			return t->strs[j].s;
	t->strs[j].hash = h;
	t->strs[j].len = n;
	t->strs[j].s = arena_copy(t, p, n);
	t->nstrs++;
	return t->strs[j].s;
}

static int
span_is(const char *s, const char *p, size_t n)
{
	return strncmp(s, p, n) == 0 && s[n] == '\0';
}

static void
groups_grow(struct rv_table *t)
{
	size_t i;

	free(t->buckets);
	t->nbuckets *= 2;
	t->buckets = xcalloc(t->nbuckets, sizeof(*t->buckets));
	for (i = 0; i < t->ngroups; i++) {
		struct rv_group *g = t->list[i];
		size_t b = g->hash & (t->nbuckets - 1);

		g->next = t->buckets[b];
		t->buckets[b] = g;
	}
}

struct rv_group *
rv_group_get(struct rv_table *t, const char *stype, size_t slen,
             const char *ttype, size_t tlen, const char *tclass, size_t clen,
             const char *scon, size_t sclen, const char *tcon, size_t tclen)
{
	uint32_t h = hash_bytes(HASH_INIT, stype, slen);
	struct rv_group *g;

	h = hash_bytes(h ^ 0x5c, ttype, tlen);
	h = hash_bytes(h ^ 0x3a, tclass, clen);
	for (g = t->buckets[h & (t->nbuckets - 1)]; g != NULL; g = g->next)
		if (g->hash == h && g->slen == slen && g->tlen == tlen &&
		    g->clen == clen && memcmp(g->stype, stype, slen) == 0 &&
		    memcmp(g->ttype, ttype, tlen) == 0 &&
		    memcmp(g->tclass, tclass, clen) == 0)
			return g;
	if (t->ngroups * 2 >= t->nbuckets)
		groups_grow(t);
	g = xcalloc(1, sizeof(*g));
	g->hash = h;
	g->stype = rv_intern(t, stype, slen);
	g->ttype = rv_intern(t, ttype, tlen);
	g->tclass = rv_intern(t, tclass, clen);
	g->slen = slen, g->tlen = tlen, g->clen = clen;
	g->scon = rv_intern(t, scon, sclen);
	g->tcon = rv_intern(t, tcon, tclen);
	g->scons[0] = g->scon;
	g->tcons[0] = g->tcon;
	g->nctx = 1;
	g->seq = t->ngroups;
	g->next = t->buckets[h & (t->nbuckets - 1)];
	t->buckets[h & (t->nbuckets - 1)] = g;
	if (t->ngroups == t->caplist) {
		t->caplist = t->caplist ? t->caplist * 2 : 64;
		t->list = xreallocarray(t->list, t->caplist, sizeof(*t->list));
	}
	t->list[t->ngroups++] = g;
	return g;
}

uint32_t
rv_memo_hash(const struct rv_request_key *k)
{
	return hash_bytes(hash_bytes(k->shape, k->perms, k->nperms), k->ctx,
	                  k->nctx);
}

int
rv_memo_get(struct rv_table *t, const struct rv_request_key *k, uint32_t h,
            struct rv_resolved *r)
{
	struct memo_slot *m;

	if (t->memo == NULL)
		return 0;
	m = &t->memo[h % MEMO_SLOTS];
	if (m->r.g == NULL || m->hash != h || m->shape != k->shape ||
	    m->nperms != k->nperms || m->nctx != k->nctx ||
	    memcmp(m->key, k->perms, k->nperms) != 0 ||
	    memcmp(m->key + k->nperms, k->ctx, k->nctx) != 0)
		return 0;
	*r = m->r;
	return 1;
}

void
rv_memo_put(struct rv_table *t, const struct rv_request_key *k, uint32_t h,
            const struct rv_resolved *r)
{
	struct memo_slot *m;

	if (k->nperms + k->nctx > RV_MEMO_KEY)
		return; /* not memoized: resolved again each time */
	if (t->memo == NULL)
		t->memo = xcalloc(MEMO_SLOTS, sizeof(*t->memo));
	m = &t->memo[h % MEMO_SLOTS];
	m->hash = h;
	m->shape = k->shape;
	m->nperms = (uint16_t)k->nperms;
	m->nctx = (uint16_t)k->nctx;
	m->r = *r;
	memcpy(m->key, k->perms, k->nperms);
	memcpy(m->key + k->nperms, k->ctx, k->nctx);
}

int
rv_group_perm(struct rv_table *t, struct rv_group *g, const char *p, size_t n)
{
	int i;

	for (i = 0; i < g->nperms; i++)
		if (g->permlen[i] == n && memcmp(g->perms[i], p, n) == 0)
			return i;
	if (g->nperms == RV_MAXPERMS) {
		for (i = 0; i < g->nmore_perms; i++)
			if (strlen(g->more_perms[i]) == n &&
			    memcmp(g->more_perms[i], p, n) == 0)
				return 63;
		g->more_perms =
		    xreallocarray(g->more_perms, (size_t)g->nmore_perms + 1,
		                  sizeof(*g->more_perms));
		g->more_perms[g->nmore_perms++] = rv_intern(t, p, n);
		return 63;
	}
	g->perms[g->nperms] = rv_intern(t, p, n);
	g->permlen[g->nperms] = n;
	return g->nperms++;
}

int
rv_group_ctx(struct rv_table *t, struct rv_group *g, const char *scon,
             size_t sclen, const char *tcon, size_t tclen)
{
	int i;

	for (i = 0; i < g->nctx; i++)
		if (span_is(g->scons[i], scon, sclen) &&
		    span_is(g->tcons[i], tcon, tclen))
			return i;
	if (g->nctx == RV_CTXS)
		return RV_CTXS - 1;
	g->scons[g->nctx] = rv_intern(t, scon, sclen);
	g->tcons[g->nctx] = rv_intern(t, tcon, tclen);
	return g->nctx++;
}

/* Count requests (count of them) with these permission bits. */
static void
set_add(struct rv_group *g, int ctx, uint64_t bits, unsigned long count)
{
	int i;

	for (i = 0; i < g->nsets; i++)
		if (g->sets[i].bits == bits && g->sets[i].ctx == ctx) {
			g->sets[i].count += count;
			return;
		}
	if (g->nsets < RV_PERMSETS) {
		g->sets[g->nsets].bits = bits;
		g->sets[g->nsets].ctx = ctx;
		g->sets[g->nsets].count = count;
		g->nsets++;
		return;
	}
	/* Bounded: fold further distinct sets into the last one. */
	g->sets[RV_PERMSETS - 1].bits |= bits;
	g->sets[RV_PERMSETS - 1].count += count;
}

/* Widen g's first/last seen times to include [first, last]. */
static void
times_add(struct rv_group *g, double first, double last)
{
	if (g->count == 0 ||
	    (first != 0 && (g->first == 0 || first < g->first)))
		g->first = first;
	if (last > g->last)
		g->last = last;
}

void
rv_group_request(struct rv_group *g, int ctx, uint64_t bits, double when)
{
	times_add(g, when, when);
	g->count++;
	set_add(g, ctx, bits, 1);
}

void
rv_examples_add(struct rv_table *t, struct rv_examples *ex, const char *p,
                size_t n)
{
	int i;

	if (n == 0)
		return;
	for (i = 0; i < ex->n; i++)
		if (ex->len[i] == n && memcmp(ex->v[i], p, n) == 0)
			return;
	if (ex->n == RV_EXAMPLES) {
		ex->more = 1;
		return;
	}
	ex->len[ex->n] = n;
	ex->v[ex->n++] = rv_intern(t, p, n);
}

void
rv_group_port(struct rv_group *g, int port)
{
	int i;

	for (i = 0; i < g->nports; i++)
		if (g->ports[i] == port)
			return;
	if (g->nports < RV_EXAMPLES)
		g->ports[g->nports++] = port;
}

static void
examples_merge(struct rv_table *t, struct rv_examples *to,
               const struct rv_examples *from)
{
	int i;

	for (i = 0; i < from->n; i++)
		rv_examples_add(t, to, from->v[i], from->len[i]);
	to->more |= from->more;
}

/* Add everything src's group s counted to its group in t. */
static void
group_merge(struct rv_table *t, const struct rv_group *s)
{
	struct rv_group *g;
	int permmap[RV_MAXPERMS], ctxmap[RV_CTXS], i, b;

	g = rv_group_get(t, s->stype, s->slen, s->ttype, s->tlen, s->tclass,
	                 s->clen, s->scon, strlen(s->scon), s->tcon,
	                 strlen(s->tcon));
	for (i = 0; i < s->nperms; i++)
		permmap[i] = rv_group_perm(t, g, s->perms[i], s->permlen[i]);
	for (i = 0; i < s->nmore_perms; i++)
		rv_group_perm(t, g, s->more_perms[i], strlen(s->more_perms[i]));
	for (i = 0; i < s->nctx; i++)
		ctxmap[i] = rv_group_ctx(t, g, s->scons[i], strlen(s->scons[i]),
		                         s->tcons[i], strlen(s->tcons[i]));
	for (i = 0; i < s->nsets; i++) {
		uint64_t bits = 0;

		for (b = 0; b < s->nperms; b++)
			if (s->sets[i].bits >> b & 1)
				bits |= (uint64_t)1 << permmap[b];
		bits |= s->sets[i].bits & RV_MORE_BIT;
		set_add(g, ctxmap[s->sets[i].ctx], bits, s->sets[i].count);
	}
	times_add(g, s->first, s->last);
	g->count += s->count;
	g->user_avc += s->user_avc;
	g->permissive += s->permissive;
	g->success_yes += s->success_yes;
	g->success_no += s->success_no;
	examples_merge(t, &g->nodes, &s->nodes);
	examples_merge(t, &g->comms, &s->comms);
	examples_merge(t, &g->exes, &s->exes);
	examples_merge(t, &g->paths, &s->paths);
	examples_merge(t, &g->created, &s->created);
	for (i = 0; i < s->nports; i++)
		rv_group_port(g, s->ports[i]);
}

void
rv_table_merge(struct rv_table *t, const struct rv_table *src)
{
	size_t i;

	for (i = 0; i < src->ngroups; i++)
		group_merge(t, src->list[i]);
}

struct rv_group **
rv_table_groups(struct rv_table *t, size_t *count)
{
	*count = t->ngroups;
	return t->list;
}

int
rv_context_type(const char *con, size_t n, const char **type, size_t *tlen)
{
	const char *a, *b, *end = con + n;

	/* byte_scan: a memchr call per colon cost more than the scan */
	a = byte_scan1(con, end, ':');
	if (a == end)
		return -1;
	a = byte_scan1(a + 1, end, ':');
	if (a == end)
		return -1;
	a++;
	b = byte_scan1(a, end, ':');
	if (b == a)
		return -1;
	*type = a;
	*tlen = (size_t)(b - a);
	return 0;
}

int
rv_group_has_perm(const struct rv_group *g, const char *perm)
{
	int i;

	for (i = 0; i < g->nperms; i++)
		if (strcmp(g->perms[i], perm) == 0)
			return 1;
	return 0;
}
