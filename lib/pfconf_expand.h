/*
 * pfconf_expand - Postfix's $name expansion (mac_expand(3)).
 *
 * Forms: $name, ${name}, $(name), ${name?value}, ${name:value}, the
 * {value} variants ${name?{value}}, ${name?{v1}:{v2}}, ${name:{value}},
 * the relational ${{a} == {b} ? {v1} : {v2}} (==, !=, <, <=, >, >=, and
 * the <level forms Postfix's own defaults use), and $$ for a dollar.
 * Expansion is recursive; undefined names expand to nothing, as in
 * Postfix; a nesting deeper than Postfix's 100 is an error (a $name loop).
 * Called by pfconf_config.c and the scan detectors.
 */
#ifndef PFSEL_PFCONF_EXPAND_H
#define PFSEL_PFCONF_EXPAND_H

#include "pfconf_table.h"
#include "why.h"

#define PFCONF_SCOPE_MAX 6

/* Where $name is looked up: the first table that has it wins. */
struct pfconf_scope {
	const struct pfconf_table *tables[PFCONF_SCOPE_MAX];
	int count;
};

/* The unexpanded value of name in scope, or NULL when undefined. */
const char *pfconf_scope_raw(const struct pfconf_scope *sc, const char *name);

/* Expand value; NULL with why (no file:line, the caller adds it). */
char *pfconf_expand(const struct pfconf_scope *sc, const char *value,
                    struct why *why);

/* Parameters Postfix never expands when it loads them (postconf -x
 * leaves them alone); measured with postconf 3.7: see pfconf_expand.c. */
int pfconf_is_raw(const char *name);

#endif
