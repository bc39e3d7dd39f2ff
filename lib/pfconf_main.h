/*
 * pfconf_main - main.cf as Postfix reads it: logical lines of the form
 * "name = value", blanks around both trimmed, the last entry winning.
 *
 * Called by pfconf_config.c for the main instance and each postmulti
 * instance; the fuzz target fuzz_gen_maincf.c feeds it arbitrary text.
 */
#ifndef PFSEL_PFCONF_MAIN_H
#define PFSEL_PFCONF_MAIN_H

#include <stddef.h>

#include "pfconf_lines.h"
#include "pfconf_table.h"
#include "why.h"

struct pfconf_main {
	struct pfconf_table params;
	/* Entries Postfix ignores, each "N: reason" with N the line. */
	struct pfconf_table ignored;
};

/* file names the text in messages ("main.cf:12: ..."). */
int pfconf_main_parse(struct pfconf_main *m, const char *file, const char *text,
                      size_t len, struct why *why);
void pfconf_main_free(struct pfconf_main *m);

#endif
