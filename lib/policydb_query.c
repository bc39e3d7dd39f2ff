/*
 * policydb_query - see policydb_query.h.
 */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "policydb_query.h"
#include "read_file.h"

/*
 * The "port" initial SID: its number is fixed by the kernel
 * (security/selinux/include/initial_sid_to_string.h); a binary policy
 * keeps the number, not the name.
 */
#define INITIAL_SID_PORT 9

sepol_policydb_t *
policydb_load(const char *path, sepol_handle_t *h, struct why *why)
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
	if (h != NULL)
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

int
policydb_proto_number(const char *proto)
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
type_name(const policydb_t *p, uint32_t type)
{
	if (type == 0 || type > p->p_types.nprim)
		return NULL;
	return p->p_type_val_to_name[type - 1];
}

const char *
policydb_port_type(const policydb_t *p, const char *proto, int port)
{
	int protocol = policydb_proto_number(proto);
	const ocontext_t *c;

	if (protocol < 0)
		return NULL;
	for (c = p->ocontexts[OCON_PORT]; c != NULL; c = c->next)
		if (c->u.port.protocol == protocol &&
		    port >= c->u.port.low_port && port <= c->u.port.high_port)
			return type_name(p, c->context[0].type);
	/* No portcon: the kernel labels the port with the "port" initial
	 * SID's context. */
	for (c = p->ocontexts[OCON_ISID]; c != NULL; c = c->next)
		if (c->sid[0] == INITIAL_SID_PORT)
			return type_name(p, c->context[0].type);
	return NULL;
}
