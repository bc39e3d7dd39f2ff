/*
 * label_changed - trees whose labels the difference between two sets of
 * file contexts can change; see label_changed.h.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "label_changed.h"
#include "label_memo.h"
#include "xalloc.h"

/* Is spec s of a also in b (same regex, file type and context)? */
static int
has_spec(const struct label_fc *b, const struct label_fc_spec *s)
{
	size_t i;

	for (i = 0; i < b->nspecs; i++)
		if (b->specs[i].mode == s->mode &&
		    strcmp(b->specs[i].regex, s->regex) == 0 &&
		    strcmp(b->specs[i].context, s->context) == 0)
			return 1;
	return 0;
}

static int
has_sub(const struct label_fc *b, const struct label_fc_sub *s)
{
	size_t i;

	for (i = 0; i < b->nsubs; i++)
		if (strcmp(b->subs[i].src, s->src) == 0 &&
		    strcmp(b->subs[i].dst, s->dst) == 0)
			return 1;
	return 0;
}

static void
add(char ***paths, size_t *n, char *p)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*paths)[i], p) == 0) {
			free(p);
			return;
		}
	*paths = xreallocarray(*paths, *n + 1, sizeof(char *));
	(*paths)[(*n)++] = p;
}

/*
 * Every existing entry whose path starts with prefix: the directory part
 * of the prefix, then the names in it that start with the rest.
 */
static void
add_prefix(const char *root, const char *prefix, char ***paths, size_t *n)
{
	const char *slash = strrchr(prefix, '/');
	char *dir, *full;
	const char *rest;
	struct dirent *de;
	struct stat st;
	DIR *dp;

	if (slash == NULL) {
		/* No leading '/': it could match anything; walk it all. */
		add(paths, n, xstrdup(*root ? root : "/"));
		return;
	}
	dir = xasprintf("%s%.*s", root, (int)(slash - prefix), prefix);
	rest = slash + 1;
	if (*rest == '\0') {
		if (lstat(*dir ? dir : "/", &st) == 0)
			add(paths, n, xstrdup(*dir ? dir : "/"));
		free(dir);
		return;
	}
	if ((dp = opendir(*dir ? dir : "/")) == NULL) {
		free(dir);
		return; /* nothing there, nothing to relabel */
	}
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0 ||
		    strncmp(de->d_name, rest, strlen(rest)) != 0)
			continue;
		full = xasprintf("%s/%s", dir, de->d_name);
		add(paths, n, full);
	}
	closedir(dp);
	free(dir);
}

/* Specs of a that b lacks: their prefixes' trees. */
static void
one_way(const struct label_fc *a, const struct label_fc *b, const char *root,
        char ***paths, size_t *n)
{
	size_t i;

	for (i = 0; i < a->nspecs; i++) {
		char *prefix;

		if (has_spec(b, &a->specs[i]))
			continue;
		prefix = label_memo_prefix(a->specs[i].regex);
		add_prefix(root, prefix, paths, n);
		free(prefix);
	}
	for (i = 0; i < a->nsubs; i++) {
		if (has_sub(b, &a->subs[i]))
			continue;
		add_prefix(root, a->subs[i].src, paths, n);
		add_prefix(root, a->subs[i].dst, paths, n);
	}
}

/* Drop paths inside others: walking the outer one covers them. */
static void
drop_nested(char **paths, size_t *n)
{
	char *inside = xcalloc(*n ? *n : 1, 1);
	size_t i, j, k = 0;

	/* Decide first, free after: every comparison needs every path. */
	for (i = 0; i < *n; i++)
		for (j = 0; j < *n && !inside[i]; j++) {
			size_t l = strlen(paths[j]);

			inside[i] =
			    j != i && strncmp(paths[i], paths[j], l) == 0 &&
			    (paths[i][l] == '/' || strcmp(paths[j], "/") == 0);
		}
	for (i = 0; i < *n; i++) {
		if (inside[i])
			free(paths[i]);
		else
			paths[k++] = paths[i];
	}
	free(inside);
	*n = k;
}

size_t
label_changed_trees(const struct label_fc *before, const struct label_fc *after,
                    const char *root, char ***paths, size_t *npaths)
{
	char **found = NULL;
	size_t n = 0, i;

	one_way(before, after, root, &found, &n);
	one_way(after, before, root, &found, &n);
	drop_nested(found, &n);
	for (i = 0; i < n; i++) {
		*paths = xreallocarray(*paths, *npaths + 1, sizeof(char *));
		(*paths)[(*npaths)++] = found[i];
	}
	free(found);
	return n;
}
