/*
 * status - list what pfsel-gen installed in a root; see verify.h.
 *
 * Read only: no transaction, no lock, nothing settled.  An intent left
 * by an interrupted run is shown as pending (verify settles it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "install_store.h"
#include "manifest.h"
#include "quote.h"
#include "selroot.h"
#include "statedir.h"
#include "verify.h"
#include "xalloc.h"

static void
text_module(struct strbuf *sb, const struct manifest *m,
            const struct store_module *sm, int pending)
{
	size_t i;

	strbuf_addf(sb, "%s: ", m->module);
	if (sm->priority == 0)
		strbuf_adds(sb, "not in the store");
	else
		strbuf_addf(sb, "priority %d%s", sm->priority,
		            sm->enabled ? "" : ", disabled");
	if (pending)
		strbuf_adds(sb, ", interrupted run pending (verify settles it)");
	strbuf_adds(sb, "\n  spec ");
	if (m->spec)
		quote_text(sb, m->spec);
	else
		strbuf_adds(sb, "(none recorded)");
	strbuf_adds(sb, "\n");
	for (i = 0; i < m->nports; i++) {
		const struct manifest_port *p = &m->ports[i];

		strbuf_addf(sb, "  port %s/%d-%d %s", p->proto, p->low, p->high,
		            p->type);
		if (p->old_type)
			strbuf_addf(sb, " (was %s)\n", p->old_type);
		else
			strbuf_adds(sb, " (added)\n");
	}
	for (i = 0; i < m->ntrees; i++) {
		strbuf_adds(sb, "  tree ");
		quote_text(sb, m->trees[i]);
		strbuf_adds(sb, "\n");
	}
}

static void
json_module(struct strbuf *sb, const struct manifest *m,
            const struct store_module *sm, int pending)
{
	size_t i;

	strbuf_adds(sb, "{\"name\":");
	quote_json(sb, m->module);
	strbuf_addf(sb, ",\"installed\":%s,\"priority\":%d,\"enabled\":%s,"
	                "\"pending\":%s,\"spec\":",
	            sm->priority ? "true" : "false", sm->priority,
	            sm->enabled ? "true" : "false", pending ? "true" : "false");
	quote_json(sb, m->spec);
	strbuf_adds(sb, ",\"ports\":[");
	for (i = 0; i < m->nports; i++) {
		const struct manifest_port *p = &m->ports[i];

		strbuf_addf(sb,
		            "%s{\"proto\":\"%s\",\"low\":%d,\"high\":%d,"
		            "\"type\":",
		            i ? "," : "", p->proto, p->low, p->high);
		quote_json(sb, p->type);
		strbuf_adds(sb, ",\"old_type\":");
		quote_json(sb, p->old_type);
		strbuf_adds(sb, "}");
	}
	strbuf_adds(sb, "],\"trees\":[");
	for (i = 0; i < m->ntrees; i++) {
		if (i)
			strbuf_adds(sb, ",");
		quote_json(sb, m->trees[i]);
	}
	strbuf_adds(sb, "]}");
}

/* An intent file for module waits to be settled. */
static int
pending(char **intents, size_t n, const char *module)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(intents[i], module) == 0)
			return 1;
	return 0;
}

static int
report(const struct verify_opts *o, struct store *st,
       const struct manifest *list, size_t n, char **intents, size_t nint,
       struct why *why)
{
	struct strbuf sb = STRBUF_INIT;
	struct store_module sm;
	size_t i, shown = 0;

	if (o->json)
		strbuf_adds(&sb, "{\"modules\":[");
	for (i = 0; i < n; i++) {
		int p = pending(intents, nint, list[i].module);

		if (o->module && strcmp(o->module, list[i].module) != 0)
			continue;
		if (store_module_lookup(st, list[i].module, &sm, why) < 0) {
			strbuf_free(&sb);
			return -1;
		}
		if (o->json) {
			if (shown)
				strbuf_adds(&sb, ",");
			json_module(&sb, &list[i], &sm, p);
		} else {
			text_module(&sb, &list[i], &sm, p);
		}
		shown++;
	}
	if (o->json)
		strbuf_adds(&sb, "]}\n");
	else if (shown == 0 && o->module == NULL)
		strbuf_adds(&sb, "no modules installed by pfsel-gen\n");
	fputs(strbuf_str(&sb), stdout);
	strbuf_free(&sb);
	return o->module && shown == 0 ? 1 : 0;
}

int
status_run(const struct verify_opts *o, struct why *why)
{
	struct statedir sd = {-1, NULL};
	struct manifest *list = NULL;
	char **intents = NULL;
	struct store *st = NULL;
	struct selroot sr;
	size_t n = 0, nint = 0, i;
	int rc = -1, have;

	if (selroot_open(&sr, o->root, why) < 0)
		return -1;
	if ((have = statedir_open(&sd, sr.root, 0, why)) < 0)
		goto out;
	if (have && (manifest_load_others(&sd, "", &list, &n, why) < 0 ||
	             statedir_list(&sd, INTENT_SUFFIX, &intents, &nint, why) <
	                 0))
		goto out;
	if ((st = store_read(sr.root, why)) == NULL)
		goto out;
	rc = report(o, st, list, n, intents, nint, why);
out:
	if (st)
		store_abort(st);
	for (i = 0; i < nint; i++)
		free(intents[i]);
	free(intents);
	manifest_list_free(list, n);
	statedir_close(&sd);
	selroot_free(&sr);
	return rc;
}
