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

/* A Postfix daemon reaching a socket another program serves. */
struct rv_socket_use {
	const char *path;   /* interned, NULL when the recipe is another */
	const char *server; /* the socket's domain, NULL when not known */
	const char *client; /* the Postfix daemon name (smtpd) */
	int milter;
};

/*
 * The spec section text (interned), or NULL; *why says which recipe.
 * For a socket, *sock is filled too and the text is the section for
 * this group alone: review_fix.c joins the groups of one socket.
 */
const char *rv_recipe(struct rv_table *t, const struct rv_group *g,
                      const struct rv_program_check *pc, const char **why,
                      struct rv_socket_use *sock);

/*
 * The section of one socket used by n clients (names distinct, given
 * by the caller so that every section of a spec has its own), interned.
 */
const char *rv_recipe_socket_section(struct rv_table *t, const char *name,
                                     const struct rv_socket_use *use,
                                     const char *const *clients, size_t n);

/* A spec name from a socket's file name: "opendkim.sock" -> "opendkim",
 * ".s.pgsql.5432" -> "s_pgsql_5432". */
void rv_recipe_socket_name(const char *path, char *out, size_t cap);

#endif
