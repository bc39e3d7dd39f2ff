/*
 * fragment - policy text templates; see fragment.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fragment.h"
#include "policy_text.h"
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

/*
 * The shape each placeholder's value must have (policy_text.h); every
 * other placeholder holds a single name.  policy/README lists them.
 */
static const struct {
	const char *name;
	enum policy_text_shape shape;
} placeholder_shapes[] = {
    {"ORIGIN", POLICY_TEXT_COMMENT},       {"SPEC", POLICY_TEXT_COMMENT},
    {"PATH", POLICY_TEXT_COMMENT},         {"WHAT", POLICY_TEXT_COMMENT},
    {"PORT", POLICY_TEXT_COMMENT},         {"SEARCH_T", POLICY_TEXT_TYPE_SET},
    {"SEARCH_LIST", POLICY_TEXT_TYPE_SET}, {"PATH_RE", POLICY_TEXT_QUOTED},
    {"BASENAME", POLICY_TEXT_QUOTED},      {"STOCK", POLICY_TEXT_COMMENT},
    {"SUB_RE", POLICY_TEXT_QUOTED},        {"FILE_TYPE", POLICY_TEXT_COMMENT},
};

static enum policy_text_shape
shape_of(const char *name, size_t len)
{
	size_t i;

	for (i = 0;
	     i < sizeof(placeholder_shapes) / sizeof(placeholder_shapes[0]);
	     i++)
		if (strlen(placeholder_shapes[i].name) == len &&
		    strncmp(placeholder_shapes[i].name, name, len) == 0)
			return placeholder_shapes[i].shape;
	return POLICY_TEXT_WORD;
}

/* The last line of defence: a value validation let through is an error
 * here, never policy text. */
static int
check_value(const char *file, const char *name, size_t len, const char *value,
            struct why *why)
{
	struct why inner;

	if (policy_text_check(shape_of(name, len), value, &inner) == 0)
		return 0;
	return why_set(why,
	               "policy/fragments/%s: refusing the value of @%.*s@: %s",
	               file, (int)len, name, inner.text);
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
		if (check_value(file, at + 1, (size_t)(end - at - 1), value,
		                why) < 0) {
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
