/*
 * module_package - read a module package with libsepol; see
 * module_package.h.  The policy it is checked against is read through
 * lib/sepolicy.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sepol/debug.h>
#include <sepol/module.h>
#include <sepol/policydb.h>
#include <sepol/policydb/policydb.h>

#include "module_package.h"
#include "sepolicy.h"
#include "strbuf.h"
#include "xalloc.h"

/* A handle that keeps libsepol's messages off the terminal: failures
 * are reported through why. */
static sepol_handle_t *
quiet_handle(void)
{
	sepol_handle_t *h = sepol_handle_create();

	if (h == NULL)
		abort();
	sepol_msg_set_callback(h, NULL, NULL);
	return h;
}

static sepol_module_package_t *
package_read(sepol_handle_t *h, const char *data, size_t len, const char *what,
             struct why *why)
{
	sepol_module_package_t *pkg = NULL;
	sepol_policy_file_t *pf = NULL;

	if (sepol_policy_file_create(&pf) < 0 ||
	    sepol_module_package_create(&pkg) < 0)
		abort();
	sepol_policy_file_set_handle(pf, h);
	sepol_policy_file_set_mem(pf, (char *)data, len);
	if (sepol_module_package_read(pkg, pf, 0) < 0) {
		why_set(why, "%s: not a module package libsepol can read",
		        what);
		sepol_module_package_free(pkg);
		pkg = NULL;
	}
	sepol_policy_file_free(pf);
	return pkg;
}

char *
module_package_name(const char *data, size_t len, const char *what,
                    struct why *why)
{
	sepol_handle_t *h = quiet_handle();
	sepol_policy_file_t *pf = NULL;
	char *name = NULL, *version = NULL;
	int type;

	if (sepol_policy_file_create(&pf) < 0)
		abort();
	sepol_policy_file_set_handle(pf, h);
	sepol_policy_file_set_mem(pf, (char *)data, len);
	if (sepol_module_package_info(pf, &type, &name, &version) < 0 ||
	    type != SEPOL_POLICY_MOD) {
		why_set(why, "%s: not a module package libsepol can read",
		        what);
		free(name);
		name = NULL;
	}
	free(version);
	sepol_policy_file_free(pf);
	sepol_handle_destroy(h);
	return name;
}

char *
module_package_fc(const char *data, size_t len, const char *what,
                  struct why *why)
{
	sepol_handle_t *h = quiet_handle();
	sepol_module_package_t *pkg = package_read(h, data, len, what, why);
	char *fc = NULL;

	if (pkg) {
		fc = xstrndup(sepol_module_package_get_file_contexts(pkg),
		              sepol_module_package_get_file_contexts_len(pkg));
		sepol_module_package_free(pkg);
	}
	sepol_handle_destroy(h);
	return fc;
}

/* decl is one of the declarations of a block that is not optional. */
static int
mandatory_decl(const policydb_t *p, uint32_t decl_id)
{
	const avrule_block_t *b;
	const avrule_decl_t *d;

	for (b = p->global; b; b = b->next) {
		if (b->flags & AVRULE_OPTIONAL)
			continue;
		for (d = b->branch_list; d; d = d->next)
			if (d->decl_id == decl_id)
				return 1;
	}
	return 0;
}

static int
required_outside_optional(const policydb_t *p, const scope_datum_t *s)
{
	uint32_t i;

	if (s->scope != SCOPE_REQ)
		return 0;
	for (i = 0; i < s->decl_ids_len; i++)
		if (mandatory_decl(p, s->decl_ids[i]))
			return 1;
	return 0;
}

/* The type symbol name's datum in the module: its flavour. */
static const type_datum_t *
module_type(const policydb_t *p, const char *name)
{
	return hashtab_search(p->p_types.table, (hashtab_key_t)name);
}

static void
list_missing(const policydb_t *mod, const struct sepolicy *target,
             struct strbuf *out)
{
	const hashtab_t scope = mod->scope[SYM_TYPES].table;
	hashtab_ptr_t n;
	uint32_t i;

	for (i = 0; i < scope->size; i++)
		for (n = scope->htable[i]; n; n = n->next) {
			const type_datum_t *t = module_type(mod, n->key);
			int attribute = t && t->flavor == TYPE_ATTRIB;

			if (!required_outside_optional(mod, n->datum) ||
			    (attribute ? sepolicy_has_attribute(target, n->key)
			               : sepolicy_has_type(target, n->key)))
				continue;
			strbuf_addf(out, "%s%s %s", out->len ? ", " : "",
			            attribute ? "attribute" : "type", n->key);
		}
}

int
module_package_missing(const char *data, size_t len, const char *what,
                       const char *policy_path, char **missing, struct why *why)
{
	struct strbuf out = STRBUF_INIT;
	sepol_handle_t *h = quiet_handle();
	sepol_module_package_t *pkg;
	struct sepolicy *target = NULL;
	int rc = -1;

	*missing = NULL;
	if ((pkg = package_read(h, data, len, what, why)) != NULL &&
	    (target = sepolicy_load(policy_path, why)) != NULL) {
		list_missing(&sepol_module_package_get_policy(pkg)->p, target,
		             &out);
		*missing = strbuf_detach(&out);
		rc = 0;
	}
	sepolicy_free(target);
	if (pkg)
		sepol_module_package_free(pkg);
	sepol_handle_destroy(h);
	strbuf_free(&out);
	return rc;
}
