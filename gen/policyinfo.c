/*
 * policyinfo - policy queries through selabel and lib/sepolicy.h; see
 * policyinfo.h.
 */
#include <selinux/label.h>
#include <selinux/selinux.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "devel_headers.h"
#include "policy_file.h"
#include "policyinfo.h"
#include "sepolicy.h"
#include "xalloc.h"

struct policyinfo {
	struct selroot root;
	struct selabel_handle *labels;
	struct sepolicy *policy;
	struct devel_headers *headers; /* read on the first question */
};

struct policyinfo *
policyinfo_open(const char *root, struct why *why)
{
	struct policyinfo *pi = xcalloc(1, sizeof(*pi));
	struct selinux_opt opts[1];

	if (selroot_open(&pi->root, root, why) < 0) {
		free(pi);
		return NULL;
	}
	opts[0].type = SELABEL_OPT_PATH;
	opts[0].value = pi->root.file_contexts;
	pi->labels = selabel_open(SELABEL_CTX_FILE, opts, 1);
	if (pi->labels == NULL) {
		why_errno(why, "cannot load file contexts %s",
		          pi->root.file_contexts);
		policyinfo_close(pi);
		return NULL;
	}
	if ((pi->policy = sepolicy_load(pi->root.binary_policy, why)) == NULL) {
		policyinfo_close(pi);
		return NULL;
	}
	return pi;
}

void
policyinfo_close(struct policyinfo *pi)
{
	if (pi == NULL)
		return;
	if (pi->labels)
		selabel_close(pi->labels);
	sepolicy_free(pi->policy);
	devel_headers_close(pi->headers);
	selroot_free(&pi->root);
	free(pi);
}

const struct selroot *
policyinfo_root(const struct policyinfo *pi)
{
	return &pi->root;
}

int
policyinfo_has_type(struct policyinfo *pi, const char *name)
{
	return sepolicy_has_type(pi->policy, name);
}

int
policyinfo_type_is(struct policyinfo *pi, const char *type, const char *name)
{
	return sepolicy_type_is(pi->policy, type, name);
}

const struct devel_headers *
policyinfo_headers(struct policyinfo *pi, struct why *why)
{
	if (pi->headers == NULL)
		pi->headers = devel_headers_open(pi->root.devel_dir, why);
	return pi->headers;
}

/* "user:role:type:level" -> "type" */
static char *
context_type(const char *context)
{
	const char *p = strchr(context, ':');

	if (p == NULL || (p = strchr(p + 1, ':')) == NULL)
		return NULL;
	p++;
	return xstrndup(p, strcspn(p, ":"));
}

char *
policyinfo_file_type(struct policyinfo *pi, const char *path, mode_t mode)
{
	char *context = NULL, *type;

	if (selabel_lookup_raw(pi->labels, &context, path, (int)mode) < 0)
		return NULL;
	type = context_type(context);
	freecon(context);
	return type;
}

int
policyinfo_allows(struct policyinfo *pi, const char *source, const char *target,
                  const char *class, const char *perm)
{
	return sepolicy_allows(pi->policy, source, target, class, perm);
}

size_t
policyinfo_allowed_domains(struct policyinfo *pi, const char *target,
                           const char *class, const char *perm,
                           const char ***out)
{
	const policydb_t *p = sepolicy_db(pi->policy);
	uint32_t domain =
	    sepolicy_type_value(pi->policy, policy_type("domains"));
	uint32_t i;
	size_t n = 0;

	*out = NULL;
	for (i = 1; domain != 0 && i <= p->p_types.nprim; i++) {
		const char *name = p->p_type_val_to_name[i - 1];

		if (name == NULL || p->type_val_to_struct[i - 1] == NULL ||
		    p->type_val_to_struct[i - 1]->flavor == TYPE_ATTRIB ||
		    !sepolicy_value_is(pi->policy, i, domain) ||
		    !policyinfo_allows(pi, name, target, class, perm))
			continue;
		*out = xreallocarray(*out, n + 1, sizeof(**out));
		(*out)[n++] = name;
	}
	return n;
}

char *
policyinfo_port_type(struct policyinfo *pi, const char *proto, int port)
{
	const char *type = sepolicy_port_type(pi->policy, proto, port);

	/* Only a policy without the "port" initial SID, which the kernel
	 * would not load, leaves a tcp port without a type; refpolicy's
	 * name for it keeps the callers' comparisons simple. */
	return xstrdup(type != NULL ? type : policy_type("unlabeled-port"));
}

int
policyinfo_module_installed(struct policyinfo *pi, const char *module)
{
	char *path =
	    xasprintf("%s/active/modules/400/%s", pi->root.store_dir, module);
	struct stat st;
	int found = stat(path, &st) == 0;

	free(path);
	return found;
}
