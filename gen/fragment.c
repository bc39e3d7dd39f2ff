/*
 * fragment - policy text templates; see fragment.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fragment.h"
#include "selroot.h"
#include "xalloc.h"

void
fragment_set(struct fragment_vars *v, const char *name, const char *value)
{
	int i;

	for (i = 0; i < v->count; i++)
		if (strcmp(v->names[i], name) == 0) {
			v->values[i] = value;
			return;
		}
	if (v->count == FRAGMENT_MAX_VARS)
		abort(); /* a caller's bug: the limit is a constant */
	v->names[v->count] = name;
	v->values[v->count++] = value;
}

char *
policy_file_read(const char *name, struct why *why)
{
	char *path = xasprintf("%s/policy/%s", pfsel_datadir(), name);
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "re")) == NULL) {
		why_errno(why, "cannot open %s (is PFSEL_DATADIR right?)",
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

static const char *
lookup(const struct fragment_vars *v, const char *name, size_t len)
{
	int i;

	for (i = 0; i < v->count; i++)
		if (strlen(v->names[i]) == len &&
		    strncmp(v->names[i], name, len) == 0)
			return v->values[i];
	return NULL;
}

int
fragment_append(struct strbuf *out, const char *file,
                const struct fragment_vars *v, struct why *why)
{
	char *name = xasprintf("fragments/%s", file);
	char *text = policy_file_read(name, why);
	const char *p, *at, *end, *value;

	free(name);
	if (text == NULL)
		return -1;
	for (p = text; (at = strchr(p, '@')) != NULL; p = end + 1) {
		end = strchr(at + 1, '@');
		if (end == NULL)
			break;
		value = lookup(v, at + 1, (size_t)(end - at - 1));
		if (value == NULL) {
			why_set(why, "policy/fragments/%s: no value for %.*s",
			        file, (int)(end - at + 1), at);
			free(text);
			return -1;
		}
		strbuf_addmem(out, p, (size_t)(at - p));
		strbuf_adds(out, value);
	}
	strbuf_adds(out, p);
	free(text);
	return 0;
}
