/*
 * build_base - the policy to build a module against when an earlier
 * version of it is installed.
 *
 * Emission decides each rule against the target policy (does the domain
 * already have this access? what type does this path have?).  Once the
 * module is installed, the policy answers with the module's own rules,
 * types and file contexts, so a rebuild of the same spec would leave out
 * what the installed module adds and the next install would then drop
 * it (a re-run of examples/full lost its daemon's search rules).  The
 * base is a copy of ROOT's policy (ROOT/etc/selinux), its store
 * (ROOT/var/lib/selinux/TYPE) and pfsel's records (ROOT/var/lib/pfsel)
 * in a temporary directory, with the module uninstalled there (its port
 * labels restored) in one transaction of its own: the policy as it would
 * be without this module.  A root with its own devel headers lends them
 * to the copy.  ROOT itself is only read.  Called by gen/cmd_install.c
 * and gen/cmd_plan.c when ROOT's store has the module.
 */
#ifndef PFSEL_GEN_BUILD_BASE_H
#define PFSEL_GEN_BUILD_BASE_H

#include "why.h"

/* 1 with *base set (build_base_remove it), 0 when ROOT has no pfsel
 * install of module (build against ROOT), -1 with why. */
int build_base(const char *root, const char *module, char **base,
               struct why *why);
void build_base_remove(char *base);

#endif
