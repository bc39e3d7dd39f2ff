/*
 * devel_headers - index the names the devel headers define; see
 * devel_headers.h.
 *
 * A definition is a line that starts, after blanks, with
 * interface(`NAME' or template(`NAME' (*.if) or define(`NAME' (*.spt):
 * the form every refpolicy and Red Hat header uses.  Names are kept
 * sorted for bsearch.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devel_headers.h"
#include "strbuf.h"
#include "xalloc.h"

struct devel_headers {
	char **names;
	size_t count, alloc;
};

static const char *const definers[] = {"interface(`", "template(`", "define(`"};

static void
add_name(struct devel_headers *h, const char *name, size_t len)
{
	if (h->count == h->alloc) {
		h->alloc = h->alloc ? 2 * h->alloc : 1024;
		h->names = xreallocarray(h->names, h->alloc, sizeof(char *));
	}
	h->names[h->count++] = xstrndup(name, len);
}

static void
index_line(struct devel_headers *h, const char *line)
{
	size_t i, n;

	line += strspn(line, " \t");
	for (i = 0; i < sizeof(definers) / sizeof(*definers); i++) {
		size_t d = strlen(definers[i]);

		if (strncmp(line, definers[i], d) != 0)
			continue;
		n = strspn(line + d, "abcdefghijklmnopqrstuvwxyz"
		                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
		if (n > 0 && line[d + n] == '\'')
			add_name(h, line + d, n);
		return;
	}
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void
index_file(struct devel_headers *h, const char *path)
{
	char line[4096];
	FILE *fp;

	if ((fp = fopen(path, "re")) == NULL)
		return;
	while (fgets(line, sizeof(line), fp))
		index_line(h, line);
	fclose(fp);
}

/* The headers are a shallow tree (include/ and a directory per layer). */
static void
index_dir(struct devel_headers *h, const char *dir, int depth)
{
	struct dirent *de;
	DIR *dp;

	if (depth > 4 || (dp = opendir(dir)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL) {
		char *path;

		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		/* opendir fails on what is no directory (DT_UNKNOWN). */
		if (de->d_type == DT_DIR || de->d_type == DT_UNKNOWN)
			index_dir(h, path, depth + 1);
		if (de->d_type != DT_DIR && (ends_with(de->d_name, ".if") ||
		                             ends_with(de->d_name, ".spt")))
			index_file(h, path);
		free(path);
	}
	closedir(dp);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct devel_headers *
devel_headers_open(const char *devel_dir, struct why *why)
{
	struct devel_headers *h = xcalloc(1, sizeof(*h));
	char *include = xasprintf("%s/include", devel_dir);

	index_dir(h, include, 0);
	if (h->count == 0) {
		why_set(why,
		        "%s: no interface definitions (is the "
		        "selinux-policy devel package installed?)",
		        include);
		free(include);
		devel_headers_close(h);
		return NULL;
	}
	free(include);
	qsort(h->names, h->count, sizeof(char *), compare_names);
	return h;
}

void
devel_headers_close(struct devel_headers *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < h->count; i++)
		free(h->names[i]);
	free(h->names);
	free(h);
}

int
devel_headers_defines(const struct devel_headers *h, const char *name)
{
	return bsearch(&name, h->names, h->count, sizeof(char *),
	               compare_names) != NULL;
}
