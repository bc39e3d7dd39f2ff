/*
 * target_check - a generated module against the policy it is for.
 *
 * Fragments hold refpolicy text; the target may be refpolicy (Debian) or
 * Red Hat's policy, whose interfaces and types differ.  Before a module
 * is written every macro and interface it calls must be defined by the
 * devel headers it will be built with; before it is installed every type
 * it requires or labels files with must exist in the target's binary
 * policy or be declared by the module itself (checkmodule never looks at
 * the types of a .fc, the store rejects the module at install).  Errors
 * name the spec line whose fragment holds the text.  Called by
 * gen/build.c.
 */
#ifndef PFSEL_GEN_TARGET_CHECK_H
#define PFSEL_GEN_TARGET_CHECK_H

#include "emit.h"
#include "policyinfo.h"
#include "why.h"

/* Every NAME( in the .te and .if is defined by the target's headers, by
 * the module's own .if, or guarded by ifdef(`NAME'). */
int target_check_calls(struct policyinfo *pi, const struct module_text *mt,
                       struct why *why);
/*
 * After the build: the types and attributes the m4-expanded module
 * (outdir/tmp/MODULE.tmp) requires and the types outdir/MODULE.fc names
 * exist in the target or are declared by the module.
 */
int target_check_types(struct policyinfo *pi, const char *outdir,
                       const char *module, struct why *why);

#endif
