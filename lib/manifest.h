/*
 * manifest - what "pfsel-gen install" put into a policy store.
 *
 * Written atomically to ROOT/var/lib/pfsel/NAME.manifest after a
 * successful install and removed by uninstall.  pfsel-gen uses it to undo
 * an install exactly (ports it added or modified, with the old type);
 * pfsel-label uses its trees to know what to relabel.  Text, one record
 * per line:
 *
 *	# pfsel manifest 1
 *	module NAME
 *	spec /abs/path/to/spec.ini
 *	port PROTO LOW HIGH TYPE added
 *	port PROTO LOW HIGH TYPE modified OLDTYPE
 *	tree /abs/path
 */
#ifndef PFSEL_MANIFEST_H
#define PFSEL_MANIFEST_H

#include <stddef.h>

#include "why.h"

struct manifest_port {
	char proto[8];
	int low, high;
	char *type;
	char *old_type; /* NULL when the port was added, not modified */
};

struct manifest {
	char *module;
	char *spec;
	struct manifest_port *ports;
	size_t nports;
	char **trees;
	size_t ntrees;
};

int manifest_load(const char *path, struct manifest *m, struct why *why);
int manifest_save(const char *path, const struct manifest *m,
		  struct why *why);
void manifest_free(struct manifest *m);
/* ROOT/var/lib/pfsel/NAME.manifest; root "" for the running system. */
char *manifest_path(const char *root, const char *module);
/*
 * The manifests of every module installed in ROOT's store but module
 * itself, sorted by module name, in *list (manifest_list_free it).
 * A manifest that cannot be read is an error: without it an uninstall
 * could take a port label that module needs.
 */
int manifest_load_others(const char *root, const char *module,
			 struct manifest **list, size_t *count,
			 struct why *why);
void manifest_list_free(struct manifest *list, size_t count);

#endif
