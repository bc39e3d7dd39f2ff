/*
 * build_tmp - the temporary directory a module is built in when the
 * user keeps none ($TMPDIR/pfsel-gen.XXXXXX), and its removal.  Used by
 * install, bundle and verify (which rebuilds to find drift).
 */
#ifndef PFSEL_GEN_BUILD_TMP_H
#define PFSEL_GEN_BUILD_TMP_H

/* A new private directory (malloc'd); exits when none can be made. */
char *build_tmp_create(void);
/* rm -r dir, never following a symbolic link; then free(dir). */
void build_tmp_remove(char *dir);

#endif
