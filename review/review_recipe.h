/*
 * review_recipe - denials that a pfsel spec section fixes.
 *
 * Called by review_diag.c for a group a TE rule would otherwise fix.
 * Each recipe recognises a Postfix extension the stock policy cannot
 * know about (a nonstandard maillog_file, a virtual(8) mailbox tree, a
 * milter or other socket, a program master(8) runs, a port) and writes
 * the spec section (pfsel-spec(5)) that makes pfsel-gen label and allow
 * it properly.
 */
#ifndef PFSEL_REVIEW_RECIPE_H
#define PFSEL_REVIEW_RECIPE_H

#include "review_group.h"

/*
 * Whether exe is a system program: one pfsel never gives a domain of
 * its own (review_diag.c asks the policy and policy/label-guard).
 */
struct rv_program_check {
	int (*is_system)(void *arg, const char *exe);
	void *arg;
};

/* The spec section text (interned), or NULL; *why says which recipe. */
const char *rv_recipe(struct rv_table *t, const struct rv_group *g,
                      const struct rv_program_check *pc, const char **why);

#endif
