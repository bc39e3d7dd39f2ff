/*
 * spec_check - validation of the values a spec may carry.
 *
 * Everything the generator later writes into .te/.fc/.if text passes one
 * of these checks first, so that no value can break out of m4 quoting,
 * a .fc column or a regular expression.  Each returns 0 when the value is
 * acceptable, else -1 with a reason (without file:line; the caller adds
 * where the value came from).
 */
#ifndef PFSEL_SPEC_CHECK_H
#define PFSEL_SPEC_CHECK_H

#include "why.h"

/* [a-z][a-z0-9_]*, at most max characters. */
int spec_check_identifier(const char *s, size_t max, struct why *why);
/* An SELinux type name: an identifier ending in "_t". */
int spec_check_type(const char *s, struct why *why);
/*
 * An absolute path that can be written into policy text: only the bytes
 * of policy_text_path_byte() (no m4 quote, parenthesis or comma, no white
 * space), no empty, "." or ".." component, no trailing slash.
 */
int spec_check_path(const char *s, struct why *why);
/* "PROTO/PORT" or "PROTO/LOW-HIGH". */
int spec_parse_port_range(const char *s, char proto[8], int *low, int *high,
                          struct why *why);

#endif
