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
 *	inputs sha256:HEX                    (gen/install_inputs.h)
 *	checksum sha256:HEX                  (the module, as the store has it)
 *	port PROTO LOW HIGH TYPE added
 *	port PROTO LOW HIGH TYPE modified OLDTYPE
 *	tree /abs/path
 *
 * The same format records an install or uninstall in flight
 * (ROOT/var/lib/pfsel/NAME.intent, gen/install_intent.c): written and
 * fsync'd inside the store transaction before its commit, it holds the
 * manifest that describes the store once the commit is done (for an
 * uninstall, the manifest being undone) and what tells the two states
 * apart, so that the next run can tell whether the commit happened:
 *
 *	intent install                       (or uninstall)
 *	module-before sha256:HEX             (or absent)
 *	module-after sha256:HEX              (or absent)
 *	key PROTO LOW HIGH BEFORE AFTER      (local port record, - for none)
 *
 * A manifest has no intent records, an intent file has them all after
 * its "intent" line.  "inputs" and "checksum" are optional (manifests
 * before pfsel 0.2 lack them): with both, an install of the same inputs
 * whose module and port records are still in the store is "unchanged".
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

/* A local port record the transaction changes: its type before and
 * after, NULL for no record. */
struct manifest_key {
	char proto[8];
	int low, high;
	char *before;
	char *after;
};

/* The module's checksum (semanage_module_compute_checksum) before and
 * after, "" when the store has no such module. */
struct manifest_intent {
	int uninstall; /* 0: an install */
	char *module_before;
	char *module_after;
	struct manifest_key *keys;
	size_t nkeys;
};

#define MANIFEST_SUFFIX ".manifest"
#define INTENT_SUFFIX   ".intent"

struct manifest {
	char *module;
	char *spec;
	char *inputs;   /* "sha256:HEX" or NULL */
	char *checksum; /* "sha256:HEX" or NULL */
	struct manifest_port *ports;
	size_t nports;
	char **trees;
	size_t ntrees;
	struct manifest_intent *intent; /* NULL in a manifest */
};

/* Free what in holds and zero it (in itself is the caller's). */
void manifest_intent_clear(struct manifest_intent *in);

struct statedir;

int manifest_load(const char *path, struct manifest *m, struct why *why);
int manifest_save(const char *path, const struct manifest *m,
		  struct why *why);
void manifest_free(struct manifest *m);
struct strbuf;
/* The text manifest_save would write, appended to sb; -1 when m could
 * not be read back as it is. */
int manifest_format(const struct manifest *m, struct strbuf *sb,
                    struct why *why);
/*
 * name in ROOT/var/lib/pfsel (lib/statedir.h): 1 loaded, 0 absent, -1
 * bad.  intent says which kind of file name must be: one with intent
 * records (1) or a manifest (0).
 */
int manifest_load_at(const struct statedir *sd, const char *name, int intent,
                     struct manifest *m, struct why *why);
int manifest_save_at(const struct statedir *sd, const char *name,
                     const struct manifest *m, struct why *why);
/*
 * The manifests of every module installed in ROOT's store but module
 * itself (sd: ROOT/var/lib/pfsel, NULL when it does not exist), sorted
 * by module name, in *list (manifest_list_free it).  A manifest that
 * cannot be read is an error: without it an uninstall could take a
 * port label that module needs.
 */
int manifest_load_others(const struct statedir *sd, const char *module,
                         struct manifest **list, size_t *count,
                         struct why *why);
void manifest_list_free(struct manifest *list, size_t count);

#endif
