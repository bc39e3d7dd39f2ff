/*
 * build - emit a spec's module and compile NAME.pp with the selinux-policy
 * devel toolchain (ROOT/usr/share/selinux/devel/Makefile when the root
 * has one, else /usr/share/selinux/devel/Makefile), as a policy
 * maintainer would by hand.  Compiler errors are mapped back to the spec
 * line whose fragment produced the offending text.
 */
#ifndef PFSEL_GEN_BUILD_H
#define PFSEL_GEN_BUILD_H

#include "spec.h"
#include "why.h"

/* Emit NAME.te/.fc/.if into outdir (checked against root's policy, NULL
 * for the running system). */
int emit_to_dir(const struct spec *spec, const char *outdir, const char *root,
                struct why *why);
/* emit_to_dir, then compile outdir/NAME.pp; *pp_path is malloc'd. */
int build_module(const struct spec *spec, const char *outdir, const char *root,
                 char **pp_path, struct why *why);

#endif
