/*
 * install - "pfsel-gen install" and "pfsel-gen uninstall" on a policy
 * store, after the module is built.
 *
 * install_spec() checks the spec's ports against ROOT's policy, then puts
 * the module and the port label changes into the store in ONE libsemanage
 * transaction and records what it did in the manifest
 * (ROOT/var/lib/pfsel/NAME.manifest, lib/manifest.h).  uninstall_module()
 * reads the manifest and reverses it in one transaction: local port
 * labels back to what they were, then the module.  Either leaves the
 * store unchanged when it fails, and records the change before it
 * commits it, so that a crash at any moment leaves the store and the
 * manifests in agreement once the next install, uninstall or verify
 * has run (gen/install_intent.h).  Called by gen/cmd_install.c and
 * gen/cmd_uninstall.c; gen/verify.c checks what they left.
 */
#ifndef PFSEL_GEN_INSTALL_H
#define PFSEL_GEN_INSTALL_H

#include "install_impact.h"
#include "manifest.h"
#include "module_facts.h"
#include "spec.h"
#include "why.h"

/*
 * What an install puts into a store: a built module package and the spec
 * it was made from (module name, port sections, trees, the file named in
 * the manifest), with the digest of its inputs (gen/install_inputs.h;
 * NULL when unknown, and the next install then builds again).  A bundle
 * carries the same three things, so installing one is install_module()
 * on what it unpacks.
 */
struct install_input {
	const struct spec *spec;
	const char *pp_path;
	const char *inputs;
};

enum module_change { MODULE_NEW, MODULE_CHANGED, MODULE_UNCHANGED };

/*
 * What install_module() did, or with plan set would do.  changes holds
 * the module checksums before and after ("" for none) and each local
 * port record that changes, its type before and after (NULL for no
 * record); old and new are the modules' rule counts and file contexts.
 * Findings of the impact check (gen/install_impact.h) stop an install;
 * a plan lists them.
 */
struct install_result {
	int changed; /* the store was (would be) changed */
	enum module_change module;
	struct manifest_intent changes;
	size_t ports_added, ports_modified, ports_removed;
	struct module_facts old, new;
	struct impact impact; /* paths an install would relabel unasked */
	struct impact ports;  /* access port labels would take away */
	char *before; /* the file contexts copy for --changed-since, or NULL */
	double seconds;
};

void install_result_free(struct install_result *res);
const char *module_change_name(enum module_change c);

/*
 * The port checks alone, against the store as it is now: cmd_install runs
 * them before building, so that a refused port costs no build and writes
 * nothing.  install_spec() checks again inside its transaction.
 */
int install_check(const char *root, const struct spec *spec, struct why *why);
/*
 * Without building anything: 1 when ROOT's manifest for the spec's module
 * records the same inputs digest, the store has the module with the
 * checksum recorded and every port record the manifest lists, i.e. an
 * install would change nothing; 0 when it may; -1 on error.
 */
int install_unchanged(const char *root, const struct spec *spec,
                      const char *inputs, struct why *why);
/*
 * Put in's module and port labels into ROOT's store in one transaction
 * (root NULL or "" is the running system): the module replaced, port
 * records added, modified and removed by difference with the previous
 * install, the manifest rewritten.  When the store already holds it all
 * nothing is committed and res->changed is 0.  With plan set nothing is
 * written at all: res says what an install would do.
 */
int install_module(const char *root, const struct install_input *in, int plan,
                   struct install_result *res, struct why *why);
int uninstall_module(const char *root, const char *module, struct why *why);
#endif
