/*
 * label_native - the types the file contexts give some trees; see
 * label_native.h.
 */
#include <string.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "label_memo.h"
#include "label_native.h"
#include "xalloc.h"

struct label_native {
	char **types;
	size_t ntypes;
};

char *
label_native_type_of(const char *context)
{
	const char *t = strchr(context, ':'), *end;

	if (t == NULL || (t = strchr(t + 1, ':')) == NULL)
		return NULL;
	t++;
	end = t + strcspn(t, ":");
	return end > t ? xstrndup(t, (size_t)(end - t)) : NULL;
}

static void
add_type(struct label_native *nt, const char *context)
{
	char *t = label_native_type_of(context);
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < nt->ntypes; i++)
		if (strcmp(nt->types[i], t) == 0) {
			free(t);
			return;
		}
	nt->types = xreallocarray(nt->types, nt->ntypes + 1, sizeof(char *));
	nt->types[nt->ntypes++] = t;
}

/* Can the spec's regex match key itself or a path below it? */
static int
reaches(const struct label_fc_spec *s, const char *key)
{
	char *prefix, *anchored, *below;
	size_t plen, klen = strlen(key), n;
	pcre2_code_8 *re;
	pcre2_match_data_8 *md;
	int err, hit = 0;
	PCRE2_SIZE off;

	/* Every path lies below "/": nothing to match. */
	if (strcmp(key, "/") == 0)
		return 1;
	prefix = label_memo_prefix(s->regex);
	plen = strlen(prefix);
	/* Most specs start with a literal that rules them out at once. */
	n = plen < klen ? plen : klen;
	if (strncmp(prefix, key, n) != 0) {
		free(prefix);
		return 0;
	}
	free(prefix);
	/* Exactly what selabel compiles: "^" REGEX "$", DOTALL. */
	anchored = xasprintf("^%s$", s->regex);
	re = pcre2_compile((PCRE2_SPTR8)anchored, PCRE2_ZERO_TERMINATED,
	                   PCRE2_DOTALL, &err, &off, NULL);
	free(anchored);
	if (re == NULL)
		return 0; /* selabel cannot use it either */
	md = pcre2_match_data_create_from_pattern(re, NULL);
	below = xasprintf("%s/", strcmp(key, "/") == 0 ? "" : key);
	hit = pcre2_match(re, (PCRE2_SPTR8)key, klen, 0, 0, md, NULL) >= 0;
	if (!hit) {
		int rc = pcre2_match(re, (PCRE2_SPTR8)below, strlen(below), 0,
		                     PCRE2_PARTIAL_HARD, md, NULL);

		hit = rc >= 0 || rc == PCRE2_ERROR_PARTIAL;
	}
	free(below);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return hit;
}

static void
add_tree(struct label_native *nt, const struct label_fc *fc, const char *key)
{
	size_t i;

	for (i = 0; i < fc->nspecs; i++)
		if (strcmp(fc->specs[i].context, "<<none>>") != 0 &&
		    reaches(&fc->specs[i], key))
			add_type(nt, fc->specs[i].context);
}

/* Does path a lie at or below path b? */
static int
at_or_below(const char *a, const char *b)
{
	size_t n = strlen(b);

	return strncmp(a, b, n) == 0 && (a[n] == '/' || a[n] == '\0');
}

struct label_native *
label_native_new(const struct label_fc *fc, const char *const *keys, size_t n)
{
	struct label_native *nt = xcalloc(1, sizeof(*nt));
	size_t i, j;

	for (i = 0; i < n; i++) {
		const char *key = *keys[i] ? keys[i] : "/";

		add_tree(nt, fc, key);
		/*
		 * selabel looks a path under a .subs source up as the same
		 * path under its destination: the tree (or the part of it
		 * that is aliased) gets the destination's types too.
		 */
		for (j = 0; j < fc->nsubs; j++) {
			const char *src = fc->subs[j].src,
			           *dst = fc->subs[j].dst;
			char *alias;

			if (at_or_below(key, src)) {
				alias =
				    xasprintf("%s%s", dst, key + strlen(src));
				add_tree(nt, fc, alias);
				free(alias);
			} else if (at_or_below(src, key)) {
				add_tree(nt, fc, dst);
			}
		}
	}
	return nt;
}

void
label_native_free(struct label_native *nt)
{
	size_t i;

	if (nt == NULL)
		return;
	for (i = 0; i < nt->ntypes; i++)
		free(nt->types[i]);
	free(nt->types);
	free(nt);
}

int
label_native_has(const struct label_native *nt, const char *context)
{
	char *t = label_native_type_of(context);
	size_t i;
	int found = 0;

	for (i = 0; t != NULL && i < nt->ntypes && !found; i++)
		found = strcmp(nt->types[i], t) == 0;
	free(t);
	return found;
}
