/*
 * install_store - one libsemanage transaction on a root's policy store.
 *
 * The only code in pfsel-gen that talks to libsemanage.  store_begin()
 * points libsemanage at ROOT (semanage_set_root, before any handle
 * exists, as semodule -p does) and opens a transaction: from there on the
 * store is locked and every change goes to libsemanage's sandbox, which
 * store_commit() installs in one step and store_abort() throws away, so
 * a failure anywhere before the commit, or inside it, leaves the store as
 * it was.  Called by gen/install.c.
 */
#ifndef PFSEL_GEN_INSTALL_STORE_H
#define PFSEL_GEN_INSTALL_STORE_H

#include "ports.h"
#include "why.h"

struct store;

/* root "" is the running system's store. */
struct store *store_begin(const char *root, struct why *why);
/* The same without a transaction, to read only; end it with store_abort. */
struct store *store_read(const char *root, struct why *why);
/* The store's local port records (ports.local), as of the transaction. */
int store_local_ports(struct store *st, struct port_set *out, struct why *why);
/* 1 when a module of that name is installed, 0 when not, -1 on error. */
int store_has_module(struct store *st, const char *module, struct why *why);
/*
 * The checksum libsemanage gives module ("semodule -l -m"), as of the
 * transaction: 1 with *sum set (free it), 0 when no such module, -1.
 */
int store_module_checksum(struct store *st, const char *module, char **sum,
                          struct why *why);
/*
 * The module's CIL as the store keeps it (what "semodule -E -c" writes):
 * 1 with *text (NUL-terminated, free it), 0 when no such module, -1.
 */
int store_module_cil(struct store *st, const char *module, char **text,
                     struct why *why);
int store_install_module(struct store *st, const char *pp_path,
                         struct why *why);
int store_remove_module(struct store *st, const char *module, struct why *why);
int store_apply_ports(struct store *st, const struct port_plan *plan,
                      struct why *why);
/*
 * The priority "pfsel-gen install" gives its modules: libsemanage's
 * default, as "semodule -i" without -X.
 */
#define STORE_PRIORITY 400

/* What the store holds of a module: the instance that takes effect. */
struct store_module {
	int priority; /* the highest; 0 when no such module */
	int enabled;
};
int store_module_lookup(struct store *st, const char *module,
                        struct store_module *out, struct why *why);
/*
 * What was installed as module (the .pp bytes), at its highest
 * priority: 1 with *data (free it), 0 when no such module, -1.
 */
int store_module_package(struct store *st, const char *module, char **data,
                         size_t *len, struct why *why);
/* Both end the transaction (if any) and free st. */
int store_commit(struct store *st, struct why *why);
void store_abort(struct store *st);

#endif
