/*
 * install - install and uninstall a spec's module and port labels in one
 * policy store transaction; see install.h.  Called by gen/cmd_install.c
 * and gen/cmd_uninstall.c.
 *
 * Everything that can be refused is refused before the transaction
 * begins or while it is still a sandbox: the port checks
 * (gen/ports.c), a corrupt manifest, a module that does not link (the
 * commit fails).  The manifest is written only after the commit.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fc_snapshot.h"
#include "install.h"
#include "install_store.h"
#include "manifest.h"
#include "msg.h"
#include "ports.h"
#include "quote.h"
#include "selroot.h"
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

/* The previous install's manifest, if there is one: 1, 0 none, -1 bad. */
static int
load_previous(const char *path, const char *module, struct manifest *m,
              struct why *why)
{
	memset(m, 0, sizeof(*m));
	if (access(path, F_OK) < 0 && errno == ENOENT)
		return 0;
	if (manifest_load(path, m, why) < 0)
		return -1;
	if (strcmp(m->module, module) != 0) {
		why_set(why, "%s: records module %s, not %s", path, m->module,
		        module);
		manifest_free(m);
		return -1;
	}
	return 1;
}

/* What the new manifest says; borrows the plan's port records. */
static void
fill_manifest(struct manifest *m, const struct spec *spec,
              const struct port_plan *plan)
{
	char real[PATH_MAX];

	memset(m, 0, sizeof(*m));
	m->module = xstrdup(spec->module);
	if (realpath(spec->file, real))
		m->spec = xstrdup(real);
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
	for (i = 0; i < m->ntrees; i++)
		free(m->trees[i]);
	free(m->trees);
}

/*
 * What the port plan starts from: the store's local records and the
 * other installed modules' claims on them.  Read with the store open, so
 * that under a transaction the store lock covers them.
 */
static int
read_port_state(struct store *st, const struct selroot *sr, const char *module,
                struct port_set *local, struct port_claims *claims,
                struct why *why)
{
	memset(claims, 0, sizeof(*claims));
	if (store_local_ports(st, local, why) < 0)
		return -1;
	if (manifest_load_others(sr->root, module, &claims->mods,
	                         &claims->count, why) < 0) {
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

/* Begin, plan the ports, make every change, commit. */
static int
install_transaction(const struct selroot *sr, const struct spec *spec,
                    const char *pp_path, const struct manifest *prev,
                    const struct port_set *policy, struct port_plan *plan,
                    struct why *why)
{
	struct port_claims claims;
	struct port_set local;
	struct store *st;
	int rc;

	if ((st = store_begin(sr->root, why)) == NULL)
		return -1;
	if (read_port_state(st, sr, spec->module, &local, &claims, why) < 0) {
		store_abort(st);
		return -1;
	}
	rc = ports_plan(spec, prev, &claims, policy, &local, plan, why);
	free_port_state(&local, &claims);
	/* The module first: a port label may use a type it defines. */
	if (rc == 0)
		rc = store_install_module(st, pp_path, why);
	if (rc == 0)
		rc = store_apply_ports(st, plan, why);
	if (rc < 0) {
		store_abort(st);
		return -1;
	}
	return store_commit(st, why);
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
check_with_store(const struct selroot *sr, const struct spec *spec,
                 const struct manifest *prev, const struct port_set *policy,
                 struct why *why)
{
	struct port_claims claims;
	struct port_set local;
	struct port_plan plan;
	struct store *st;
	int rc;

	if ((st = store_read(sr->root, why)) == NULL)
		return -1;
	rc = read_port_state(st, sr, spec->module, &local, &claims, why);
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
	struct manifest prev;
	struct selroot sr;
	char *mpath;
	int have_prev, rc = -1;

	if (selroot_open(&sr, root, why) < 0)
		return -1;
	mpath = manifest_path(sr.root, spec->module);
	if ((have_prev = load_previous(mpath, spec->module, &prev, why)) >= 0 &&
	    ports_read_policy(sr.binary_policy, spec, &policy, why) == 0)
		rc = check_with_store(&sr, spec, have_prev ? &prev : NULL,
		                      &policy, why);
	port_set_free(&policy);
	if (have_prev > 0)
		manifest_free(&prev);
	free(mpath);
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
install_spec(const char *root, const struct spec *spec, const char *pp_path,
             struct why *why)
{
	struct port_plan plan = {0};
	struct port_set policy = {0};
	struct manifest prev, next;
	struct selroot sr;
	char *mpath = NULL, *before = NULL;
	double t0;
	int have_prev, rc = -1;

	memset(&prev, 0, sizeof(prev));
	if (selroot_open(&sr, root, why) < 0)
		return -1;
	mpath = manifest_path(sr.root, spec->module);
	if ((have_prev = load_previous(mpath, spec->module, &prev, why)) < 0)
		goto out;
	if (ports_read_policy(sr.binary_policy, spec, &policy, why) < 0)
		goto out;
	if ((before = fc_snapshot(&sr, spec->module, why)) == NULL)
		goto out;
	t0 = now_seconds();
	if (install_transaction(&sr, spec, pp_path, have_prev ? &prev : NULL,
	                        &policy, &plan, why) < 0)
		goto out;
	info("installed %s into %s: the module and %zu port label "
	     "change%s in one transaction (%.2f s)",
	     spec->module, store_name(&sr), plan.nops,
	     plan.nops == 1 ? "" : "s", now_seconds() - t0);
	print_notes(&plan);
	print_relabel_hint(&sr, before);
	fill_manifest(&next, spec, &plan);
	rc = manifest_save(mpath, &next, why);
	if (rc < 0)
		warnx("the store has %s, but its manifest could not be "
		      "written; uninstall will not know its port labels",
		      spec->module);
	free_manifest_own(&next);
out:
	port_plan_free(&plan);
	port_set_free(&policy);
	manifest_free(&prev);
	free(before);
	free(mpath);
	selroot_free(&sr);
	return rc;
}

/* Ports first, then the module that may define their type. */
static int
uninstall_transaction(const struct selroot *sr, const struct manifest *m,
                      struct port_plan *plan, struct why *why)
{
	struct port_set local, none = {0};
	struct port_claims claims;
	struct store *st;
	int rc, have = 0;

	if ((st = store_begin(sr->root, why)) == NULL)
		return -1;
	if (read_port_state(st, sr, m->module, &local, &claims, why) < 0) {
		store_abort(st);
		return -1;
	}
	rc = ports_plan(NULL, m, &claims, &none, &local, plan, why);
	free_port_state(&local, &claims);
	if (rc == 0)
		rc = store_apply_ports(st, plan, why);
	if (rc == 0 && (have = store_has_module(st, m->module, why)) < 0)
		rc = -1;
	else if (rc == 0 && have)
		rc = store_remove_module(st, m->module, why);
	else if (rc == 0)
		warnx("module %s is no longer in the store; restoring its "
		      "port labels only",
		      m->module);
	if (rc < 0) {
		store_abort(st);
		return -1;
	}
	return store_commit(st, why);
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
	struct manifest m;
	struct selroot sr;
	char *mpath, *before = NULL;
	double t0;
	int rc = -1;

	memset(&m, 0, sizeof(m));
	if (selroot_open(&sr, root, why) < 0)
		return -1;
	mpath = manifest_path(sr.root, module);
	if (access(mpath, F_OK) < 0 && errno == ENOENT) {
		why_set(why, "%s was not installed by pfsel-gen (no %s)",
		        module, mpath);
		goto out;
	}
	if (manifest_load(mpath, &m, why) < 0)
		goto out;
	if (strcmp(m.module, module) != 0) {
		why_set(why, "%s: records module %s, not %s", mpath, m.module,
		        module);
		goto out;
	}
	if ((before = fc_snapshot(&sr, module, why)) == NULL)
		goto out;
	t0 = now_seconds();
	if (uninstall_transaction(&sr, &m, &plan, why) < 0)
		goto out;
	info("removed %s from %s: %zu port label change%s and the module "
	     "in one transaction (%.2f s)",
	     module, store_name(&sr), plan.nops, plan.nops == 1 ? "" : "s",
	     now_seconds() - t0);
	print_notes(&plan);
	print_relabel_hint(&sr, before);
	if (m.nports > 0)
		drop_empty_ports_local(&sr);
	if (unlink(mpath) < 0) {
		why_errno(why, "cannot remove %s", mpath);
		goto out;
	}
	rc = 0;
out:
	port_plan_free(&plan);
	manifest_free(&m);
	free(before);
	free(mpath);
	selroot_free(&sr);
	return rc;
}
