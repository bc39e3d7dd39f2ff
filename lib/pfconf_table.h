/*
 * pfconf_table - name = value pairs with the line each came from.
 *
 * One shape for main.cf parameters, Postfix's defaults and a master.cf
 * service's -o overrides, so that $name lookup (pfconf_expand.c) can walk
 * them in order.  A later set of the same name replaces the value, as in
 * Postfix, where the last main.cf entry wins.
 */
#ifndef PFSEL_PFCONF_TABLE_H
#define PFSEL_PFCONF_TABLE_H

#include <stddef.h>

struct pfconf_param {
	char *name;
	char *value;
	int line; /* 0 when not from a file */
};

struct pfconf_table {
	struct pfconf_param *items;
	size_t count;
};

void pfconf_table_set(struct pfconf_table *t, const char *name,
                      const char *value, int line);
/* Append without replacing, for lists of notes. */
void pfconf_table_add(struct pfconf_table *t, const char *name,
                      const char *value, int line);
const struct pfconf_param *pfconf_table_get(const struct pfconf_table *t,
                                            const char *name);
void pfconf_table_free(struct pfconf_table *t);

#endif
