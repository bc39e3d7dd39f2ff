/*
 * sepolicy - pfsel's one module over libsepol: a binary policy read into
 * memory, and the questions pfsel-gen, pfsel-label (check, apply,
 * doctor) and review ask of it, answered one way: does a type or an
 * attribute exist, is a context valid, which type does the kernel give
 * a port, may a domain do this.
 *
 * Access is computed by libsepol's services (sepol_compute_av_reason,
 * as audit2why does), which work on one process-wide policy and SID
 * table.  Each sepolicy keeps its own SID table and hands both to the
 * services when it is asked, so several policies may be open at once
 * (install asks the root's policy and the one built without its
 * module).  The services' setters are exported only by the static
 * libsepol.a, which every program links (GNUmakefile, SEPOL_A).
 */
#ifndef PFSEL_SEPOLICY_H
#define PFSEL_SEPOLICY_H

#include <stdint.h>

#include <sepol/policydb.h>
#include <sepol/policydb/policydb.h>

#include "why.h"

struct sepolicy;

/*
 * The binary policy at path, NULL with why.  It is read into memory
 * first and parsed from there: libsepol reads a FILE * a few bytes per
 * fread(), which was a fifth of the load (46 ms of CPU for Debian's 2 MB
 * policy.33).
 */
struct sepolicy *sepolicy_load(const char *path, struct why *why);
void sepolicy_free(struct sepolicy *sp);
const char *sepolicy_path(const struct sepolicy *sp);

/* For the few walks over rules no libsepol API offers (review's
 * conditional rules, doctor's dontaudit count): read only, though
 * libsepol's walkers (avtab_map) take it writable. */
policydb_t *sepolicy_db(const struct sepolicy *sp);

/* The value of a type, alias (its type's) or attribute; 0 for none. */
uint32_t sepolicy_type_value(const struct sepolicy *sp, const char *name);
/* name is a type or an alias of one (an attribute is not). */
int sepolicy_has_type(const struct sepolicy *sp, const char *name);
/* name is an attribute. */
int sepolicy_has_attribute(const struct sepolicy *sp, const char *name);
/* type is name, or a type with the attribute name; 0 when either does
 * not exist. */
int sepolicy_type_is(const struct sepolicy *sp, const char *type,
                     const char *name);
/* Type value t is attribute (or type) value a. */
int sepolicy_value_is(const struct sepolicy *sp, uint32_t t, uint32_t a);
/* The type is permissive. */
int sepolicy_permissive(const struct sepolicy *sp, const char *type);
/* How many types a name stands for: 1 for a type or alias, the member
 * count for an attribute, 0 for a name the policy does not have. */
int sepolicy_type_count(const struct sepolicy *sp, const char *name);

/* The context is valid in the policy (user, role, type, level agree). */
int sepolicy_context_valid(const struct sepolicy *sp, const char *context);
/* "system_u:ROLE:TYPE" with the policy's level, in buf. */
void sepolicy_context(const struct sepolicy *sp, const char *role,
                      const char *type, char *buf, size_t size);

/* Class value and permission bits; 0 when unknown. */
uint16_t sepolicy_class(struct sepolicy *sp, const char *tclass);
uint32_t sepolicy_perm(struct sepolicy *sp, uint16_t cls, const char *perm);

/* Result of one access computation. */
struct sepolicy_access {
	uint32_t requested, allowed, auditdeny;
	unsigned int reason; /* SEPOL_COMPUTEAV_* bits, 0 when allowed */
	char *constraint;    /* the failing expression or NULL; caller frees */
};

enum sepolicy_access_err {
	SEPOLICY_ACC_OK = 0,
	SEPOLICY_ACC_BADSCON = -2,
	SEPOLICY_ACC_BADTCON = -3,
	SEPOLICY_ACC_BADCOMPUTE = -6,
};

/*
 * The access of scon to tcon for these permission bits of class cls.
 * When want_cons is set and a constraint denies, acc->constraint names
 * it.  SEPOLICY_ACC_OK or the reason it could not be computed.
 */
int sepolicy_access(struct sepolicy *sp, const char *scon, const char *tcon,
                    uint16_t cls, uint32_t perms, int want_cons,
                    struct sepolicy_access *acc);
/*
 * Domain source (in system_r) may already do perm on class objects of
 * type target (object_r); 0 for names the policy does not know.
 */
int sepolicy_allows(struct sepolicy *sp, const char *source, const char *target,
                    const char *tclass, const char *perm);

/* The IP protocol number of "tcp", "udp", "sctp" or "dccp"; -1 for any
 * other name. */
int sepolicy_proto_number(const char *proto);
/*
 * The type the kernel gives proto/port: that of the first portcon
 * covering it, in policy order (libsepol sorts narrower ranges and local
 * labels first), else that of the "port" initial SID (port_t in
 * refpolicy and Fedora's policy).  The name is the policy's; NULL for an
 * unknown protocol or a policy without either.
 */
const char *sepolicy_port_type(const struct sepolicy *sp, const char *proto,
                               int port);
/* Call f on each portcon (proto name, range, type); stops at f's
 * first nonzero return, which it returns. */
int sepolicy_ports(const struct sepolicy *sp,
                   int (*f)(const char *proto, int low, int high,
                            const char *type, void *arg),
                   void *arg);

#endif
