/*
 * module_package - what a compiled module package (NAME.pp) holds, read
 * with libsepol: its file contexts, and the types and attributes it
 * requires of the policy it is linked into.
 *
 * pfsel-gen verify compares the file contexts of the module in the
 * store with what the root's file contexts say; pfsel-gen install of a
 * bundle checks, before the store is touched, that the target policy
 * has every type and attribute the module requires outside its optional
 * blocks, so that a bundle built against another policy is refused with
 * their names instead of a linker error.  Called by gen/verify.c and
 * gen/bundle_install.c.
 */
#ifndef PFSEL_GEN_MODULE_PACKAGE_H
#define PFSEL_GEN_MODULE_PACKAGE_H

#include <stddef.h>

#include "why.h"

/* The module name the package declares (malloc'd). */
char *module_package_name(const char *data, size_t len, const char *what,
                          struct why *why);

/* The package's file contexts section (malloc'd, NUL-terminated). */
char *module_package_fc(const char *data, size_t len, const char *what,
                        struct why *why);

/*
 * The names of the types and attributes the package requires outside
 * optional blocks that the binary policy at policy_path does not have,
 * as one "type a_t, attribute b" list in *missing ("" when none; free
 * it).  what names the package in messages.
 */
int module_package_missing(const char *data, size_t len, const char *what,
                           const char *policy_path, char **missing,
                           struct why *why);

#endif
