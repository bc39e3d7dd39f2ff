/*
 * policy_file - read pfsel's policy/ data files (policy/README).
 *
 * Used by pfsel-gen (fragments, maps, label-guard) and by pfsel-label
 * review (label-guard), so that both read one copy of what pfsel knows.
 */
#ifndef PFSEL_POLICY_FILE_H
#define PFSEL_POLICY_FILE_H

#include "why.h"

/* Read a policy/ data file (e.g. postfix-daemons.map) whole. */
char *policy_file_read(const char *name, struct why *why);

/*
 * Whether a "KIND VALUE" line of text (a "VALUE" line for kind NULL,
 * as in generic-types) names value: equal, or VALUE ends in '*' and is
 * a prefix of it ("program python*").
 */
int policy_file_lists(const char *text, const char *kind, const char *value);

/*
 * policy_file_lists() on the policy/ file name, read once per process
 * (thread-safe).  For the predicates that have no error path (is this
 * port type generic?): policy/ is pfsel's own installed data, and a
 * program that cannot read it cannot answer, so that is fatal.
 */
int policy_file_has(const char *name, const char *kind, const char *value);

#endif
