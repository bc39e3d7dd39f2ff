/*
 * policydb_query - questions to a loaded binary policy (libsepol's
 * policydb_t) that pfsel-gen and pfsel-label review ask alike, answered
 * one way: the port label here; gen/policyinfo.c and
 * labeler/review_policy.c load the policy and call these.
 */
#ifndef PFSEL_POLICYDB_QUERY_H
#define PFSEL_POLICYDB_QUERY_H

#include <sepol/policydb/policydb.h>

/* The IP protocol number of "tcp", "udp", "sctp" or "dccp"; -1 for any
 * other name. */
int policydb_proto_number(const char *proto);

/*
 * The type the kernel gives proto/port: that of the first portcon
 * covering it, in policy order (libsepol sorts narrower ranges and local
 * labels first), else that of the "port" initial SID (port_t in
 * refpolicy and Fedora's policy).  The name is the policy's; NULL for an
 * unknown protocol or a policy without either.
 */
const char *policydb_port_type(const policydb_t *p, const char *proto,
                               int port);

#endif
