/*
 * datadir - where pfsel's own data (policy/) lives.
 *
 * Used by policy_file.c, the one reader of policy/.  The order:
 * $PFSEL_DATADIR when set (tests, a second checkout); else the checkout
 * a program was built in, when it runs from there (build/pfsel-gen,
 * build/asan/pfsel-label, build/asan/tests/NAME: the nearest directory up
 * to three levels above the executable's that holds GNUmakefile and
 * policy/README); else the data
 * directory compiled in at build time (DATADIR, the installed layout).
 */
#ifndef PFSEL_DATADIR_H
#define PFSEL_DATADIR_H

const char *pfsel_datadir(void);

#endif
