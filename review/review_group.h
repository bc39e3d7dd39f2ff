/*
 * review_group - the denials of a log, grouped by (source type, target
 * type, class), with interned strings.
 *
 * review_input.c adds every AVC/USER_AVC here; review_diag.c and
 * review_output.c read the groups.  Memory grows with the number of
 * distinct denials only: each group keeps a bounded number of examples
 * (nodes, commands, executables, paths, ports) and of distinct
 * permission sets (so that a diagnosis can be given per request, as
 * audit2why does, and per group).
 */
#ifndef PFSEL_REVIEW_GROUP_H
#define PFSEL_REVIEW_GROUP_H

#include <stddef.h>
#include <stdint.h>

#define RV_EXAMPLES 4
/*
 * A group names its first 63 distinct permissions by bit; bit 63 stands
 * for all the others, kept by name in more_perms.  A class has at most
 * 32 permissions, so a group reaches 63 only with names its class does
 * not have (a crafted log): those past the 63rd are reported as
 * unknown, all of them, never cut.
 */
#define RV_MAXPERMS 63
#define RV_MORE_BIT ((uint64_t)1 << 63)
#define RV_PERMSETS 16
#define RV_CTXS     4

struct rv_examples {
	const char *v[RV_EXAMPLES];
	size_t len[RV_EXAMPLES];
	int n;
	int more; /* more distinct values were seen than kept */
};

struct rv_permset {
	uint64_t bits; /* over group->perms[] */
	int ctx;       /* index in group->scons/tcons */
	unsigned long count;
	int reason; /* enum rv_reason, filled by review_diag.c */
};

struct rv_diag; /* review_diag.h */

struct rv_group {
	const char *stype, *ttype, *tclass; /* interned */
	const char *scon, *tcon;            /* first full contexts seen */
	/* Distinct context pairs: users and levels can change the answer
	 * (UBAC and MLS constraints), so requests remember theirs. */
	const char *scons[RV_CTXS], *tcons[RV_CTXS];
	int nctx;
	const char *perms[RV_MAXPERMS];
	size_t permlen[RV_MAXPERMS];
	int nperms;
	const char **more_perms; /* past the 63rd, grown as needed */
	int nmore_perms;
	struct rv_permset sets[RV_PERMSETS];
	int nsets;
	unsigned long count;
	unsigned long user_avc; /* how many came from USER_AVC */
	double first, last;
	struct rv_examples nodes, comms, exes, paths;
	struct rv_examples created; /* files its events created (PATH CREATE) */
	int ports[RV_EXAMPLES];
	int nports;
	unsigned long permissive; /* records with permissive=1 */
	unsigned long success_yes, success_no;
	struct rv_diag *diag;
	uint32_t hash;
	size_t slen, tlen, clen; /* of stype, ttype, tclass */
	struct rv_group *next;   /* hash chain */
	size_t seq;              /* order of first appearance */
};

struct rv_table;

struct rv_table *rv_table_new(void);
void rv_table_free(struct rv_table *t);

/* Intern a string (any bytes, NUL added); the table owns it. */
const char *rv_intern(struct rv_table *t, const char *p, size_t n);

/*
 * The group of (stype, ttype, tclass), created on first use with scon
 * and tcon as its example contexts.  Spans need not be NUL-terminated.
 */
struct rv_group *rv_group_get(struct rv_table *t, const char *stype,
                              size_t slen, const char *ttype, size_t tlen,
                              const char *tclass, size_t clen, const char *scon,
                              size_t sclen, const char *tcon, size_t tclen);

/*
 * A memo in front of rv_group_get, rv_group_perm and rv_group_ctx: the
 * bytes of a request to what they resolved to.  Logs repeat a few
 * denials over and over, and resolving one costs three hashes, two
 * context scans and a walk of the permissions; checking the memo costs
 * one hash and one compare.  The key is two spans of the record, its
 * permissions ("read write") and the stretch from the scontext to the
 * end of the tclass, with shape telling where in that stretch the three
 * values lie, so that equal keys hold equal values.  Fixed size, so
 * memory stays bounded however many distinct contexts a log holds.
 */
struct rv_request_key {
	const char *perms, *ctx;
	size_t nperms, nctx;
	uint32_t shape;
};

struct rv_resolved {
	struct rv_group *g;
	int ctx;
	uint64_t bits; /* over g->perms */
};

/* Longest key (nperms + nctx) the memo keeps. */
#define RV_MEMO_KEY 160

uint32_t rv_memo_hash(const struct rv_request_key *k);
/* 1 and *r filled when the memo holds exactly k's bytes, else 0. */
int rv_memo_get(struct rv_table *t, const struct rv_request_key *k, uint32_t h,
                struct rv_resolved *r);
void rv_memo_put(struct rv_table *t, const struct rv_request_key *k, uint32_t h,
                 const struct rv_resolved *r);

/* The bit index of perm in g->perms, added if new; 63 (RV_MORE_BIT) for
 * a permission past the 63rd, added to more_perms. */
int rv_group_perm(struct rv_table *t, struct rv_group *g, const char *p,
                  size_t n);
/* Index of the context pair, added if new (the last when full). */
int rv_group_ctx(struct rv_table *t, struct rv_group *g, const char *scon,
                 size_t sclen, const char *tcon, size_t tclen);
/* Count one request with these permission bits. */
void rv_group_request(struct rv_group *g, int ctx, uint64_t bits, double when);
/* Add an example value unless already there. */
void rv_examples_add(struct rv_table *t, struct rv_examples *ex, const char *p,
                     size_t n);
void rv_group_port(struct rv_group *g, int port);
/* The group asked for perm (one of its merged permissions). */
int rv_group_has_perm(const struct rv_group *g, const char *perm);

/*
 * Add src's groups to t (a log read in pieces by several threads, each
 * with its own table, merged in the order of the pieces): counts add up,
 * times widen, examples and permission sets are added in src's order.
 */
void rv_table_merge(struct rv_table *t, const struct rv_table *src);

/* All groups in order of first appearance; the array is the table's. */
struct rv_group **rv_table_groups(struct rv_table *t, size_t *count);

/* The type field of a context "user:role:type[:level]". */
int rv_context_type(const char *con, size_t n, const char **type, size_t *tlen);

#endif
