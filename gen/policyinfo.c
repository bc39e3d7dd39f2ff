/*
 * policyinfo - policy queries through selabel and libsepol; see
 * policyinfo.h.
 *
 * libsepol keeps one "current" policy for its services (compute_av), so a
 * process has one policyinfo open at a time.
 */
#include <netinet/in.h>
#include <selinux/label.h>
#include <selinux/selinux.h>
#include <sepol/policydb/policydb.h>
#include <sepol/policydb/services.h>
#include <sepol/sepol.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "devel_headers.h"
#include "msg.h"
#include "policydb_query.h"
#include "policyinfo.h"
#include "xalloc.h"

struct policyinfo {
	struct selroot root;
	struct selabel_handle *labels;
	sepol_policydb_t *sepol;
	policydb_t *pdb;
	struct devel_headers *headers; /* read on the first question */
};

/* The binary policy libsepol's services hold (process-wide): its path
 * and the file as it was (a commit replaces the file at the path). */
static char *services_path;
static struct stat services_st;

static int
load_binary_policy(struct policyinfo *pi, struct why *why)
{
	struct stat st;
	FILE *fp;
	int rc;

	/* Failed lookups are answers here, not errors to print. */
	sepol_debug(0);
	if ((pi->sepol = policydb_load(pi->root.binary_policy, NULL, why)) ==
	    NULL)
		return -1;
	pi->pdb = &pi->sepol->p;
	/*
	 * compute_av works on the "current" policy of libsepol, which the
	 * shared library only lets us set from a file.  Loaded once per
	 * path: libsepol 3.4 frees neither the previous policy nor its
	 * sidtab when another is loaded (tests/lsan.supp), and install asks
	 * the same root's policy more than once.
	 */
	if ((fp = fopen(pi->root.binary_policy, "re")) == NULL)
		return why_errno(why, "cannot open %s", pi->root.binary_policy);
	if (fstat(fileno(fp), &st) < 0) {
		fclose(fp);
		return why_errno(why, "cannot stat %s", pi->root.binary_policy);
	}
	if (services_path != NULL &&
	    strcmp(services_path, pi->root.binary_policy) == 0 &&
	    st.st_dev == services_st.st_dev && st.st_ino == services_st.st_ino &&
	    st.st_size == services_st.st_size &&
	    st.st_mtim.tv_sec == services_st.st_mtim.tv_sec &&
	    st.st_mtim.tv_nsec == services_st.st_mtim.tv_nsec) {
		fclose(fp);
		return 0;
	}
	rc = sepol_set_policydb_from_file(fp);
	fclose(fp);
	free(services_path);
	services_path = NULL;
	if (rc < 0)
		return why_set(why, "%s: libsepol cannot load it for queries",
		               pi->root.binary_policy);
	services_path = xstrdup(pi->root.binary_policy);
	services_st = st;
	return 0;
}

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
	if (load_binary_policy(pi, why) < 0) {
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
	if (pi->sepol)
		sepol_policydb_free(pi->sepol);
	devel_headers_close(pi->headers);
	selroot_free(&pi->root);
	free(pi);
}

const struct selroot *
policyinfo_root(const struct policyinfo *pi)
{
	return &pi->root;
}

/* A context for an object of this type, in the policy's MLS flavour. */
static void
object_context(struct policyinfo *pi, const char *type, char *buf, size_t size)
{
	snprintf(buf, size, "system_u:object_r:%s%s", type,
	         sepol_policydb_mls_enabled(pi->sepol) ? ":s0" : "");
}

/*
 * hashtab_search() is not exported by libsepol.so, so ask whether the
 * type makes a valid context.  Attributes never do, which is what the
 * callers want: they check types that must label objects or processes.
 */
int
policyinfo_has_type(struct policyinfo *pi, const char *name)
{
	char con[256];

	object_context(pi, name, con, sizeof(con));
	return sepol_check_context(con) == 0;
}

/* The value of a type or attribute (1-based), 0 when there is none; an
 * alias (Fedora's amavis_t for antivirus_t) has its type's value.  A walk
 * of the symbol table: hashtab_search() is not exported (see above). */
static unsigned int
type_value(struct policyinfo *pi, const char *name)
{
	const hashtab_t table = pi->pdb->p_types.table;
	unsigned int i;

	for (i = 0; i < table->size; i++) {
		const struct hashtab_node *n;

		for (n = table->htable[i]; n; n = n->next)
			if (strcmp(n->key, name) == 0)
				return ((const type_datum_t *)n->datum)
				    ->s.value;
	}
	return 0;
}

/* ebitmap_get_bit() is not exported either; the node helpers are inline. */
static int
bitmap_has(const ebitmap_t *e, unsigned int bit)
{
	const ebitmap_node_t *n;

	for (n = e->node; n && n->startbit <= bit; n = n->next)
		if (bit < n->startbit + MAPSIZE)
			return ebitmap_node_get_bit(n, bit);
	return 0;
}

int
policyinfo_type_is(struct policyinfo *pi, const char *type, const char *name)
{
	unsigned int t = type_value(pi, type), a;

	if (t == 0)
		return 0;
	if (strcmp(type, name) == 0)
		return 1;
	if ((a = type_value(pi, name)) == 0 || pi->pdb->type_attr_map == NULL)
		return 0;
	return bitmap_has(&pi->pdb->type_attr_map[t - 1], a - 1);
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
	char scon[256], tcon[256];
	sepol_security_id_t ssid, tsid;
	sepol_security_class_t tclass;
	sepol_access_vector_t av;
	struct sepol_av_decision avd;

	snprintf(scon, sizeof(scon), "system_u:system_r:%s%s", source,
	         sepol_policydb_mls_enabled(pi->sepol) ? ":s0" : "");
	object_context(pi, target, tcon, sizeof(tcon));
	if (sepol_context_to_sid(scon, strlen(scon) + 1, &ssid) < 0 ||
	    sepol_context_to_sid(tcon, strlen(tcon) + 1, &tsid) < 0 ||
	    sepol_string_to_security_class(class, &tclass) < 0 ||
	    sepol_string_to_av_perm(tclass, perm, &av) < 0)
		return 0;
	if (sepol_compute_av(ssid, tsid, tclass, av, &avd) < 0)
		return 0;
	return (avd.allowed & av) == av;
}

size_t
policyinfo_allowed_domains(struct policyinfo *pi, const char *target,
                           const char *class, const char *perm,
                           const char ***out)
{
	unsigned int domain = type_value(pi, "domain"), i;
	size_t n = 0;

	*out = NULL;
	if (domain == 0 || pi->pdb->type_attr_map == NULL)
		return 0;
	for (i = 0; i < pi->pdb->p_types.nprim; i++) {
		const char *name = pi->pdb->p_type_val_to_name[i];

		if (name == NULL ||
		    pi->pdb->type_val_to_struct[i]->flavor == TYPE_ATTRIB ||
		    !bitmap_has(&pi->pdb->type_attr_map[i], domain - 1) ||
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
	const char *type = policydb_port_type(pi->pdb, proto, port);

	/* Only a policy without the "port" initial SID, which the kernel
	 * would not load, leaves a tcp port without a type; refpolicy's
	 * name for it keeps the callers' comparisons simple. */
	return xstrdup(type != NULL ? type : "port_t");
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
