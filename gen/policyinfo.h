/*
 * policyinfo - what pfsel-gen asks of the policy it generates for.
 *
 * The generator never guesses what the distribution policy says: the type
 * of an existing directory comes from that policy's file contexts
 * (selabel), whether a type exists or a domain already has an access
 * comes from its binary policy (libsepol).  Opened once per run on a root
 * (the running system or a scratch root).
 */
#ifndef PFSEL_GEN_POLICYINFO_H
#define PFSEL_GEN_POLICYINFO_H

#include <sys/types.h>

#include "devel_headers.h"
#include "selroot.h"
#include "why.h"

struct policyinfo;

struct policyinfo *policyinfo_open(const char *root, struct why *why);
void policyinfo_close(struct policyinfo *pi);
const struct selroot *policyinfo_root(const struct policyinfo *pi);

/* A type of that name exists (attributes do not count). */
int policyinfo_has_type(struct policyinfo *pi, const char *name);
/*
 * type is name, or a type with the attribute name, in the binary policy;
 * 0 when either does not exist.
 */
int policyinfo_type_is(struct policyinfo *pi, const char *type,
                       const char *name);
/*
 * The names the devel headers modules are built with define
 * (selroot.devel_dir): NULL, with why, when they cannot be read.
 */
const struct devel_headers *policyinfo_headers(struct policyinfo *pi,
                                               struct why *why);
/*
 * The type the file contexts give path (as an object of the given
 * st_mode file type, 0 for any); the caller frees it.  NULL when no entry
 * matches ("<<none>>").
 */
char *policyinfo_file_type(struct policyinfo *pi, const char *path,
                           mode_t mode);
/* Domain source may already do perm on class objects of type target. */
int policyinfo_allows(struct policyinfo *pi, const char *source,
                      const char *target, const char *class, const char *perm);
/*
 * The domains (types with the attribute "domain") that may do perm on
 * class objects of type target, in policy order, in *out: the names are pi's,
 * the array the caller's to free.
 */
size_t policyinfo_allowed_domains(struct policyinfo *pi, const char *target,
                                  const char *class, const char *perm,
                                  const char ***out);
/* The type the kernel gives proto/port (policydb_port_type); freed by
 * the caller. */
char *policyinfo_port_type(struct policyinfo *pi, const char *proto, int port);
/* The module is in the root's store (an earlier install). */
int policyinfo_module_installed(struct policyinfo *pi, const char *module);

#endif
