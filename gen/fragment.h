/*
 * fragment - fill a policy/fragments/ file's @PLACEHOLDER@ fields.
 *
 * The policy text lives in policy/fragments (see policy/README); this is
 * the only code that reads it.  Values are inserted verbatim, after a
 * check of each against the shape its placeholder allows (policy_text.h):
 * callers pass values already validated (spec_check) or quoted
 * (policy_text), and one that is not fails the whole module.  A
 * placeholder without a value is an error, never an empty string, so a
 * fragment and the code that fills it cannot silently drift apart.
 */
#ifndef PFSEL_GEN_FRAGMENT_H
#define PFSEL_GEN_FRAGMENT_H

#include "policy_file.h" /* policy_file_read, for the maps */
#include "strbuf.h"
#include "why.h"

#define FRAGMENT_MAX_VARS 24

struct fragment_vars {
	const char *names[FRAGMENT_MAX_VARS];
	const char *values[FRAGMENT_MAX_VARS];
	int count;
};

/* Set (or replace) NAME; the strings must outlive the fragment call. */
void fragment_set(struct fragment_vars *v, const char *name, const char *value);
/* Append the filled fragment policy/fragments/FILE to out. */
int fragment_append(struct strbuf *out, const char *file,
                    const struct fragment_vars *v, struct why *why);

#endif
