/*
 * doctor_access - "may DOMAIN do PERMS to an object of TYPE?", asked of
 * the policy file (lib/sepolicy.h) with system_u contexts.  Called by
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
	char con[256];

	sepolicy_context(rv_policy_sepolicy(d->pol), role, type, con,
	                 sizeof(con));
	return xstrdup(con);
}

int
doctor_allowed(struct doctor *d, const char *domain, const char *type,
               const char *tclass, const char *perms)
{
	struct sepolicy *sp = rv_policy_sepolicy(d->pol);
	uint16_t cls = sepolicy_class(sp, tclass);
	uint32_t bits = 0;
	char *list = xstrdup(perms), *save = NULL, *p;
	char *scon, *tcon;
	struct sepolicy_access acc;
	int rc;

	for (p = strtok_r(list, " ", &save); p != NULL;
	     p = strtok_r(NULL, " ", &save))
		bits |= sepolicy_perm(sp, cls, p);
	free(list);
	if (cls == 0 || bits == 0)
		return 0;
	scon = doctor_context(d, "system_r", domain);
	tcon = doctor_context(d, "object_r", type);
	rc = sepolicy_access(sp, scon, tcon, cls, bits, 0, &acc);
	free(acc.constraint);
	free(scon);
	free(tcon);
	return rc == SEPOLICY_ACC_OK && (acc.allowed & bits) == bits;
}
