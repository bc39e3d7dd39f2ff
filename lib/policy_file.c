/*
 * policy_file - read pfsel's policy/ data files; see policy_file.h.
 */
#include "policy_file.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "msg.h"
#include "policy_text.h"
#include "strbuf.h"
#include "xalloc.h"

char *
policy_file_read(const char *name, struct why *why)
{
	char *path = xasprintf("%s/policy/%s", pfsel_datadir(), name);
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "re")) == NULL) {
		why_errno(why, "cannot open %s (pfsel's policy/; PFSEL_DATADIR overrides)",
		          path);
		free(path);
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_addmem(&sb, buf, n);
	fclose(fp);
	free(path);
	return strbuf_detach(&sb);
}

/*
 * Whether the pattern w (n bytes, not terminated) names value: equal,
 * or "X*" a prefix, "*X" a suffix, "*X*" a part of it.
 */
static int
word_matches(const char *w, size_t n, const char *value)
{
	size_t vn = strlen(value);
	int head = w[0] == '*', tail = n > 1 && w[n - 1] == '*';
	size_t xn = n - (size_t)head - (size_t)tail;
	const char *x = w + head, *p;

	if (head && tail) {
		for (p = value; p + xn <= value + vn; p++)
			if (strncmp(p, x, xn) == 0)
				return 1;
		return 0;
	}
	if (tail)
		return strncmp(value, x, xn) == 0;
	if (head)
		return vn >= xn && strncmp(value + vn - xn, x, xn) == 0;
	return vn == n && strncmp(w, value, n) == 0;
}

/* The VALUE of the first "KIND VALUE ..." line naming value, or NULL. */
static const char *
listed(const char *text, const char *kind, const char *value)
{
	size_t kn = kind != NULL ? strlen(kind) : 0, vn;
	const char *line, *next, *v;

	for (line = text; *line; line = next) {
		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (kind != NULL && (strncmp(line, kind, kn) != 0 ||
		                     (line[kn] != ' ' && line[kn] != '\t')))
			continue;
		v = line + kn + strspn(line + kn, " \t");
		vn = strcspn(v, " \t\n");
		if (vn > 0 && word_matches(v, vn, value))
			return v;
	}
	return NULL;
}

int
policy_file_lists(const char *text, const char *kind, const char *value)
{
	return listed(text, kind, value) != NULL;
}

/* The files policy_file_has() has read; there are a handful. */
#define POLICY_FILES_MAX 16
static struct {
	const char *name;
	char *text;
} cache[POLICY_FILES_MAX];
static size_t ncache;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *
cached(const char *name)
{
	struct why why;
	const char *text = NULL;
	size_t i;

	pthread_mutex_lock(&cache_lock);
	for (i = 0; i < ncache && text == NULL; i++)
		if (strcmp(cache[i].name, name) == 0)
			text = cache[i].text;
	if (text == NULL) {
		if (ncache == POLICY_FILES_MAX)
			fatalx("policy_file_has: more than %d files",
			       POLICY_FILES_MAX);
		if ((cache[ncache].text = policy_file_read(name, &why)) == NULL)
			fatalx("%s", why.text);
		cache[ncache].name = name;
		text = cache[ncache++].text;
	}
	pthread_mutex_unlock(&cache_lock);
	return text;
}

int
policy_file_has(const char *name, const char *kind, const char *value)
{
	return policy_file_lists(cached(name), kind, value);
}

char *
policy_file_field(const char *name, const char *kind, const char *value, int n)
{
	const char *v = listed(cached(name), kind, value);

	while (v != NULL && n-- > 0) {
		v += strcspn(v, " \t\n");
		v += strspn(v, " \t");
		if (*v == '\n' || *v == '\0')
			v = NULL;
	}
	return v != NULL ? xstrndup(v, strcspn(v, " \t\n")) : NULL;
}

/*
 * The names policy_type() and policy_daemon_domain() have looked up,
 * kept for the life of the process so that callers use them as the
 * string constants they replace.  There are a dozen or so.
 */
struct named {
	struct named *next;
	const char *file;
	char *key, *name;
};
static struct named *named;
static pthread_mutex_t named_lock = PTHREAD_MUTEX_INITIALIZER;

/*
 * The name (a kind, "type") the line for key (what key is, "role") of
 * the policy/ file gives; fatal if none.
 */
static const char *
named_in(const char *file, const char *what, const char *key, const char *kind)
{
	struct named *n;
	struct why why;
	char *name;

	/* Taken before cache_lock (in cached()), never after it. */
	pthread_mutex_lock(&named_lock);
	for (n = named; n != NULL; n = n->next)
		if (strcmp(n->file, file) == 0 && strcmp(n->key, key) == 0)
			break;
	if (n == NULL) {
		if ((name = policy_file_field(file, NULL, key, 1)) == NULL)
			fatalx("%s/policy/%s: no line gives the %s \"%s\" a "
			       "%s (pfsel's policy/ is incomplete)",
			       pfsel_datadir(), file, what, key, kind);
		if (policy_text_check(POLICY_TEXT_WORD, name, &why) < 0)
			fatalx("%s/policy/%s: the %s of the %s \"%s\": %s",
			       pfsel_datadir(), file, kind, what, key,
			       why.text);
		n = xmalloc(sizeof(*n));
		n->file = file;
		n->key = xstrdup(key);
		n->name = name;
		n->next = named;
		named = n;
	}
	pthread_mutex_unlock(&named_lock);
	return n->name;
}

const char *
policy_type(const char *role)
{
	return named_in("named-types", "role", role, "type");
}

const char *
policy_daemon_domain(const char *daemon)
{
	return named_in("postfix-daemons.map", "daemon", daemon, "domain");
}
