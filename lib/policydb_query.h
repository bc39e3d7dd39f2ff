/*
 * policydb_query - loading a binary policy with libsepol and the
 * questions pfsel-gen and pfsel-label review ask of it alike, answered
 * one way.  Used by gen/policyinfo.c, gen/ports.c and
 * review/review_policy.c.
 */
#ifndef PFSEL_POLICYDB_QUERY_H
#define PFSEL_POLICYDB_QUERY_H

#include <sepol/handle.h>
#include <sepol/policydb.h>
#include <sepol/policydb/policydb.h>

#include "why.h"

/*
 * The binary policy at path, NULL with why.  It is read into memory
 * first and parsed from there: libsepol reads a FILE * a few bytes per
 * fread(), which was a fifth of the load (46 ms of CPU for Debian's 2 MB
 * policy.33).  h (may be NULL) receives libsepol's messages.
 */
sepol_policydb_t *policydb_load(const char *path, sepol_handle_t *h,
                                struct why *why);

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
