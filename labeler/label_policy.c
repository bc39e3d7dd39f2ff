/*
 * label_policy - context validation and restorecon's relabel rule; see
 * label_policy.h.
 *
 * Checks come from the walk's threads and share one libsepol handle,
 * so they are serialized by a mutex; a small cache makes that cheap,
 * since a tree has few distinct contexts.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "label_policy.h"
#include "sepolicy.h"
#include "xalloc.h"

static pthread_mutex_t check_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sepolicy *policy;
static int policy_owned; /* loaded here, not lent by label_policy_use */

/* Contexts already checked, with their answer; a linear list suffices. */
struct checked {
	char *ctx;
	int valid;
};
static struct checked *checked;
static size_t nchecked;

static char **custom;
static size_t ncustom;

static void
drop_policy(void)
{
	if (policy_owned)
		sepolicy_free(policy);
	policy = NULL;
	policy_owned = 0;
}

int
label_policy_load(const char *binary_policy, struct why *why)
{
	drop_policy();
	policy = sepolicy_load(binary_policy, why);
	policy_owned = 1;
	return policy != NULL ? 0 : -1;
}

void
label_policy_use(struct sepolicy *sp)
{
	drop_policy();
	policy = sp;
}

void
label_policy_unload(void)
{
	size_t i;

	drop_policy();
	for (i = 0; i < nchecked; i++)
		free(checked[i].ctx);
	free(checked);
	checked = NULL;
	nchecked = 0;
	for (i = 0; i < ncustom; i++)
		free(custom[i]);
	free(custom);
	custom = NULL;
	ncustom = 0;
}

int
label_policy_check(const char *ctx)
{
	int valid = -1;
	size_t i;

	pthread_mutex_lock(&check_lock);
	for (i = 0; i < nchecked; i++)
		if (strcmp(checked[i].ctx, ctx) == 0) {
			valid = checked[i].valid;
			break;
		}
	if (valid < 0) {
		/* Without a policy nothing can be called valid. */
		valid = policy != NULL && sepolicy_context_valid(policy, ctx);
		checked =
		    xreallocarray(checked, nchecked + 1, sizeof(*checked));
		checked[nchecked].ctx = xstrdup(ctx);
		checked[nchecked++].valid = valid;
	}
	pthread_mutex_unlock(&check_lock);
	return valid ? 0 : -1;
}

int
label_policy_check_fc(const struct label_fc *fc, struct why *why)
{
	size_t i;

	for (i = 0; i < fc->nspecs; i++) {
		const struct label_fc_spec *s = &fc->specs[i];

		if (strcmp(s->context, "<<none>>") == 0)
			continue;
		if (label_policy_check(s->context) < 0)
			return why_at(why, s->file, s->line,
			              "invalid context \"%s\" for %s",
			              s->context, s->regex);
	}
	return 0;
}

int
label_customizable_load(const char *policy_dir, struct why *why)
{
	char *path = xasprintf("%s/contexts/customizable_types", policy_dir);
	FILE *fp = fopen(path, "re");
	char line[256];

	if (fp == NULL) {
		/* No file means no customizable types, as for libselinux. */
		free(path);
		return 0;
	}
	while (fgets(line, sizeof(line), fp)) {
		char *p = line + strspn(line, " \t");

		p[strcspn(p, " \t\r\n")] = '\0';
		if (*p == '\0' || *p == '#')
			continue;
		custom = xreallocarray(custom, ncustom + 1, sizeof(char *));
		custom[ncustom++] = xstrdup(p);
	}
	if (ferror(fp)) {
		why_errno(why, "%s", path);
		fclose(fp);
		free(path);
		return -1;
	}
	fclose(fp);
	free(path);
	return 0;
}

int
label_ctx_type(const char *ctx, const char **type, size_t *len)
{
	const char *c1 = strchr(ctx, ':'), *c2, *c3;

	if (c1 == NULL || (c2 = strchr(c1 + 1, ':')) == NULL)
		return -1;
	c3 = strchr(c2 + 1, ':');
	*type = c2 + 1;
	*len = c3 ? (size_t)(c3 - *type) : strlen(*type);
	return *len > 0 && c1 > ctx && c2 > c1 + 1 ? 0 : -1;
}

int
label_customizable(const char *ctx)
{
	const char *type;
	size_t len, i;

	if (label_ctx_type(ctx, &type, &len) < 0)
		return 0;
	for (i = 0; i < ncustom; i++)
		if (strlen(custom[i]) == len &&
		    memcmp(custom[i], type, len) == 0)
			return 1;
	return 0;
}

int
label_ctx_target(const char *cur, const char *spec, int force, char **target)
{
	const char *ctype, *stype;
	size_t clen, slen;

	*target = NULL;
	if (cur != NULL && strcmp(cur, spec) == 0)
		return 0;
	if (cur != NULL && !force && label_customizable(cur))
		return 2;
	/*
	 * An unparsable current label cannot lend its user, role and range;
	 * the whole context of the spec is the only sensible target.
	 */
	if (cur == NULL || force || label_ctx_type(cur, &ctype, &clen) < 0 ||
	    label_ctx_type(spec, &stype, &slen) < 0) {
		*target = xstrdup(spec);
		return 1;
	}
	if (clen == slen && memcmp(ctype, stype, clen) == 0)
		return 0;
	/* cur's "user:role:" + spec's type + cur's ":range" (if any). */
	*target = xasprintf("%.*s%.*s%s", (int)(ctype - cur), cur, (int)slen,
	                    stype, ctype + clen);
	return 1;
}
