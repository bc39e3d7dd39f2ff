/*
 * review_iface - refpolicy interface calls for the allow rules review
 * has left, chosen from the devel headers as audit2allow -R does.
 *
 * cmd_review.c loads the interface vectors sepolgen-ifgen(8) writes from
 * the devel headers (/var/lib/sepolgen/interface_info, or a file named
 * with --interfaces=FILE) and asks, for each remaining allow rule, the
 * narrowest interface taking only the source domain ($1) that grants all
 * of the request: fewest permissions granted in all, never one that
 * grants a write (a manage_* interface) for a read, never one whose
 * types the policy lacks.  A request no interface covers stays an allow
 * rule.
 */
#ifndef PFSEL_REVIEW_IFACE_H
#define PFSEL_REVIEW_IFACE_H

#include "review_group.h"
#include "review_policy.h"
#include "why.h"

/* Where audit2allow -R and sepolgen-ifgen keep the interface vectors. */
#define RV_IFACE_DEFAULT "/var/lib/sepolgen/interface_info"

struct rv_ifaces;

/* NULL with why (file:line for a malformed line) on error. */
struct rv_ifaces *rv_ifaces_load(const char *path, struct why *why);
/* The same for a NUL-terminated text (the fuzz target); takes buf over
 * (freed by rv_ifaces_free, or on error) and cuts it up. */
struct rv_ifaces *rv_ifaces_parse(char *buf, const char *name, struct why *why);
void rv_ifaces_free(struct rv_ifaces *ifs);

/*
 * The interface to call for allow stype ttype:tclass { perms }, or NULL
 * when none covers it; *grants is the number of permissions the call
 * grants in all.  The name lives as long as ifs.
 */
const char *rv_iface_choose(struct rv_ifaces *ifs, struct rv_policy *pol,
                            const char *stype, const char *ttype,
                            const char *tclass, const char *const *perms,
                            int nperms, int *grants);

#endif
