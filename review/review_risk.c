/*
 * review_risk - name risky allow rules; see review_risk.h.
 * Called by review_diag.c.
 */
#include "review_risk.h"

#include <string.h>

#include "policy_file.h"

static int
has(const struct rv_group *g, uint64_t allowed, const char *perm)
{
	int i;

	for (i = 0; i < g->nperms; i++)
		if (!(allowed & ((uint64_t)1 << i)) &&
		    strcmp(g->perms[i], perm) == 0)
			return 1;
	return 0;
}

int
rv_risk_writes(const struct rv_group *g, uint64_t allowed)
{
	static const char *const w[] = {"write",     "append",      "create",
	                                "unlink",    "rename",      "setattr",
	                                "add_name",  "remove_name", "link",
	                                "relabelto", "relabelfrom"};
	size_t i;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (has(g, allowed, w[i]))
			return 1;
	return 0;
}

/* Whether policy/type-roles gives type the role kind. */
static int
role(const char *kind, const char *type)
{
	return policy_file_has("type-roles", kind, type);
}

const char *
rv_risk(const struct rv_group *g, uint64_t allowed)
{
	const char *t = g->ttype, *c = g->tclass;

	if (role("unconfined", t) || role("unconfined", g->stype))
		return "involves an unconfined type: this grants far more than "
		       "the one access";
	if (role("password-db", t))
		return rv_risk_writes(g, allowed)
		           ? "writes the password database"
		           : "reads password hashes";
	if (role("config-all", t) && rv_risk_writes(g, allowed))
		return "writes every program's configuration";
	if (role("key-material", t) &&
	    (has(g, allowed, "read") || has(g, allowed, "open")))
		return "reads private key material";
	if (has(g, allowed, "execmem") || has(g, allowed, "execstack") ||
	    has(g, allowed, "execheap") || has(g, allowed, "execmod"))
		return "makes memory writable and executable "
		       "(execmem/execstack/execheap/execmod)";
	if ((strcmp(c, "capability") == 0 && has(g, allowed, "sys_module")) ||
	    (strcmp(c, "system") == 0 && has(g, allowed, "module_load")))
		return "loads kernel modules (sys_module)";
	if (strcmp(c, "security") == 0 &&
	    (has(g, allowed, "load_policy") || has(g, allowed, "setenforce") ||
	     has(g, allowed, "setbool")))
		return "changes the SELinux policy or its mode "
		       "(load_policy/setenforce/setbool)";
	if (strcmp(c, "capability") == 0 && has(g, allowed, "sys_admin"))
		return "grants sys_admin, nearly root";
	return NULL;
}
