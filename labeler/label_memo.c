/*
 * label_memo - per-directory memo of selabel answers; see label_memo.h.
 *
 * The regular expressions are compiled with PCRE2, the library selabel
 * itself matches with (libselinux.so.1 needs libpcre2-8.so.0), with the
 * flags selabel uses, so that a partial match here means what a full
 * match there would.
 */
#include <stdlib.h>
#include <string.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "label_memo.h"
#include "xalloc.h"

#define MEMO_MAX_CAND  64  /* bits in a signature */
#define MEMO_MAX_CACHE 512 /* distinct answers kept per thread */

struct memo_spec {
	pcre2_code_8 *re; /* NULL: does not compile; selabel fails too */
	char *prefix;     /* literal text every match starts with */
	size_t plen;
};

struct label_memo {
	struct memo_spec *specs;
	size_t nspecs;
	const struct label_fc *fc;
};

/*
 * The literal text any match of regex must begin with: the characters
 * before the first metacharacter, minus the last one when a quantifier
 * makes it optional.  A '|' outside brackets makes the pattern's start
 * ambiguous, so the prefix is empty then.
 */
char *
label_memo_prefix(const char *re)
{
	size_t i, n = strcspn(re, ".^$?*+|[({\\");
	int depth = 0, inclass = 0;

	for (i = 0; re[i]; i++) {
		if (re[i] == '\\' && re[i + 1]) {
			i++;
			continue;
		}
		if (inclass) {
			inclass = re[i] != ']';
			continue;
		}
		if (re[i] == '[')
			inclass = 1;
		else if (re[i] == '(')
			depth++;
		else if (re[i] == ')')
			depth--;
		else if (re[i] == '|' && depth <= 0)
			return xstrdup("");
	}
	if (n > 0 && strchr("?*{", re[n]) && re[n] != '\0')
		n--;
	return xstrndup(re, n);
}

struct label_memo *
label_memo_new(const struct label_fc *fc, int enabled)
{
	struct label_memo *m;
	size_t i;

	if (!enabled)
		return NULL;
	m = xcalloc(1, sizeof(*m));
	m->fc = fc;
	m->nspecs = fc->nspecs;
	m->specs = xcalloc(m->nspecs ? m->nspecs : 1, sizeof(*m->specs));
	for (i = 0; i < fc->nspecs; i++) {
		/* Exactly what selabel compiles: "^" REGEX "$", DOTALL. */
		char *anchored = xasprintf("^%s$", fc->specs[i].regex);
		int err;
		PCRE2_SIZE off;

		m->specs[i].re =
		    pcre2_compile((PCRE2_SPTR8)anchored, PCRE2_ZERO_TERMINATED,
		                  PCRE2_DOTALL, &err, &off, NULL);
		free(anchored);
		m->specs[i].prefix = label_memo_prefix(fc->specs[i].regex);
		m->specs[i].plen = strlen(m->specs[i].prefix);
	}
	return m;
}

void
label_memo_free(struct label_memo *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nspecs; i++) {
		if (m->specs[i].re)
			pcre2_code_free(m->specs[i].re);
		free(m->specs[i].prefix);
	}
	free(m->specs);
	free(m);
}

/* One answer: the specs that matched (global indices) and the type. */
struct memo_answer {
	uint64_t hash;
	mode_t mode;
	uint32_t n;
	uint32_t *idx;
	int found;
	char *context;
};

/* A thread's own: PCRE2 match data and the answers it has seen. */
struct memo_thread {
	pcre2_match_data_8 *md;
	struct memo_answer *answers;
	size_t nanswers;
};

void *
label_memo_thread_data(const struct label_memo *m)
{
	struct memo_thread *t;

	if (m == NULL)
		return NULL;
	t = xcalloc(1, sizeof(*t));
	t->md = pcre2_match_data_create(1, NULL);
	return t;
}

void
label_memo_thread_free(void *td)
{
	struct memo_thread *t = td;
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nanswers; i++) {
		free(t->answers[i].idx);
		free(t->answers[i].context);
	}
	free(t->answers);
	pcre2_match_data_free(t->md);
	free(t);
}

/* Does a path alias of .subs(_dist) apply to dkey or to a child of it? */
static int
subs_near(const struct label_fc *fc, const char *dkey, size_t dlen)
{
	size_t i;

	for (i = 0; i < fc->nsubs; i++) {
		const char *src = fc->subs[i].src;
		size_t slen = strlen(src);

		if (slen <= dlen && strncmp(dkey, src, slen) == 0 &&
		    (dkey[slen] == '/' || dkey[slen] == '\0'))
			return 1; /* an ancestor of D (or D) is aliased */
		if (slen > dlen && strncmp(dkey, src, dlen) == 0 &&
		    src[dlen] == '/')
			return 1; /* something below D is aliased */
	}
	return 0;
}

/* Can spec s match some string that starts with subj? */
static int
may_match(const struct memo_spec *s, void *td, const char *subj, size_t slen)
{
	size_t n = s->plen < slen ? s->plen : slen;
	int rc;

	if (strncmp(s->prefix, subj, n) != 0)
		return 0;
	if (s->re == NULL)
		return 0;
	rc = pcre2_match(s->re, (PCRE2_SPTR8)subj, slen, 0, PCRE2_PARTIAL_HARD,
	                 ((struct memo_thread *)td)->md, NULL);
	return rc >= 0 || rc == PCRE2_ERROR_PARTIAL;
}

void
label_memo_dir_init(const struct label_memo *m, void *td,
                    struct label_memo_dir *md,
                    const struct label_memo_dir *parent, const char *dkey)
{
	size_t dlen = strlen(dkey), i, from;
	char *subj;

	memset(md, 0, sizeof(*md));
	if (m == NULL || subs_near(m->fc, dkey, dlen))
		return;
	/* A parent without a memo has no candidate list to narrow. */
	if (parent && !parent->usable)
		parent = NULL;
	subj = xasprintf("%s/", dkey);
	from = parent ? parent->ncand : m->nspecs;
	for (i = 0; i < from; i++) {
		uint32_t idx = parent ? parent->cand[i] : (uint32_t)i;

		if (!may_match(&m->specs[idx], td, subj, dlen + 1))
			continue;
		if (md->ncand == MEMO_MAX_CAND) {
			/* Too many to fit a signature: no memo here. */
			md->ncand = 0;
			free(subj);
			free(md->cand);
			md->cand = NULL;
			return;
		}
		md->cand =
		    xreallocarray(md->cand, md->ncand + 1, sizeof(*md->cand));
		md->cand[md->ncand++] = idx;
	}
	free(subj);
	md->usable = 1;
}

void
label_memo_dir_free(struct label_memo_dir *md)
{
	free(md->cand);
	memset(md, 0, sizeof(*md));
}

int
label_memo_sig(const struct label_memo *m, void *td,
               const struct label_memo_dir *md, const char *key, size_t keylen,
               uint64_t *sig)
{
	struct memo_thread *t = td;
	size_t i;

	if (m == NULL || !md->usable)
		return -1;
	*sig = 0;
	for (i = 0; i < md->ncand; i++) {
		const struct memo_spec *s = &m->specs[md->cand[i]];

		if (pcre2_match(s->re, (PCRE2_SPTR8)key, keylen, 0, 0, t->md,
		                NULL) >= 0)
			*sig |= (uint64_t)1 << i;
	}
	return 0;
}

/* sig's specs as global indices (at most 64), and their FNV-1a hash. */
static uint32_t
sig_specs(const struct label_memo_dir *md, uint64_t sig, uint32_t *idx,
          uint64_t *hash)
{
	uint32_t n = 0;
	size_t i;

	*hash = 1469598103934665603ULL;
	for (i = 0; i < md->ncand; i++)
		if (sig & ((uint64_t)1 << i)) {
			idx[n++] = md->cand[i];
			*hash = (*hash ^ md->cand[i]) * 1099511628211ULL;
		}
	return n;
}

static struct memo_answer *
find_answer(struct memo_thread *t, uint64_t hash, mode_t mode,
            const uint32_t *idx, uint32_t n)
{
	size_t i;

	for (i = 0; i < t->nanswers; i++) {
		struct memo_answer *a = &t->answers[i];

		if (a->hash == hash && a->mode == mode && a->n == n &&
		    memcmp(a->idx, idx, n * sizeof(*idx)) == 0)
			return a;
	}
	return NULL;
}

int
label_memo_get(void *td, const struct label_memo_dir *md, uint64_t sig,
               mode_t mode, char **context)
{
	uint32_t idx[MEMO_MAX_CAND], n;
	struct memo_answer *a;
	uint64_t hash;

	*context = NULL;
	n = sig_specs(md, sig, idx, &hash);
	if ((a = find_answer(td, hash, mode, idx, n)) == NULL)
		return -1;
	if (a->found)
		*context = xstrdup(a->context);
	return a->found;
}

void
label_memo_put(void *td, const struct label_memo_dir *md, uint64_t sig,
               mode_t mode, int found, const char *context)
{
	struct memo_thread *t = td;
	uint32_t idx[MEMO_MAX_CAND], n;
	struct memo_answer *a;
	uint64_t hash;

	n = sig_specs(md, sig, idx, &hash);
	if (t->nanswers == MEMO_MAX_CACHE || find_answer(t, hash, mode, idx, n))
		return;
	t->answers =
	    xreallocarray(t->answers, t->nanswers + 1, sizeof(*t->answers));
	a = &t->answers[t->nanswers++];
	a->hash = hash;
	a->mode = mode;
	a->n = n;
	a->idx = xmalloc((n ? n : 1) * sizeof(*idx));
	memcpy(a->idx, idx, n * sizeof(*idx));
	a->found = found;
	a->context = context ? xstrdup(context) : NULL;
}
