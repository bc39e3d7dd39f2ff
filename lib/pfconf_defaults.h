/*
 * pfconf_defaults - the values of parameters main.cf leaves unset.
 *
 * From `postconf -d` when Postfix is installed (the real defaults of the
 * real build, e.g. Debian's daemon_directory), else from a built-in table
 * of the parameters pfsel's scan reads.  postconf is only asked for its
 * defaults: main.cf and master.cf are always parsed by pfsel.
 * Called by pfconf_config.c.
 */
#ifndef PFSEL_PFCONF_DEFAULTS_H
#define PFSEL_PFCONF_DEFAULTS_H

#include "pfconf_table.h"

enum pfconf_defaults_source {
	PFCONF_DEFAULTS_AUTO,    /* postconf -d if it runs, else built in */
	PFCONF_DEFAULTS_BUILTIN, /* never run postconf */
};

/* Fill t; returns 1 when the values came from postconf -d, 0 if built in. */
int pfconf_defaults_load(struct pfconf_table *t,
                         enum pfconf_defaults_source source);
/* Only the built-in table. */
void pfconf_defaults_builtin(struct pfconf_table *t);

#endif
