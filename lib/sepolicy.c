/*
 * sepolicy - libsepol, wrapped once; see sepolicy.h.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sepol/context.h>
#include <sepol/debug.h>
#include <sepol/handle.h>
#include <sepol/policydb/ebitmap.h>
#include <sepol/policydb/hashtab.h>
#include <sepol/policydb/services.h>
#include <sepol/policydb/sidtab.h>

#include "msg.h"
#include "read_file.h"
#include "sepolicy.h"
#include "xalloc.h"

/*
 * The "port" initial SID: its number is fixed by the kernel
 * (security/selinux/include/initial_sid_to_string.h); a binary policy
 * keeps the number, not the name.
 */
#define INITIAL_SID_PORT 9

/*
 * The SID of each context string already asked.  libsepol's
 * sepol_context_to_sid parses the string and searches the whole sidtab
 * every time; it was a third of the diagnosis of the 422 groups of the
 * sepolgen test log.
 */
struct sid_memo {
	struct sid_entry {
		char *con;
		uint32_t hash;
		sepol_security_id_t sid;
	} * v;
	size_t n, cap; /* cap is a power of two */
};

struct sepolicy {
	char *path;
	sepol_policydb_t *db;
	policydb_t *p;
	sepol_handle_t *h;
	sidtab_t sidtab; /* the SIDs the services hand out for this policy */
	struct sid_memo sids;
};

/* The policy libsepol's services work on now (process-wide). */
static struct sepolicy *services_owner;

static void
quiet(void *arg, sepol_handle_t *h, const char *fmt, ...)
{
	(void)arg;
	(void)h;
	(void)fmt;
}

static sepol_policydb_t *
read_policydb(const char *path, sepol_handle_t *h, struct why *why)
{
	sepol_policy_file_t *pf;
	sepol_policydb_t *db;
	char *bytes;
	size_t len;
	int rc;

	if (read_file(path, &bytes, &len, why) < 0)
		return NULL;
	if (sepol_policy_file_create(&pf) < 0 || sepol_policydb_create(&db) < 0)
		fatalx("out of memory loading %s", path);
	sepol_policy_file_set_mem(pf, bytes, len);
	sepol_policy_file_set_handle(pf, h);
	rc = sepol_policydb_read(db, pf);
	sepol_policy_file_free(pf);
	free(bytes);
	if (rc < 0) {
		sepol_policydb_free(db);
		why_set(why, "%s: not a binary policy libsepol can read", path);
		return NULL;
	}
	return db;
}

struct sepolicy *
sepolicy_load(const char *path, struct why *why)
{
	struct sepolicy *sp = xcalloc(1, sizeof(*sp));

	/* The services print "type X is not defined" for every unknown
	 * context; the callers treat those as answers. */
	sepol_debug(0);
	sp->path = xstrdup(path);
	if ((sp->h = sepol_handle_create()) == NULL)
		fatalx("out of memory loading %s", path);
	sepol_msg_set_callback(sp->h, quiet, NULL);
	if ((sp->db = read_policydb(path, sp->h, why)) == NULL ||
	    sepol_sidtab_init(&sp->sidtab) < 0) {
		if (sp->db != NULL)
			why_set(why, "%s: out of memory", path);
		sepolicy_free(sp);
		return NULL;
	}
	sp->p = &sp->db->p;
	return sp;
}

static void
sid_memo_free(struct sid_memo *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->v[i].con);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

void
sepolicy_free(struct sepolicy *sp)
{
	if (sp == NULL)
		return;
	if (services_owner == sp) {
		sepol_set_policydb(NULL);
		sepol_set_sidtab(NULL);
		services_owner = NULL;
	}
	sid_memo_free(&sp->sids);
	if (sp->p != NULL)
		sepol_sidtab_destroy(&sp->sidtab);
	if (sp->db != NULL)
		sepol_policydb_free(sp->db);
	if (sp->h != NULL)
		sepol_handle_destroy(sp->h);
	free(sp->path);
	free(sp);
}

const char *
sepolicy_path(const struct sepolicy *sp)
{
	return sp->path;
}

policydb_t *
sepolicy_db(const struct sepolicy *sp)
{
	return sp->p;
}

/* ---- types and attributes ---- */

uint32_t
sepolicy_type_value(const struct sepolicy *sp, const char *name)
{
	const type_datum_t *t =
	    hashtab_search(sp->p->p_types.table, (hashtab_key_t)name);

	if (t == NULL)
		return 0;
	/* An alias (Fedora's amavis_t for antivirus_t) is its type. */
	return t->flavor == TYPE_ALIAS && t->primary ? t->primary : t->s.value;
}

static const type_datum_t *
type_datum(const struct sepolicy *sp, uint32_t v)
{
	if (v == 0 || v > sp->p->p_types.nprim)
		return NULL;
	return sp->p->type_val_to_struct[v - 1];
}

int
sepolicy_has_type(const struct sepolicy *sp, const char *name)
{
	const type_datum_t *t = type_datum(sp, sepolicy_type_value(sp, name));

	return t != NULL && t->flavor != TYPE_ATTRIB;
}

int
sepolicy_has_attribute(const struct sepolicy *sp, const char *name)
{
	const type_datum_t *t = type_datum(sp, sepolicy_type_value(sp, name));

	return t != NULL && t->flavor == TYPE_ATTRIB;
}

int
sepolicy_value_is(const struct sepolicy *sp, uint32_t t, uint32_t a)
{
	if (t == 0 || a == 0)
		return 0;
	if (t == a)
		return 1;
	if (t > sp->p->p_types.nprim || sp->p->type_attr_map == NULL)
		return 0;
	return ebitmap_get_bit(&sp->p->type_attr_map[t - 1], a - 1);
}

int
sepolicy_type_is(const struct sepolicy *sp, const char *type, const char *name)
{
	return sepolicy_value_is(sp, sepolicy_type_value(sp, type),
	                         sepolicy_type_value(sp, name));
}

int
sepolicy_permissive(const struct sepolicy *sp, const char *type)
{
	uint32_t v = sepolicy_type_value(sp, type);

	return v != 0 && ebitmap_get_bit(&sp->p->permissive_map, v);
}

int
sepolicy_type_count(const struct sepolicy *sp, const char *name)
{
	uint32_t v = sepolicy_type_value(sp, name);
	const type_datum_t *t = type_datum(sp, v);

	if (v == 0)
		return 0;
	if (t == NULL || t->flavor != TYPE_ATTRIB ||
	    sp->p->attr_type_map == NULL)
		return 1;
	return (int)ebitmap_cardinality(&sp->p->attr_type_map[v - 1]);
}

/* ---- contexts ---- */

int
sepolicy_context_valid(const struct sepolicy *sp, const char *context)
{
	sepol_context_t *con = NULL;
	int valid;

	valid = sepol_context_from_string(sp->h, context, &con) == 0 &&
	        sepol_context_check(sp->h, sp->db, con) == 0;
	sepol_context_free(con);
	return valid;
}

void
sepolicy_context(const struct sepolicy *sp, const char *role, const char *type,
                 char *buf, size_t size)
{
	snprintf(buf, size, "system_u:%s:%s%s", role, type,
	         sepol_policydb_mls_enabled(sp->db) ? ":s0" : "");
}

/* ---- access, through libsepol's services ---- */

/* Make sp the policy the services work on. */
static void
services_use(struct sepolicy *sp)
{
	if (services_owner == sp)
		return;
	sepol_set_policydb(sp->p);
	sepol_set_sidtab(&sp->sidtab);
	services_owner = sp;
}

static uint32_t
str_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
sid_memo_grow(struct sid_memo *m)
{
	struct sid_memo bigger;
	size_t i, j;

	bigger.cap = m->cap ? m->cap * 2 : 256;
	bigger.n = m->n;
	bigger.v = xcalloc(bigger.cap, sizeof(*bigger.v));
	for (i = 0; i < m->cap; i++) {
		if (m->v[i].con == NULL)
			continue;
		for (j = m->v[i].hash & (bigger.cap - 1); bigger.v[j].con;
		     j = (j + 1) & (bigger.cap - 1))
			;
		bigger.v[j] = m->v[i];
	}
	free(m->v);
	*m = bigger;
}

/* sepol_context_to_sid through the memo; -1 for a context the policy
 * does not accept (not remembered: such groups are asked once). */
static int
context_sid(struct sepolicy *sp, const char *con, sepol_security_id_t *sid)
{
	struct sid_memo *m = &sp->sids;
	uint32_t h = str_hash(con);
	size_t j;

	if ((m->n + 1) * 2 > m->cap)
		sid_memo_grow(m);
	for (j = h & (m->cap - 1); m->v[j].con != NULL;
	     j = (j + 1) & (m->cap - 1))
		if (m->v[j].hash == h && strcmp(m->v[j].con, con) == 0) {
			*sid = m->v[j].sid;
			return 0;
		}
	if (sepol_context_to_sid(con, strlen(con) + 1, sid) < 0)
		return -1;
	m->v[j].con = xstrdup(con);
	m->v[j].hash = h;
	m->v[j].sid = *sid;
	m->n++;
	return 0;
}

uint16_t
sepolicy_class(struct sepolicy *sp, const char *tclass)
{
	sepol_security_class_t c = 0;

	services_use(sp);
	if (sepol_string_to_security_class(tclass, &c) < 0)
		return 0;
	return c;
}

uint32_t
sepolicy_perm(struct sepolicy *sp, uint16_t cls, const char *perm)
{
	sepol_access_vector_t av = 0;

	services_use(sp);
	if (sepol_string_to_av_perm(cls, perm, &av) < 0)
		return 0;
	return av;
}

int
sepolicy_access(struct sepolicy *sp, const char *scon, const char *tcon,
                uint16_t cls, uint32_t perms, int want_cons,
                struct sepolicy_access *acc)
{
	sepol_security_id_t ssid, tsid;
	struct sepol_av_decision avd;
	char *buf = NULL;
	int rc;

	memset(acc, 0, sizeof(*acc));
	acc->requested = perms;
	services_use(sp);
	if (context_sid(sp, scon, &ssid) < 0)
		return SEPOLICY_ACC_BADSCON;
	if (context_sid(sp, tcon, &tsid) < 0)
		return SEPOLICY_ACC_BADTCON;
	if (want_cons)
		rc = sepol_compute_av_reason_buffer(
		    ssid, tsid, cls, perms, &avd, &acc->reason, &buf, 0);
	else
		rc = sepol_compute_av_reason(ssid, tsid, cls, perms, &avd,
		                             &acc->reason);
	if (rc < 0) {
		free(buf);
		return SEPOLICY_ACC_BADCOMPUTE;
	}
	acc->allowed = avd.allowed;
	acc->auditdeny = avd.auditdeny;
	if (buf != NULL && (acc->reason & SEPOL_COMPUTEAV_CONS))
		acc->constraint = buf;
	else
		free(buf);
	return SEPOLICY_ACC_OK;
}

int
sepolicy_allows(struct sepolicy *sp, const char *source, const char *target,
                const char *tclass, const char *perm)
{
	char scon[256], tcon[256];
	struct sepolicy_access acc;
	uint16_t cls;
	uint32_t av;

	if ((cls = sepolicy_class(sp, tclass)) == 0 ||
	    (av = sepolicy_perm(sp, cls, perm)) == 0)
		return 0;
	/* Roles only lend a valid context: object_r is fixed for every
	 * object, system_r is the daemons' role in refpolicy and Fedora;
	 * type enforcement decides the answer. */
	sepolicy_context(sp, "system_r", source, scon, sizeof(scon));
	sepolicy_context(sp, "object_r", target, tcon, sizeof(tcon));
	if (sepolicy_access(sp, scon, tcon, cls, av, 0, &acc) !=
	    SEPOLICY_ACC_OK)
		return 0;
	return (acc.allowed & av) == av;
}

/* ---- ports ---- */

int
sepolicy_proto_number(const char *proto)
{
	if (strcmp(proto, "tcp") == 0)
		return IPPROTO_TCP;
	if (strcmp(proto, "udp") == 0)
		return IPPROTO_UDP;
	if (strcmp(proto, "sctp") == 0)
		return IPPROTO_SCTP;
	if (strcmp(proto, "dccp") == 0)
		return IPPROTO_DCCP;
	return -1;
}

static const char *
proto_name(int number)
{
	switch (number) {
	case IPPROTO_TCP:
		return "tcp";
	case IPPROTO_UDP:
		return "udp";
	case IPPROTO_SCTP:
		return "sctp";
	case IPPROTO_DCCP:
		return "dccp";
	}
	return NULL;
}

static const char *
type_name(const policydb_t *p, uint32_t type)
{
	if (type == 0 || type > p->p_types.nprim)
		return NULL;
	return p->p_type_val_to_name[type - 1];
}

const char *
sepolicy_port_type(const struct sepolicy *sp, const char *proto, int port)
{
	int protocol = sepolicy_proto_number(proto);
	const ocontext_t *c;

	if (protocol < 0)
		return NULL;
	for (c = sp->p->ocontexts[OCON_PORT]; c != NULL; c = c->next)
		if (c->u.port.protocol == protocol &&
		    port >= c->u.port.low_port && port <= c->u.port.high_port)
			return type_name(sp->p, c->context[0].type);
	/* No portcon: the kernel labels the port with the "port" initial
	 * SID's context. */
	for (c = sp->p->ocontexts[OCON_ISID]; c != NULL; c = c->next)
		if (c->sid[0] == INITIAL_SID_PORT)
			return type_name(sp->p, c->context[0].type);
	return NULL;
}

int
sepolicy_ports(const struct sepolicy *sp,
               int (*f)(const char *proto, int low, int high, const char *type,
                        void *arg),
               void *arg)
{
	const ocontext_t *c;
	int rc;

	for (c = sp->p->ocontexts[OCON_PORT]; c != NULL; c = c->next) {
		const char *proto = proto_name(c->u.port.protocol);
		const char *type = type_name(sp->p, c->context[0].type);

		/* The kernel labels only these protocols' ports. */
		if (proto == NULL || type == NULL)
			continue;
		if ((rc = f(proto, c->u.port.low_port, c->u.port.high_port,
		            type, arg)) != 0)
			return rc;
	}
	return 0;
}
