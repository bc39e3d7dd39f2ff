/*
 * doctor_access - "may DOMAIN do PERMS to an object of TYPE?", asked of
 * the policy file (review_policy.h) with system_u contexts.  Called by
 * doctor_ports.c (name_bind, name_connect) and doctor_trees.c (a
 * tree's type against the daemon that writes it).
 */
#include <stdlib.h>
#include <string.h>

#include "doctor.h"
#include "xalloc.h"

char *
doctor_context(struct doctor *d, const char *role, const char *type)
{
	char *con = xasprintf("system_u:%s:%s:s0", role, type);
	uint16_t cls = rv_policy_class(d->pol, "file");
	struct rv_access acc;

	/* A policy without MLS refuses the level: try it once. */
	memset(&acc, 0, sizeof(acc));
	if (rv_policy_access(d->pol, con, con, cls,
	                     rv_policy_perm(d->pol, cls, "read"), 0,
	                     &acc) == RV_ACC_BADSCON) {
		free(con);
		con = xasprintf("system_u:%s:%s", role, type);
	}
	free(acc.constraint);
	return con;
}

int
doctor_allowed(struct doctor *d, const char *domain, const char *type,
               const char *tclass, const char *perms)
{
	uint16_t cls = rv_policy_class(d->pol, tclass);
	uint32_t bits = 0;
	char *list = xstrdup(perms), *save = NULL, *p;
	char *scon, *tcon;
	struct rv_access acc;
	int rc;

	for (p = strtok_r(list, " ", &save); p != NULL;
	     p = strtok_r(NULL, " ", &save))
		bits |= rv_policy_perm(d->pol, cls, p);
	free(list);
	if (cls == 0 || bits == 0)
		return 0;
	scon = doctor_context(d, "system_r", domain);
	tcon = doctor_context(d, "object_r", type);
	memset(&acc, 0, sizeof(acc));
	rc = rv_policy_access(d->pol, scon, tcon, cls, bits, 0, &acc);
	free(acc.constraint);
	free(scon);
	free(tcon);
	return rc == RV_ACC_OK && (acc.allowed & bits) == bits;
}
