/*
 * ports - what an install or uninstall does to a store's local port labels.
 *
 * Classic .te modules cannot carry portcon statements, and libsepol 3.4
 * silently drops a CIL portcon that conflicts with the base policy, so
 * pfsel puts port labels into the store's local records (ports.local),
 * the way "semanage port -a/-m" does.  This module decides which records
 * to set or delete: ports_read_policy() loads the facts from ROOT's
 * binary policy, ports_plan() compares the spec with them and with the
 * current local records and refuses, before the store is touched, to
 * take over a port the policy already gives a specific type unless the
 * spec says override = yes.  Called by gen/install.c.
 */
#ifndef PFSEL_GEN_PORTS_H
#define PFSEL_GEN_PORTS_H

#include <stddef.h>

#include "manifest.h"
#include "spec.h"
#include "why.h"

struct port_rec {
	char proto[8]; /* tcp, udp, sctp, dccp */
	int low, high;
	char *type;
};

struct port_set {
	struct port_rec *recs;
	size_t count;
};

enum port_op_kind { PORT_OP_SET, PORT_OP_DELETE };

/* One change to the store's local port records. */
struct port_op {
	enum port_op_kind kind;
	struct port_rec rec; /* rec.type is NULL for PORT_OP_DELETE */
};

struct port_plan {
	struct port_op *ops;
	size_t nops;
	struct manifest_port *records; /* what the new manifest records */
	size_t nrecords;
	char **notes; /* for the user: labels replaced or already right */
	size_t nnotes;
};

void port_set_add(struct port_set *set, const char *proto, int low, int high,
                  const char *type);
void port_set_free(struct port_set *set);
/* The record of exactly that key, NULL when none. */
struct port_rec *port_set_find(const struct port_set *set, const char *proto,
                               int low, int high);

/* port_t, unreserved_port_t, ...: labels that mean "nobody's port". */
int port_type_is_generic(const char *type);

/*
 * Read every portcon of the binary policy at path into out, and check
 * that each spec port's type is a port type of that policy.  Errors name
 * the spec line.
 */
int ports_read_policy(const char *path, const struct spec *spec,
                      struct port_set *out, struct why *why);

/*
 * The other pfsel modules installed in the same store.  Each of their
 * port records is a claim: the local record stays while some module
 * claims it, and every claim on a key carries the same original label,
 * the one the key had before any pfsel module touched it.
 */
struct port_claims {
	struct manifest *mods;
	size_t count;
};

/*
 * The local record changes that take the store from its current local
 * records (local) to: the state before prev's install (prev may be NULL),
 * plus the spec's ports (spec NULL: nothing, i.e. an uninstall).  A key
 * another module claims (claims may be NULL) goes back to that module's
 * label instead of the original, and a spec port that already has its
 * label through another module's claim is recorded as a claim of its
 * own.  policy holds the binary policy's portcons.  Fails with
 * "file:line: ..." when a spec port is already labeled and override is
 * not set.
 */
int ports_plan(const struct spec *spec, const struct manifest *prev,
               const struct port_claims *claims, const struct port_set *policy,
               const struct port_set *local, struct port_plan *plan,
               struct why *why);
void port_plan_free(struct port_plan *plan);

#endif
