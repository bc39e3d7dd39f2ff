/*
 * install_intent - record a store change before its commit, and settle
 * it after a crash; see install_intent.h.  Called by gen/install.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "install_intent.h"
#include "msg.h"
#include "xalloc.h"

static char *
name_of(const char *module, const char *suffix)
{
	return xasprintf("%s%s", module, suffix);
}

void
intent_fill(struct manifest_intent *in, int uninstall, const char *sum_before,
            const char *sum_after, const struct port_set *local,
            const struct port_plan *plan)
{
	size_t i;

	memset(in, 0, sizeof(*in));
	in->uninstall = uninstall;
	in->module_before = xstrdup(sum_before);
	in->module_after = xstrdup(sum_after);
	in->keys = xcalloc(plan->nops ? plan->nops : 1, sizeof(*in->keys));
	for (i = 0; i < plan->nops; i++) {
		const struct port_rec *r = &plan->ops[i].rec;
		const struct port_rec *was =
		    port_set_find(local, r->proto, r->low, r->high);
		struct manifest_key *k = &in->keys[in->nkeys++];

		snprintf(k->proto, sizeof(k->proto), "%s", r->proto);
		k->low = r->low;
		k->high = r->high;
		k->before = was ? xstrdup(was->type) : NULL;
		k->after =
		    plan->ops[i].kind == PORT_OP_SET ? xstrdup(r->type) : NULL;
	}
}

int
intent_record(const struct statedir *sd, const struct manifest *m,
              struct why *why)
{
	char *name = name_of(m->module, INTENT_SUFFIX);
	int rc = manifest_save_at(sd, name, m, why);

	free(name);
	return rc;
}

int
intent_drop(const struct statedir *sd, const char *module, struct why *why)
{
	char *name = name_of(module, INTENT_SUFFIX);
	int rc = statedir_remove(sd, name, why);

	free(name);
	return rc;
}

int
intent_finish(const struct statedir *sd, const struct manifest *m,
              struct why *why)
{
	char *name = name_of(m->module, MANIFEST_SUFFIX);
	struct manifest plain = *m;
	int rc;

	plain.intent = NULL;
	if (m->intent->uninstall)
		rc = statedir_remove(sd, name, why);
	else
		rc = manifest_save_at(sd, name, &plain, why);
	free(name);
	/* Only once the manifest is right: a crash before this point
	 * leaves the intent, and the next run finishes it again. */
	if (rc == 0)
		rc = intent_drop(sd, m->module, why);
	return rc;
}

/* Does the store (module checksum sum, local records) look as in says
 * it does before (after = 0) or after the commit? */
static int
state_matches(const struct manifest_intent *in, int after, const char *sum,
              const struct port_set *local)
{
	size_t i;

	if (strcmp(after ? in->module_after : in->module_before, sum) != 0)
		return 0;
	for (i = 0; i < in->nkeys; i++) {
		const struct manifest_key *k = &in->keys[i];
		const char *want = after ? k->after : k->before;
		const struct port_rec *r =
		    port_set_find(local, k->proto, k->low, k->high);

		if ((want == NULL) != (r == NULL) ||
		    (want && strcmp(want, r->type) != 0))
			return 0;
	}
	return 1;
}

static int
reconcile_one(struct store *st, const struct statedir *sd, const char *module,
              const struct port_set *local, struct why *why)
{
	char *name = name_of(module, INTENT_SUFFIX), *path, *sum = NULL;
	const char *what;
	struct manifest m;
	int rc;

	path = statedir_path(sd, name);
	if ((rc = manifest_load_at(sd, name, 1, &m, why)) <= 0)
		goto out;
	what = m.intent->uninstall ? "uninstall" : "install";
	rc = -1;
	if (strcmp(m.module, module) != 0)
		why_set(why, "%s: records module %s, not %s", path, m.module,
		        module);
	else if (store_module_checksum(st, module, &sum, why) < 0)
		;
	else if (state_matches(m.intent, 1, sum ? sum : "", local)) {
		if ((rc = intent_finish(sd, &m, why)) == 0)
			info("finished the interrupted %s of %s: it reached "
			     "the store, and the manifest now says so",
			     what, module);
	} else if (state_matches(m.intent, 0, sum ? sum : "", local)) {
		if ((rc = intent_drop(sd, module, why)) == 0)
			info("dropped the record of the interrupted %s of %s: "
			     "it never reached the store",
			     what, module);
	} else {
		why_set(why,
		        "%s: the store is neither as it was before the "
		        "interrupted %s of %s nor as it would be after it "
		        "(changed since by another tool?); make it one or the "
		        "other, as this file says, or remove the file",
		        path, what, module);
	}
	manifest_free(&m);
out:
	free(sum);
	free(path);
	free(name);
	return rc < 0 ? -1 : 0;
}

int
intent_reconcile(struct store *st, const struct statedir *sd, struct why *why)
{
	struct port_set local = {0};
	size_t n = 0, i;
	char **names;
	int rc;

	if (statedir_list(sd, INTENT_SUFFIX, &names, &n, why) < 0)
		return -1;
	rc = n > 0 ? store_local_ports(st, &local, why) : 0;
	for (i = 0; rc == 0 && i < n; i++)
		rc = reconcile_one(st, sd, names[i], &local, why);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	port_set_free(&local);
	return rc;
}
