/*
 * review_fc - a file-contexts handle reduced to the entries that can
 * match some paths; see review_fc.h.  Called by review_diag.c.
 *
 * The reduced file is written to a private temporary directory with
 * symbolic links to the .subs files (so aliases like /var/run -> /run
 * still apply), opened with selabel_open(), and removed at once.
 */
#include "review_fc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "msg.h"
#include "strbuf.h"
#include "xalloc.h"

#define KEY_MAX 4096

size_t
rv_fc_literal_prefix(const char *re, size_t n, char *out, size_t cap)
{
	size_t i, o = 0;

	if (cap == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (re[i] == '|' && (i == 0 || re[i - 1] != '\\')) {
			out[0] = '\0'; /* alternation: anything may match */
			return 0;
		}
	/* A switch, not strchr: this runs for every character of every
	 * file_contexts entry, and two strchr calls each were 7% of a
	 * 100k-AVC review's diagnosis. */
	for (i = 0; i < n && o + 1 < cap; i++) {
		char c = re[i];

		switch (c) {
		case '\\':
			if (i + 1 < n) {
				out[o++] = re[++i];
				continue;
			}
			break;
		case '?':
		case '*':
		case '{':
		case '\0': /* as strchr() matched it, the set's own end */
			if (o > 0)
				o--; /* the last character is optional */
			out[o] = '\0';
			return o;
		case '.':
		case '^':
		case '$':
		case '+':
		case '[':
		case '(':
		case '|':
		case ')':
		case ']':
			out[o] = '\0';
			return o;
		}
		out[o++] = c;
	}
	out[o] = '\0';
	return o;
}

static char *
slurp(const char *path, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	ssize_t r;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	while ((r = read(fd, buf, sizeof(buf))) > 0 ||
	       (r < 0 && errno == EINTR))
		if (r > 0)
			strbuf_addmem(&sb, buf, (size_t)r);
	close(fd);
	*len = sb.len;
	return strbuf_detach(&sb);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is prefix a prefix of some key?  keys sorted. */
static int
some_key_starts(char **keys, size_t n, const char *prefix, size_t plen)
{
	size_t lo = 0, hi = n;

	/* lower bound of prefix */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(keys[mid], prefix) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strncmp(keys[lo], prefix, plen) == 0;
}

/* Apply the aliases of a .subs file ("alias original" lines) to path. */
static void
add_subs(const char *subs_file, char ***keys, size_t *n)
{
	size_t len, i, k0 = *n;
	char *text = slurp(subs_file, &len), *line, *save = NULL;

	if (text == NULL)
		return;
	for (line = strtok_r(text, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		char alias[KEY_MAX], orig[KEY_MAX];
		size_t al;

		if (line[0] != '/' ||
		    sscanf(line, "%4095s %4095s", alias, orig) != 2)
			continue;
		al = strlen(alias);
		for (i = 0; i < k0; i++) {
			const char *p = (*keys)[i];

			if (strncmp(p, alias, al) != 0 ||
			    (p[al] != '/' && p[al] != '\0'))
				continue;
			*keys = xreallocarray(*keys, *n + 1, sizeof(**keys));
			(*keys)[(*n)++] = xasprintf("%s%s", orig, p + al);
		}
	}
	free(text);
}

/* Copy the lines of file that can match a key into out. */
static void
filter_file(const char *file, char **keys, size_t n, struct strbuf *out)
{
	size_t len;
	char *text = slurp(file, &len), *p, *end, *nl;

	if (text == NULL)
		return;
	for (p = text, end = text + len; p < end; p = nl + 1) {
		char prefix[KEY_MAX];
		size_t rl = 0, pl;

		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		while (p < nl && (*p == ' ' || *p == '\t'))
			p++;
		if (p == nl || *p == '#')
			continue;
		while (p + rl < nl && p[rl] != ' ' && p[rl] != '\t')
			rl++;
		pl = rv_fc_literal_prefix(p, rl, prefix, sizeof(prefix));
		if (some_key_starts(keys, n, prefix, pl)) {
			strbuf_addmem(out, p, (size_t)(nl - p));
			strbuf_addc(out, '\n');
		}
	}
	free(text);
}

static int
write_file(const char *path, const struct strbuf *sb)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	size_t off = 0;

	if (fd < 0)
		return -1;
	while (off < sb->len) {
		ssize_t w = write(fd, sb->data + off, sb->len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)w;
	}
	return close(fd);
}

struct selabel_handle *
rv_fc_open(const char *fc, const char *const *paths, size_t npaths)
{
	static const char *const sfx[] = {".subs", ".subs_dist"};
	struct strbuf sb = STRBUF_INIT;
	struct selinux_opt opt = {SELABEL_OPT_PATH, NULL};
	struct selabel_handle *h = NULL;
	const char *tmp = getenv("TMPDIR");
	char **keys = NULL, *dir, *file, *other;
	size_t nkeys = 0, i;

	for (i = 0; i < npaths; i++) {
		keys = xreallocarray(keys, nkeys + 1, sizeof(*keys));
		keys[nkeys++] = xstrdup(paths[i]);
	}
	for (i = 0; i < 2; i++) {
		other = xasprintf("%s%s", fc, sfx[i]);
		add_subs(other, &keys, &nkeys);
		free(other);
	}
	qsort(keys, nkeys, sizeof(*keys), cmp_str);
	filter_file(fc, keys, nkeys, &sb);
	other = xasprintf("%s.homedirs", fc);
	filter_file(other, keys, nkeys, &sb);
	free(other);
	other = xasprintf("%s.local", fc);
	filter_file(other, keys, nkeys, &sb);
	free(other);
	for (i = 0; i < nkeys; i++)
		free(keys[i]);
	free(keys);

	dir = xasprintf("%s/pfsel-fc.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		warn("mkdtemp %s", dir);
		free(dir);
		strbuf_free(&sb);
		return NULL;
	}
	file = xasprintf("%s/file_contexts", dir);
	if (write_file(file, &sb) == 0) {
		for (i = 0; i < 2; i++) {
			char *target = xasprintf("%s%s", fc, sfx[i]);
			char *link = xasprintf("%s%s", file, sfx[i]);

			if (access(target, R_OK) == 0 &&
			    symlink(target, link) < 0)
				warn("symlink %s", link);
			free(target);
			free(link);
		}
		opt.value = file;
		h = selabel_open(SELABEL_CTX_FILE, &opt, 1);
	}
	for (i = 0; i < 2; i++) {
		char *link = xasprintf("%s%s", file, sfx[i]);

		unlink(link);
		free(link);
	}
	unlink(file);
	rmdir(dir);
	free(file);
	free(dir);
	strbuf_free(&sb);
	return h;
}
