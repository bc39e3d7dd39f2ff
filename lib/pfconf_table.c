/*
 * pfconf_table - name = value pairs; see pfconf_table.h.
 *
 * A linear array: main.cf holds tens of entries and `postconf -d` about a
 * thousand, looked up a few hundred times per scan, so a hash buys
 * nothing measurable.
 */
#include <stdlib.h>
#include <string.h>

#include "pfconf_table.h"
#include "xalloc.h"

static struct pfconf_param *
find(const struct pfconf_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->count; i++)
		if (strcmp(t->items[i].name, name) == 0)
			return &t->items[i];
	return NULL;
}

void
pfconf_table_set(struct pfconf_table *t, const char *name, const char *value,
                 int line)
{
	struct pfconf_param *p = find(t, name);

	if (p == NULL) {
		t->items =
		    xreallocarray(t->items, t->count + 1, sizeof(*t->items));
		p = &t->items[t->count++];
		p->name = xstrdup(name);
	} else {
		free(p->value);
	}
	p->value = xstrdup(value);
	p->line = line;
}

void
pfconf_table_add(struct pfconf_table *t, const char *name, const char *value,
                 int line)
{
	struct pfconf_param *p;

	t->items = xreallocarray(t->items, t->count + 1, sizeof(*t->items));
	p = &t->items[t->count++];
	p->name = xstrdup(name);
	p->value = xstrdup(value);
	p->line = line;
}

const struct pfconf_param *
pfconf_table_get(const struct pfconf_table *t, const char *name)
{
	return find(t, name);
}

void
pfconf_table_free(struct pfconf_table *t)
{
	size_t i;

	for (i = 0; i < t->count; i++) {
		free(t->items[i].name);
		free(t->items[i].value);
	}
	free(t->items);
	t->items = NULL;
	t->count = 0;
}
