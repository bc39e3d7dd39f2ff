/*
 * fcquote - turn a validated path into a file_contexts expression.
 *
 * file_contexts entries are regular expressions and the .fc file goes
 * through m4: "/srv/mail.d" must become `/srv/mail\.d' so that the dot
 * matches only a dot and m4 copies the text without expanding any
 * macro name that happens to be a path component (dnl, gen_context).
 * Paths reaching here passed spec_check_path (no m4 quotes, no
 * backslash, no white space).
 */
#ifndef PFSEL_GEN_FCQUOTE_H
#define PFSEL_GEN_FCQUOTE_H

/* The caller frees the result. */
char *fc_quote_path(const char *path);

#endif
