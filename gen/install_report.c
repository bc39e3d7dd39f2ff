/*
 * install_report - print an install or a plan; see install_report.h.
 *
 * Type names come from the store or the policy and module names from
 * the spec, both validated before they get here; file context entries
 * and ROOT are quoted for the terminal or for JSON (lib/quote.h).
 */
#include <stdio.h>
#include <string.h>

#include "install_report.h"
#include "msg.h"
#include "quote.h"
#include "strbuf.h"

static const char *
where(const char *root)
{
	return root && *root ? root : "the running system";
}

static void
json_head(struct strbuf *sb, const char *command, const char *root,
          const char *module, int changed)
{
	strbuf_addf(sb, "{\"command\": \"%s\", \"module\": ", command);
	quote_json(sb, module);
	strbuf_adds(sb, ", \"root\": ");
	quote_json(sb, root && *root ? root : "/");
	strbuf_addf(sb, ", \"changed\": %s", changed ? "true" : "false");
}

static void
json_end(struct strbuf *sb)
{
	strbuf_adds(sb, "}\n");
	fputs(sb->data, stdout);
	strbuf_free(sb);
}

void
report_unchanged(const char *command, const char *root, const char *module,
                 int json)
{
	struct strbuf sb = STRBUF_INIT;

	if (!json) {
		printf("%s unchanged: %s already holds its module, port "
		       "labels and file contexts\n",
		       module, where(root));
		return;
	}
	json_head(&sb, command, root, module, 0);
	strbuf_adds(&sb, ", \"module_change\": \"unchanged\", \"ports\": []");
	json_end(&sb);
}

static const char *
port_change(const struct manifest_key *k)
{
	return k->before == NULL  ? "added"
	       : k->after == NULL ? "removed"
	                          : "modified";
}

static void
json_ports(struct strbuf *sb, const struct manifest_intent *c)
{
	size_t i;

	strbuf_adds(sb, ", \"ports\": [");
	for (i = 0; i < c->nkeys; i++) {
		const struct manifest_key *k = &c->keys[i];

		strbuf_addf(sb,
		            "%s{\"change\": \"%s\", \"proto\": \"%s\", "
		            "\"low\": %d, \"high\": %d, \"before\": ",
		            i ? ", " : "", port_change(k), k->proto, k->low,
		            k->high);
		quote_json(sb, k->before);
		strbuf_adds(sb, ", \"after\": ");
		quote_json(sb, k->after);
		strbuf_adds(sb, "}");
	}
	strbuf_adds(sb, "]");
}

static void
text_ports(const struct manifest_intent *c)
{
	size_t i;

	for (i = 0; i < c->nkeys; i++) {
		const struct manifest_key *k = &c->keys[i];

		printf("  port %s %s/%d-%d: %s -> %s\n", port_change(k),
		       k->proto, k->low, k->high,
		       k->before ? k->before : "none",
		       k->after ? k->after : "none");
	}
}

void
report_install(const char *root, const char *module,
               const struct install_result *res, int json)
{
	struct strbuf sb = STRBUF_INIT;

	if (!json) {
		if (!res->changed)
			printf("%s unchanged: %s already holds its module and "
			       "port labels\n",
			       module, where(root));
		else
			printf("installed %s into %s in one transaction "
			       "(%.2f s): module %s, ports %zu added, %zu "
			       "modified, %zu removed\n",
			       module, where(root), res->seconds,
			       module_change_name(res->module),
			       res->ports_added, res->ports_modified,
			       res->ports_removed);
		text_ports(&res->changes);
		return;
	}
	json_head(&sb, "install", root, module, res->changed);
	strbuf_addf(&sb, ", \"module_change\": \"%s\"",
	            module_change_name(res->module));
	json_ports(&sb, &res->changes);
	strbuf_adds(&sb, ", \"changed_since\": ");
	quote_json(&sb, res->before);
	strbuf_addf(&sb, ", \"seconds\": %.3f", res->seconds);
	json_end(&sb);
}

/* Entries of a that b lacks: the file contexts added (a new, b old,
 * counts im->relabel_added) or removed (a old, b new). */
static void
fc_difference(const struct module_facts *a, const struct module_facts *b,
              const size_t *relabel, const char *sign, struct strbuf *json)
{
	size_t i, n = 0;

	for (i = 0; i < a->nfc; i++) {
		size_t files = relabel ? relabel[i] : 0;

		if (module_facts_has_fc(b, a->fc[i]))
			continue;
		if (json) {
			strbuf_adds(json,
			            n++ ? ", {\"entry\": " : "{\"entry\": ");
			quote_json(json, a->fc[i]);
			strbuf_addf(json, ", \"relabel\": %zu}", files);
		} else {
			printf("  file context %s ", sign);
			quote_fputs(stdout, quote_text, a->fc[i]);
			printf(": %zu existing file%s to relabel\n", files,
			       files == 1 ? "" : "s");
		}
	}
}

void
report_plan(const char *root, const char *module,
            const struct install_result *res, int json)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (!json) {
		printf("%s in %s: %s\n", module, where(root),
		       res->changed ? "would change" : "unchanged");
		printf("  module %s: %zu rules installed, %zu rules new\n",
		       module_change_name(res->module), res->old.nrules,
		       res->new.nrules);
		text_ports(&res->changes);
		fc_difference(&res->new, &res->old, res->impact.relabel_added,
		              "added", NULL);
		fc_difference(&res->old, &res->new, res->impact.relabel_removed,
		              "removed", NULL);
		for (i = 0; i < res->impact.count; i++)
			printf("  would stop the install: %s\n",
			       res->impact.findings[i]);
		for (i = 0; i < res->ports.count; i++)
			printf("  port access: %s\n", res->ports.findings[i]);
		return;
	}
	json_head(&sb, "plan", root, module, res->changed);
	strbuf_addf(&sb,
	            ", \"module_change\": \"%s\", \"rules_installed\": %zu, "
	            "\"rules_new\": %zu",
	            module_change_name(res->module), res->old.nrules,
	            res->new.nrules);
	json_ports(&sb, &res->changes);
	strbuf_adds(&sb, ", \"file_contexts_added\": [");
	fc_difference(&res->new, &res->old, res->impact.relabel_added, "added",
	              &sb);
	strbuf_adds(&sb, "], \"file_contexts_removed\": [");
	fc_difference(&res->old, &res->new, res->impact.relabel_removed,
	              "removed", &sb);
	strbuf_adds(&sb, "], \"impact\": [");
	for (i = 0; i < res->impact.count; i++) {
		strbuf_adds(&sb, i ? ", " : "");
		quote_json(&sb, res->impact.findings[i]);
	}
	strbuf_adds(&sb, "], \"port_access\": [");
	for (i = 0; i < res->ports.count; i++) {
		strbuf_adds(&sb, i ? ", " : "");
		quote_json(&sb, res->ports.findings[i]);
	}
	strbuf_adds(&sb, "]");
	json_end(&sb);
}
