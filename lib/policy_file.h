/*
 * policy_file - read pfsel's policy/ data files (policy/README).
 *
 * Used by pfsel-gen (fragments, maps, label-guard) and by pfsel-label
 * (label-guard, type-roles, the types named by role), so that both read
 * one copy of what pfsel knows.
 */
#ifndef PFSEL_POLICY_FILE_H
#define PFSEL_POLICY_FILE_H

#include "why.h"

/* Read a policy/ data file (e.g. postfix-daemons.map) whole. */
char *policy_file_read(const char *name, struct why *why);

/*
 * Whether a "KIND VALUE" line of text (a "VALUE" line for kind NULL,
 * as in generic-types) names value: equal, or VALUE ends in '*' and is
 * a prefix of it ("program python*"), or begins with '*' and is a
 * suffix ("*_keys_t"), or both and is a part of it ("*_key_t*").
 */
int policy_file_lists(const char *text, const char *kind, const char *value);

/*
 * policy_file_lists() on the policy/ file name, read once per process
 * (thread-safe).  For the predicates that have no error path (is this
 * port type generic?): policy/ is pfsel's own installed data, and a
 * program that cannot read it cannot answer, so that is fatal.
 */
int policy_file_has(const char *name, const char *kind, const char *value);

/*
 * The n-th word after VALUE (n >= 1) on the first line of the policy/
 * file name that policy_file_has() would find ("client smtpd_milters
 * smtpd milter_port_t": 2 gives milter_port_t), allocated; NULL when no
 * line names value or it has fewer words.  Read as policy_file_has().
 */
char *policy_file_field(const char *name, const char *kind, const char *value,
                        int n);

/*
 * The type (or attribute) policy/named-types gives role ("mail-spool":
 * mail_spool_t), for code that needs the one type playing a part: C
 * names the part, policy/ the type.  Read as policy_file_has(), kept for
 * the process (do not free it).  A role the map lacks, or a type that is
 * not a name, is a broken install: fatal, naming the map and the role.
 */
const char *policy_type(const char *role);

/*
 * The domain policy/postfix-daemons.map gives a Postfix daemon
 * ("master": postfix_master_t); fatal as policy_type() when it has none.
 */
const char *policy_daemon_domain(const char *daemon);

#endif
