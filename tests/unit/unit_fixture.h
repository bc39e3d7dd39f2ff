/*
 * unit_fixture - what the cmocka unit tests share: cmocka's headers in
 * the order it needs them, a scratch directory with files written into
 * it, a file read back, and this tree's policy/ as the data directory.
 *
 * Linked into every unit binary (GNUmakefile, UNIT_FIXTURE).  Each
 * helper fails the running test (cmocka's fail_msg) when the machine
 * refuses, so a test never goes on with half its fixture.
 */
#ifndef PFSEL_UNIT_FIXTURE_H
#define PFSEL_UNIT_FIXTURE_H

/* cmocka.h uses these without including them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

/* A new directory $TMPDIR/PREFIX.XXXXXX (else /tmp); the caller frees
 * the name after unit_rmtree. */
char *unit_tmpdir(const char *prefix);
/* DIR and everything below it removed; symbolic links are not followed.
 * NULL (a setup that failed before unit_tmpdir returned): nothing. */
void unit_rmtree(const char *dir);
/* DIR/REL and the directories above it, as mkdir -p. */
void unit_mkdirs(const char *dir, const char *rel);
/* TEXT written to DIR/REL (its directories made); the path, allocated. */
char *unit_write(const char *dir, const char *rel, const char *text);
/* The whole file, NUL-terminated, allocated. */
char *unit_read(const char *path);
/* The maps in this tree's policy/, unless PFSEL_DATADIR says otherwise:
 * tests/run.sh runs the unit binaries from the top of the tree. */
void unit_tree_datadir(void);

#endif
