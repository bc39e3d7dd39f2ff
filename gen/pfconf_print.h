/*
 * pfconf_print - what pfsel's reader computed, in postconf's formats.
 *
 * `pfsel-gen scan --print n|M|F|P` writes the same lines as
 * `postconf -n -x`, `-M`, `-F` and `-P`, so the tests can hold pfsel's
 * reader against the real Postfix.  Values are printed as postconf does:
 * words separated by one space.  main.cf parameters Postfix does not
 * know are printed too; postconf omits those it considers unused.
 */
#ifndef PFSEL_PFCONF_PRINT_H
#define PFSEL_PFCONF_PRINT_H

#include <stdio.h>

#include "pfconf_config.h"
#include "why.h"

/* what: 'n', 'M', 'F' or 'P'; -1 with why on an expansion error. */
int pfconf_print(const struct pfconf *c, int what, FILE *fp, struct why *why);

#endif
