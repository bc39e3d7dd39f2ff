/*
 * review_output - print what pfsel-label review found.
 *
 * Called by cmd_review.c after every group is diagnosed.  Four forms:
 * readable text grouped and ordered by fix (colour when asked), JSON
 * (one object, every field the tests compare), a policy module of the
 * allow rules that remain (--te NAME, for pfsel-gen build or
 * checkmodule/semodule_package), and the pfsel spec sections to add
 * (--spec).
 */
#ifndef PFSEL_REVIEW_OUTPUT_H
#define PFSEL_REVIEW_OUTPUT_H

#include <stdio.h>

#include "review_fix.h"
#include "review_group.h"
#include "review_input.h"

struct rv_report {
	struct rv_table *table;   /* the groups' table (interns sections) */
	struct rv_group **groups; /* in the order of fixes (rv_report_sort) */
	size_t ngroups;
	struct rv_fixes fixes; /* each fix once, with the groups it covers */
	const struct rv_stats *stats;
	const struct rv_err *errs;
	size_t nerrs;
	const char *policy; /* path, or NULL */
	int color;
};

/*
 * Group the diagnosed groups into fixes (review_fix.h) and order groups
 * as the fixes list them; r->table must be set.  rv_report_done frees
 * the fixes.
 */
void rv_report_sort(struct rv_report *r);
void rv_report_done(struct rv_report *r);

void rv_print_text(FILE *fp, const struct rv_report *r);
void rv_print_json(FILE *fp, const struct rv_report *r);
/* Returns the number of rules written. */
int rv_print_te(FILE *fp, const struct rv_report *r, const char *module);
/* Returns the number of sections written. */
int rv_print_spec(FILE *fp, const struct rv_report *r);

#endif
