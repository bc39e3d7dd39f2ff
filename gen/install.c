/*
 * install - install and uninstall a spec's module and port labels in one
 * policy store transaction; see install.h.  Called by gen/cmd_install.c
 * and gen/cmd_uninstall.c.
 *
 * Everything that can be refused is refused before the transaction
 * begins or while it is still a sandbox: the port checks
 * (gen/ports.c), a corrupt manifest, a link or a file of the wrong kind
 * in ROOT/var/lib/pfsel (lib/statedir.h), a module that does not link
 * (the commit fails).  Inside the transaction, before the commit, the
 * change is recorded (gen/install_intent.h); the manifest follows the
 * commit, and an interrupted run is settled by the next one.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fc_snapshot.h"
#include "install.h"
#include "install_impact.h"
#include "install_intent.h"
#include "install_store.h"
#include "manifest.h"
#include "msg.h"
#include "ports.h"
#include "quote.h"
#include "selroot.h"
#include "statedir.h"
#include "strbuf.h"
#include "xalloc.h"

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *
store_name(const struct selroot *sr)
{
	return *sr->root ? sr->root : "the running system";
}

/*
 * The port labels the policy gives, from the store's own kernel policy
 * (ROOT/var/lib/selinux/TYPE/active/policy.kern), not from the copy
 * under ROOT/etc/selinux: libsemanage writes that copy before it
 * commits the store, so after a crash in between it holds port labels
 * the store does not, which would pass for the policy's own.
 */
static int
read_store_policy(const struct selroot *sr, const struct spec *spec,
                  struct port_set *policy, struct why *why)
{
	char *path = xasprintf("%s/active/policy.kern", sr->store_dir);
	int rc = ports_read_policy(path, spec, policy, why);

	free(path);
	return rc;
}

/* NAME.manifest, NAME.intent, NAME.before in ROOT/var/lib/pfsel. */
struct state_names {
	char *manifest;
	char *intent;
	char *before;
};

static void
state_names_init(struct state_names *n, const char *module)
{
	n->manifest = xasprintf("%s%s", module, MANIFEST_SUFFIX);
	n->intent = xasprintf("%s%s", module, INTENT_SUFFIX);
	n->before = xasprintf("%s.before", module);
}

static void
state_names_free(struct state_names *n)
{
	free(n->manifest);
	free(n->intent);
	free(n->before);
}

/*
 * Before anything changes: each of the module's entries in
 * ROOT/var/lib/pfsel is absent or of its kind (never a link), so that
 * nothing fails on them after the commit.  1 when the manifest or an
 * intent exists, 0 when neither does.
 */
static int
check_state_entries(const struct statedir *sd, const struct state_names *n,
                    struct why *why)
{
	int m, i;

	if ((m = statedir_check(sd, n->manifest, S_IFREG, why)) < 0 ||
	    (i = statedir_check(sd, n->intent, S_IFREG, why)) < 0 ||
	    statedir_check(sd, n->before, S_IFDIR, why) < 0)
		return -1;
	return m || i;
}

/* The previous install's manifest, if there is one: 1, 0 none, -1 bad. */
static int
load_previous(const struct statedir *sd, const char *module, struct manifest *m,
              struct why *why)
{
	char *name = xasprintf("%s%s", module, MANIFEST_SUFFIX);
	int rc = manifest_load_at(sd, name, 0, m, why);

	if (rc > 0 && strcmp(m->module, module) != 0) {
		why_set(why, "%s/%s: records module %s, not %s", sd->path, name,
		        m->module, module);
		manifest_free(m);
		rc = -1;
	}
	free(name);
	return rc;
}

/* What the new manifest says; borrows the plan's port records. */
static void
fill_manifest(struct manifest *m, const struct install_input *in,
              const char *checksum, const struct port_plan *plan)
{
	const struct spec *spec = in->spec;
	char real[PATH_MAX];

	memset(m, 0, sizeof(*m));
	m->module = xstrdup(spec->module);
	if (realpath(spec->file, real))
		m->spec = xstrdup(real);
	m->inputs = in->inputs ? xstrdup(in->inputs) : NULL;
	m->checksum = xstrdup(checksum);
	m->ports = plan->records;
	m->nports = plan->nrecords;
	m->trees = spec_trees(spec, &m->ntrees);
}

static void
free_manifest_own(struct manifest *m)
{
	size_t i;

	free(m->module);
	free(m->spec);
	free(m->inputs);
	free(m->checksum);
	for (i = 0; i < m->ntrees; i++)
		free(m->trees[i]);
	free(m->trees);
	memset(m, 0, sizeof(*m));
}

/*
 * What the port plan starts from: the store's local records and the
 * other installed modules' claims on them.  Read with the store open, so
 * that under a transaction the store lock covers them.
 */
static int
read_port_state(struct store *st, const struct statedir *sd, const char *module,
                struct port_set *local, struct port_claims *claims,
                struct why *why)
{
	memset(claims, 0, sizeof(*claims));
	if (store_local_ports(st, local, why) < 0)
		return -1;
	if (manifest_load_others(sd, module, &claims->mods, &claims->count,
	                         why) < 0) {
		port_set_free(local);
		return -1;
	}
	return 0;
}

static void
free_port_state(struct port_set *local, struct port_claims *claims)
{
	port_set_free(local);
	manifest_list_free(claims->mods, claims->count);
}

/* An interrupted run's intent: until a transaction settles it, the
 * manifests may not tell what the store holds. */
static int
intent_pending(const struct statedir *sd, struct why *why)
{
	size_t n = 0, i;
	char **names;

	if (statedir_list(sd, INTENT_SUFFIX, &names, &n, why) < 0)
		return -1;
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return n > 0;
}

/* A plan cannot settle an interrupted run (it writes nothing). */
static int
refuse_pending(const struct statedir *sd, struct why *why)
{
	int rc;

	if (sd == NULL || (rc = intent_pending(sd, why)) == 0)
		return 0;
	if (rc > 0)
		why_set(why,
		        "%s holds the record of an interrupted install or "
		        "uninstall; \"pfsel-gen verify\" settles it",
		        sd->path);
	return -1;
}

/*
 * The staged transaction m describes is recorded (m->intent), then
 * committed, then the record finished.  Each failure says what the
 * store holds; the store and the records agree after every one of them
 * (a crash too: see install_intent.h).
 */
static int
commit_recorded(struct store *st, const struct statedir *sd,
                const struct manifest *m, struct why *why)
{
	struct why ignored, cause;

	if (intent_record(sd, m, &cause) < 0) {
		store_abort(st);
		return why_set(why, "%s; nothing was changed", cause.text);
	}
	if (store_commit(st, why) < 0) {
		if (intent_drop(sd, m->module, &ignored) < 0)
			warnx("%s", ignored.text);
		return -1;
	}
	if (intent_finish(sd, m, &cause) < 0)
		return why_set(why,
		               "the store has the changes to %s, but %s; "
		               "%s/%s%s records them, and the next install, "
		               "uninstall or verify completes the manifest",
		               m->module, cause.text, sd->path, m->module,
		               INTENT_SUFFIX);
	return 0;
}

/* Each finding on stderr; the install stops before its commit. */
static int
impact_refuse(const struct impact *im, struct why *why)
{
	size_t i;

	for (i = 0; i < im->count; i++)
		warnx("%s", im->findings[i]);
	return why_set(why,
	               "%zu path%s would change type in a way the spec did "
	               "not ask for (listed above); nothing was changed",
	               im->count, im->count == 1 ? "" : "s");
}

/* What the changes staged in the transaction amount to. */
static void
tally_changes(struct install_result *res, const char *sum_before,
              const char *sum_after, const struct port_set *local,
              const struct port_plan *plan)
{
	size_t i;

	intent_fill(&res->changes, 0, sum_before ? sum_before : "", sum_after,
	            local, plan);
	res->module = sum_before == NULL                   ? MODULE_NEW
	              : strcmp(sum_before, sum_after) == 0 ? MODULE_UNCHANGED
	                                                   : MODULE_CHANGED;
	for (i = 0; i < res->changes.nkeys; i++) {
		const struct manifest_key *k = &res->changes.keys[i];

		if (k->before == NULL)
			res->ports_added++;
		else if (k->after == NULL)
			res->ports_removed++;
		else
			res->ports_modified++;
	}
	res->changed = res->module != MODULE_UNCHANGED || plan->nops > 0;
}

/*
 * The store is left as it was; only the manifest may be out of date
 * (new inputs that made the same module, or a manifest from before
 * "inputs" records): rewrite it when its text would change.
 */
static int
refresh_manifest(const struct statedir *sd, const struct manifest *prev,
                 int have_prev, const struct manifest *next, struct why *why)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	char *name = xasprintf("%s%s", next->module, MANIFEST_SUFFIX);
	int rc = 0;

	if (!have_prev || manifest_format(prev, &a, why) < 0 ||
	    manifest_format(next, &b, why) < 0 || strcmp(a.data, b.data) != 0)
		rc = manifest_save_at(sd, name, next, why);
	strbuf_free(&a);
	strbuf_free(&b);
	free(name);
	return rc;
}

/*
 * Begin, settle interrupted runs, plan the ports, stage every change,
 * then: nothing to do, abort; a plan, abort; else copy the file contexts
 * aside, record, commit.  *next is the new manifest (borrowing the
 * plan's records; free_manifest_own it).
 */
static int
install_transaction(const struct selroot *sr, const struct statedir *sd,
                    const struct install_input *input, int dry_run,
                    struct port_plan *plan, struct manifest *next,
                    struct install_result *res, struct why *why)
{
	const struct spec *spec = input->spec;
	struct port_claims claims = {0};
	struct port_set local = {0}, policy = {0};
	char *sum_before = NULL, *sum_after = NULL, *cil = NULL;
	struct manifest prev = {0};
	struct store *st;
	int have_prev = 0, rc = -1;

	if ((st = store_begin(sr->root, why)) == NULL)
		return -1;
	/* Read under the store lock: the policy, the local records and
	 * the manifests all as of this transaction.  A plan writes nothing,
	 * so it cannot settle an interrupted run and refuses instead. */
	if ((dry_run ? refuse_pending(sd, why)
	             : intent_reconcile(st, sd, why)) < 0 ||
	    read_store_policy(sr, spec, &policy, why) < 0 ||
	    (sd &&
	     (have_prev = load_previous(sd, spec->module, &prev, why)) < 0) ||
	    read_port_state(st, sd, spec->module, &local, &claims, why) < 0)
		goto abort;
	rc = ports_plan(spec, have_prev ? &prev : NULL, &claims, &policy,
	                &local, plan, why);
	if (rc == 0 && store_module_cil(st, spec->module, &cil, why) < 0)
		rc = -1;
	if (rc == 0) {
		module_facts_from_cil(cil ? cil : "", &res->old);
		rc = module_facts_from_pp(input->pp_path, &res->new, why);
	}
	if (rc == 0)
		rc = impact_check(sr, spec, &res->old, &res->new, &res->impact,
		                  why);
	if (rc == 0 && res->impact.count > 0 && !dry_run)
		rc = impact_refuse(&res->impact, why);
	if (rc == 0)
		rc = impact_ports(sr->root, plan, &res->ports, why);
	/* The module first: a port label may use a type it defines. */
	if (rc == 0 && (rc = store_module_checksum(st, spec->module,
	                                           &sum_before, why)) >= 0)
		rc = store_install_module(st, input->pp_path, why);
	if (rc == 0)
		rc = store_apply_ports(st, plan, why);
	if (rc == 0 &&
	    store_module_checksum(st, spec->module, &sum_after, why) != 1)
		rc = -1;
	if (rc < 0)
		goto abort;
	tally_changes(res, sum_before, sum_after, &local, plan);
	fill_manifest(next, input, sum_after, plan);
	if (dry_run) {
		store_abort(st);
		goto out;
	}
	if (!res->changed) {
		store_abort(st);
		rc = refresh_manifest(sd, &prev, have_prev, next, why);
		goto out;
	}
	if ((res->before = fc_snapshot(sr, sd, spec->module, why)) == NULL)
		goto abort;
	next->intent = &res->changes;
	rc = commit_recorded(st, sd, next, why);
	next->intent = NULL;
	goto out;
abort:
	rc = -1;
	store_abort(st);
out:
	free(cil);
	free(sum_before);
	free(sum_after);
	free_port_state(&local, &claims);
	port_set_free(&policy);
	manifest_free(&prev);
	return rc;
}

static void
print_notes(const struct port_plan *plan)
{
	size_t i;

	for (i = 0; i < plan->nnotes; i++)
		info("%s", plan->notes[i]);
}

/* The port plan against the store as it is now, outside a transaction. */
static int
check_with_store(const struct selroot *sr, const struct statedir *sd,
                 const struct spec *spec, const struct manifest *prev,
                 const struct port_set *policy, struct why *why)
{
	struct port_claims claims;
	struct port_set local;
	struct port_plan plan;
	struct store *st;
	int rc;

	if ((st = store_read(sr->root, why)) == NULL)
		return -1;
	rc = read_port_state(st, sd, spec->module, &local, &claims, why);
	store_abort(st);
	if (rc < 0)
		return -1;
	rc = ports_plan(spec, prev, &claims, policy, &local, &plan, why);
	free_port_state(&local, &claims);
	port_plan_free(&plan);
	return rc;
}

int
install_check(const char *root, const struct spec *spec, struct why *why)
{
	struct port_set policy = {0};
	struct state_names names;
	struct manifest prev = {0};
	struct statedir sd = {-1, NULL};
	struct selroot sr;
	int have_sd, have_prev = 0, pending = 0, rc = -1;

	if (selroot_open(&sr, root, why) < 0)
		return -1;
	state_names_init(&names, spec->module);
	if ((have_sd = statedir_open(&sd, sr.root, 0, why)) < 0 ||
	    (have_sd &&
	     (check_state_entries(&sd, &names, why) < 0 ||
	      (pending = intent_pending(&sd, why)) < 0 ||
	      (have_prev = load_previous(&sd, spec->module, &prev, why)) < 0)))
		goto out;
	if (read_store_policy(&sr, spec, &policy, why) < 0)
		goto out;
	/* With an intent pending the transaction checks, once settled. */
	rc = pending ? 0
	             : check_with_store(&sr, have_sd ? &sd : NULL, spec,
	                                have_prev ? &prev : NULL, &policy, why);
out:
	port_set_free(&policy);
	manifest_free(&prev);
	state_names_free(&names);
	statedir_close(&sd);
	selroot_free(&sr);
	return rc;
}

/* The transaction changed the file contexts: say how to relabel just
 * what changed (pfsel-label compares with the copy taken before).  ROOT
 * is the user's: its words are shell-quoted (quote.h). */
static void
print_relabel_hint(const struct selroot *sr, const char *before)
{
	const char *with_root[] = {"pfsel-label", "apply", "-r", sr->root,
	                           "--changed-since", before, NULL};
	const char *without[] = {"pfsel-label", "apply", "--changed-since",
	                         before, NULL};
	struct strbuf cmd = STRBUF_INIT;

	if (quote_command(&cmd, *sr->root ? with_root : without) < 0)
		info("relabel what changed (a path holds bytes a terminal "
		     "cannot show, written escaped between < >): %s",
		     cmd.data);
	else
		info("relabel what changed: %s", cmd.data);
	strbuf_free(&cmd);
}

int
install_module(const char *root, const struct install_input *input, int dry_run,
               struct install_result *res, struct why *why)
{
	const char *module = input->spec->module;
	struct port_plan plan = {0};
	struct statedir sd = {-1, NULL};
	struct state_names names;
	struct manifest next = {0};
	struct selroot sr;
	int have_sd, rc = -1;
	double t0;
	size_t i;

	memset(res, 0, sizeof(*res));
	if (selroot_open(&sr, root, why) < 0)
		return -1;
	state_names_init(&names, module);
	/* A plan creates nothing, not even ROOT/var/lib/pfsel. */
	if ((have_sd = statedir_open(&sd, sr.root, !dry_run, why)) < 0 ||
	    (have_sd && (statedir_lock(&sd, why) < 0 ||
	                 check_state_entries(&sd, &names, why) < 0)))
		goto out;
	t0 = now_seconds();
	if (install_transaction(&sr, have_sd ? &sd : NULL, input, dry_run,
	                        &plan, &next, res, why) < 0)
		goto out;
	res->seconds = now_seconds() - t0;
	if (!dry_run) {
		print_notes(&plan);
		for (i = 0; i < res->ports.count; i++)
			info("%s", res->ports.findings[i]);
	}
	if (res->before)
		print_relabel_hint(&sr, res->before);
	rc = 0;
out:
	/* On failure nothing of the result is the caller's. */
	if (rc < 0)
		install_result_free(res);
	free_manifest_own(&next);
	port_plan_free(&plan);
	state_names_free(&names);
	statedir_close(&sd);
	selroot_free(&sr);
	return rc;
}

void
install_result_free(struct install_result *res)
{
	manifest_intent_clear(&res->changes);
	module_facts_free(&res->old);
	module_facts_free(&res->new);
	impact_free(&res->impact);
	impact_free(&res->ports);
	free(res->before);
	memset(res, 0, sizeof(*res));
}

const char *
module_change_name(enum module_change c)
{
	return c == MODULE_NEW       ? "new"
	       : c == MODULE_CHANGED ? "changed"
	                             : "unchanged";
}

/* The local record of each manifest port carries its type. */
static int
ports_in_store(const struct manifest *m, const struct port_set *local)
{
	size_t i;

	for (i = 0; i < m->nports; i++) {
		const struct manifest_port *p = &m->ports[i];
		const struct port_rec *r =
		    port_set_find(local, p->proto, p->low, p->high);

		if (r == NULL || strcmp(r->type, p->type) != 0)
			return 0;
	}
	return 1;
}

int
install_unchanged(const char *root, const struct spec *spec, const char *inputs,
                  struct why *why)
{
	struct statedir sd = {-1, NULL};
	struct port_set local = {0};
	struct state_names names;
	struct manifest prev = {0};
	struct store *st = NULL;
	char *sum = NULL;
	struct selroot sr;
	int rc = -1, have;

	if (selroot_open(&sr, root, why) < 0)
		return -1;
	state_names_init(&names, spec->module);
	if ((have = statedir_open(&sd, sr.root, 0, why)) <= 0) {
		rc = have;
		goto out;
	}
	/* Under the lock, as an install would read them. */
	if (statedir_lock(&sd, why) < 0 ||
	    (have = check_state_entries(&sd, &names, why)) < 0 ||
	    (have && (have = intent_pending(&sd, why)) < 0))
		goto out;
	rc = 0;
	if (have || load_previous(&sd, spec->module, &prev, why) != 1 ||
	    prev.inputs == NULL || prev.checksum == NULL ||
	    strcmp(prev.inputs, inputs) != 0)
		goto out; /* an error here is the install's to report */
	if ((st = store_read(sr.root, why)) == NULL ||
	    store_module_checksum(st, spec->module, &sum, why) < 0 ||
	    store_local_ports(st, &local, why) < 0) {
		rc = -1;
		goto out;
	}
	rc = sum && strcmp(sum, prev.checksum) == 0 &&
	     ports_in_store(&prev, &local);
out:
	if (st)
		store_abort(st);
	free(sum);
	port_set_free(&local);
	manifest_free(&prev);
	state_names_free(&names);
	statedir_close(&sd);
	selroot_free(&sr);
	return rc;
}

/* Ports first, then the module that may define their type. */
static int
uninstall_transaction(const struct selroot *sr, const struct statedir *sd,
                      const char *module, struct manifest *m,
                      struct port_plan *plan, struct why *why)
{
	struct manifest_intent in = {0};
	struct port_set local = {0}, none = {0};
	struct port_claims claims = {0};
	char *sum_before = NULL;
	struct store *st;
	int rc, have = 0;

	if ((st = store_begin(sr->root, why)) == NULL)
		return -1;
	if (intent_reconcile(st, sd, why) < 0 ||
	    (rc = load_previous(sd, module, m, why)) < 0)
		goto abort;
	if (rc == 0) {
		why_set(why, "%s was not installed by pfsel-gen (no %s/%s%s)",
		        module, sd->path, module, MANIFEST_SUFFIX);
		goto abort;
	}
	if (read_port_state(st, sd, module, &local, &claims, why) < 0)
		goto abort;
	rc = ports_plan(NULL, m, &claims, &none, &local, plan, why);
	if (rc == 0)
		rc = store_apply_ports(st, plan, why);
	if (rc == 0 &&
	    (have = store_module_checksum(st, module, &sum_before, why)) < 0)
		rc = -1;
	else if (rc == 0 && have)
		rc = store_remove_module(st, module, why);
	else if (rc == 0)
		warnx("module %s is no longer in the store; restoring its "
		      "port labels only",
		      module);
	if (rc < 0)
		goto abort;
	intent_fill(&in, 1, have ? sum_before : "", "", &local, plan);
	m->intent = &in;
	rc = commit_recorded(st, sd, m, why);
	m->intent = NULL;
	goto out;
abort:
	rc = -1;
	store_abort(st);
out:
	manifest_intent_clear(&in);
	free(sum_before);
	free_port_state(&local, &claims);
	return rc;
}

/*
 * libsemanage writes ports.local even when no record is left in it: two
 * header comment lines.  A store that never had local port labels has no
 * ports.local at all (Debian's does not), and libsemanage reads a missing
 * file as no records, so removing the header-only file is what makes the
 * install/uninstall round trip leave the store byte-identical.  (A store
 * that had a header-only ports.local before the install loses it: the
 * same records, none.)
 */
static void
drop_empty_ports_local(const struct selroot *sr)
{
	char *path = xasprintf("%s/active/ports.local", sr->store_dir);
	char line[256];
	int records = 0;
	FILE *fp;

	if ((fp = fopen(path, "re")) == NULL) {
		free(path);
		return;
	}
	while (fgets(line, sizeof(line), fp))
		if (line[0] != '#' && line[0] != '\n')
			records = 1;
	fclose(fp);
	if (!records && unlink(path) < 0)
		warn("cannot remove %s", path);
	free(path);
}

int
uninstall_module(const char *root, const char *module, struct why *why)
{
	struct port_plan plan = {0};
	struct statedir sd = {-1, NULL};
	struct state_names names;
	struct manifest m = {0};
	struct selroot sr;
	char *before = NULL;
	double t0;
	int rc = -1, have;

	if (selroot_open(&sr, root, why) < 0)
		return -1;
	state_names_init(&names, module);
	if ((have = statedir_open(&sd, sr.root, 0, why)) < 0 ||
	    (have && (statedir_lock(&sd, why) < 0 ||
	              (have = check_state_entries(&sd, &names, why)) < 0)))
		goto out;
	if (!have) {
		why_set(why,
		        "%s was not installed by pfsel-gen (no "
		        "%s/var/lib/pfsel/%s)",
		        module, sr.root, names.manifest);
		goto out;
	}
	if ((before = fc_snapshot(&sr, &sd, module, why)) == NULL)
		goto out;
	t0 = now_seconds();
	if (uninstall_transaction(&sr, &sd, module, &m, &plan, why) < 0)
		goto out;
	info("removed %s from %s: %zu port label change%s and the module "
	     "in one transaction (%.2f s)",
	     module, store_name(&sr), plan.nops, plan.nops == 1 ? "" : "s",
	     now_seconds() - t0);
	print_notes(&plan);
	print_relabel_hint(&sr, before);
	if (m.nports > 0)
		drop_empty_ports_local(&sr);
	rc = 0;
out:
	port_plan_free(&plan);
	manifest_free(&m);
	free(before);
	state_names_free(&names);
	statedir_close(&sd);
	selroot_free(&sr);
	return rc;
}
