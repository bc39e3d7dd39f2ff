/*
 * bundle_install - make a bundle from a built spec, and get one ready
 * for install; see bundle_install.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "bundle_install.h"
#include "module_package.h"
#include "read_file.h"
#include "selroot.h"
#include "temp_name.h"
#include "xalloc.h"

/* The bundle's port and tree records are the spec's. */
static int
records_agree(const struct bundle *b, const struct spec *spec,
              const char *path, struct why *why)
{
	size_t i, ntrees;
	char **trees = spec_trees(spec, &ntrees);
	int rc = 0;

	if (b->nports != spec->nports)
		rc = why_set(why, "%s: %zu port records, the spec has %zu",
		             path, b->nports, spec->nports);
	for (i = 0; rc == 0 && i < b->nports; i++) {
		const struct spec_port *s = &spec->ports[i];
		const struct bundle_port *p = &b->ports[i];

		if (strcmp(s->proto, p->proto) != 0 || s->low != p->low ||
		    s->high != p->high || strcmp(s->type, p->type) != 0)
			rc = why_set(why,
			             "%s: port record %zu disagrees with the "
			             "spec it carries",
			             path, i + 1);
	}
	if (rc == 0 && b->ntrees != ntrees)
		rc = why_set(why, "%s: %zu tree records, the spec has %zu",
		             path, b->ntrees, ntrees);
	for (i = 0; rc == 0 && i < ntrees; i++)
		if (strcmp(trees[i], b->trees[i]) != 0)
			rc = why_set(why,
			             "%s: tree record %zu disagrees with the "
			             "spec it carries",
			             path, i + 1);
	for (i = 0; i < ntrees; i++)
		free(trees[i]);
	free(trees);
	return rc;
}

struct spec *
bundle_spec(const struct bundle *b, const char *path, struct why *why)
{
	struct spec *spec;
	char *name;

	if ((spec = spec_parse(path, b->spec, b->spec_len, why)) == NULL)
		return NULL;
	if (strcmp(spec->module, b->module) != 0) {
		why_set(why, "%s: records module %s, its spec says %s", path,
		        b->module, spec->module);
		goto bad;
	}
	if (records_agree(b, spec, path, why) < 0)
		goto bad;
	if ((name = module_package_name(b->pp, b->pp_len, path, why)) == NULL)
		goto bad;
	if (strcmp(name, b->module) != 0) {
		why_set(why, "%s: the package is module %s, not %s", path,
		        name, b->module);
		free(name);
		goto bad;
	}
	free(name);
	return spec;
bad:
	spec_free(spec);
	return NULL;
}

struct spec *
install_input_load(const char *path, const char *outdir, struct bundle *b,
                   struct why *why)
{
	struct spec *spec;
	int is_bundle;

	memset(b, 0, sizeof(*b));
	if ((is_bundle = bundle_load(path, b, why)) < 0)
		return NULL;
	if (!is_bundle)
		return spec_load(path, why);
	if (outdir)
		why_set(why, "%s: a bundle holds its built module; -o is for "
		             "a spec",
		        path);
	else if ((spec = bundle_spec(b, path, why)) != NULL)
		return spec;
	bundle_free(b);
	return NULL;
}

/* The package's needs against root's binary policy. */
static int
check_target(const struct bundle *b, const char *path, const char *root,
             struct why *why)
{
	char *missing = NULL;
	struct selroot sr;
	int rc;

	if (selroot_open(&sr, root, why) < 0)
		return -1;
	rc = module_package_missing(b->pp, b->pp_len, path, sr.binary_policy,
	                            &missing, why);
	if (rc == 0 && *missing)
		rc = why_set(why,
		             "%s: the policy of %s lacks what module %s needs "
		             "(%s): it was built against another policy; "
		             "bundle it on a host with this one",
		             path, *sr.root ? sr.root : "this system",
		             b->module, missing);
	free(missing);
	selroot_free(&sr);
	return rc;
}

int
bundle_temp(const struct bundle *b, const char *path, const char *root,
            struct build_temp *bt, struct why *why)
{
	memset(bt, 0, sizeof(*bt));
	if (check_target(b, path, root, why) < 0)
		return -1;
	bt->tmp = temp_name("pfsel-gen");
	if (mkdtemp(bt->tmp) == NULL)
		return why_errno(why, "cannot create %s", bt->tmp);
	bt->pp = xasprintf("%s/%s.pp", bt->tmp, b->module);
	return atomic_write_file(bt->pp, b->pp, b->pp_len, 0600, why);
}

int
bundle_make(const struct spec *spec, const char *pp_path, struct bundle *b,
            struct why *why)
{
	size_t i;

	memset(b, 0, sizeof(*b));
	if (read_file(spec->file, &b->spec, &b->spec_len, why) < 0 ||
	    read_file(pp_path, &b->pp, &b->pp_len, why) < 0) {
		bundle_free(b);
		return -1;
	}
	b->module = xstrdup(spec->module);
	b->ports = xcalloc(spec->nports ? spec->nports : 1, sizeof(*b->ports));
	for (i = 0; i < spec->nports; i++) {
		struct bundle_port *p = &b->ports[b->nports++];

		snprintf(p->proto, sizeof(p->proto), "%s",
		         spec->ports[i].proto);
		p->low = spec->ports[i].low;
		p->high = spec->ports[i].high;
		p->type = xstrdup(spec->ports[i].type);
	}
	b->trees = spec_trees(spec, &b->ntrees);
	return 0;
}
