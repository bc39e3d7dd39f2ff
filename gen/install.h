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

#include "spec.h"
#include "why.h"

/*
 * The port checks alone, against the store as it is now: cmd_install runs
 * them before building, so that a refused port costs no build and writes
 * nothing.  install_spec() checks again inside its transaction.
 */
int install_check(const char *root, const struct spec *spec, struct why *why);
/* root NULL or "" is the running system. */
int install_spec(const char *root, const struct spec *spec, const char *pp_path,
                 struct why *why);
int uninstall_module(const char *root, const char *module, struct why *why);
#endif
