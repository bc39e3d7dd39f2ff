/*
 * review_fix - the fixes pfsel-label review offers, each a unit that
 * covers one or more groups of denials.
 *
 * cmd_review.c builds them once every group is diagnosed
 * (review_diag.c picks each group's fix); review_output.c and
 * review_json.c print them.  Groups whose fixes are the same thing (one
 * restorecon of one path, one port label, one set of booleans, one spec
 * section) share a unit, printed once with the groups it covers: the
 * [log] section that five Postfix daemons' denials ask for is one fix,
 * and one socket gets one [socket] section whose clients are all the
 * daemons that reach it.  An allow rule stays one unit per group.
 *
 * Units are ordered by kind (enum rv_fix: what grants least first), then
 * the ones without a risk note before the ones with, then by how many
 * denials they fix.
 */
#ifndef PFSEL_REVIEW_FIX_H
#define PFSEL_REVIEW_FIX_H

#include <stddef.h>

#include "review_group.h"

struct rv_fix_unit {
	int kind;                 /* enum rv_fix */
	struct rv_group **groups; /* the groups it fixes, most denials first */
	size_t ngroups;
	unsigned long denials;
	/* RV_FIX_SPEC: the section (interned); written by --spec as is
	 * only when complete (no FILL IN line) and not in conflict */
	const char *spec;
	int complete;
	const char *conflict; /* why it is not written, or NULL */
	const char *risk;     /* a wide grant in words, or NULL */
};

struct rv_fixes {
	struct rv_fix_unit *v;
	size_t n;
};

/*
 * Units for the n diagnosed groups.  Sets each socket group's
 * diag->spec to its socket's shared section, and reorders groups[] as
 * the units list them (unit by unit), so that a group's index is the
 * same in every output.
 */
void rv_fixes_build(struct rv_table *t, struct rv_group **groups, size_t n,
                    struct rv_fixes *out);
void rv_fixes_free(struct rv_fixes *f);

#endif
