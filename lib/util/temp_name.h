/*
 * temp_name - the template for a temporary file or directory under
 * $TMPDIR (else /tmp): "DIR/PREFIX.XXXXXX", for mkstemp(3) or mkdtemp(3).
 */
#ifndef PFSEL_TEMP_NAME_H
#define PFSEL_TEMP_NAME_H

/* Allocated; the caller frees it. */
char *temp_name(const char *prefix);

#endif
