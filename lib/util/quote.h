/*
 * quote - the one rule for showing a value pfsel did not write (a file
 * name, an audit-log field, a main.cf line) on a terminal, in a shell
 * command or in JSON.
 *
 * Such values are bytes: a file name may hold a newline that would forge
 * a whole report line, ESC or BEL bytes that drive the terminal, a quote
 * that ends a shell word.  Three encodings, used by every printer of
 * pfsel-label (check, apply, review) and pfsel-gen (scan, install):
 *
 * quote_text: for text output.  Printable ASCII and valid UTF-8 of
 *   printable characters are copied; "\" becomes "\\"; newline, tab and
 *   carriage return become "\n", "\t", "\r"; every other byte of a
 *   control character (C0, DEL, the C1 controls U+0080..U+009F), of a
 *   bidirectional or line/paragraph separator character (U+061C,
 *   U+200E, U+200F, U+2028..U+202E, U+2066..U+2069) and every byte that
 *   is not valid UTF-8 becomes "\xHH".  The result holds no control
 *   byte, so it stays on its line and cannot drive a terminal, and the
 *   original bytes can be read back from it.
 *
 * quote_shell: one POSIX shell word.  Words of only
 *   [A-Za-z0-9_@%+=:,./-] are left bare, anything else is put in single
 *   quotes with each ' written '\''; sh reads back exactly the bytes.
 *   quote_command() builds a command line to show a person: a value that
 *   quote_text would change (bytes a terminal cannot show) is not
 *   written as a runnable word.
 *
 * quote_json: a JSON string that is always valid UTF-8: '"', '\',
 *   control characters and the characters quote_text escapes are
 *   escaped (\uXXXX), other valid UTF-8 is copied, and a byte
 *   that is not valid UTF-8 becomes the lone surrogate \udcXX (Python's
 *   "surrogateescape", PEP 383), so distinct names stay distinct and the
 *   bytes can be recovered.
 *
 * Callers use these only where output is written, never while working.
 */
#ifndef PFSEL_QUOTE_H
#define PFSEL_QUOTE_H

#include <stddef.h>
#include <stdio.h>

#include "strbuf.h"

/* Append s (NUL-terminated), escaped for text output. */
void quote_text(struct strbuf *sb, const char *s);
/* sb emptied, then quote_text(s); returns sb's text: for messages
 * (errno is kept for warn()). */
const char *quote_text_str(struct strbuf *sb, const char *s);
/* The same for n bytes that may include NUL (written "\x00"). */
void quote_text_mem(struct strbuf *sb, const char *s, size_t n);
/*
 * For diagnostics (msg.c), which quote spec and main.cf text and may span
 * lines (a build's output): as quote_text, but newlines, tabs and
 * backslashes pass unchanged, so only what could drive a terminal is
 * escaped.
 */
void quote_message(struct strbuf *sb, const char *s, size_t n);
/* Append at most max bytes of quote_text(s), "..." marking a cut; the
 * cut never splits an escape or a UTF-8 character. */
void quote_text_max(struct strbuf *sb, const char *s, size_t max);
/* 1 when quote_text(s) would copy s unchanged, else 0. */
int quote_text_plain(const char *s);
/* 1 when every byte of s shows as itself on a terminal: quote_text would
 * change nothing but backslashes. */
int quote_printable(const char *s);

/* Append s as one POSIX shell word. */
void quote_shell(struct strbuf *sb, const char *s);
/*
 * Append the words of argv (NULL-terminated) separated by blanks, each
 * as quote_shell writes it.  Returns 0; or -1 when a word is not
 * printable: that word is then written escaped (quote_text) between
 * '<' and '>', so that the line cannot be run as it stands.
 */
int quote_command(struct strbuf *sb, const char *const *argv);

/* Append s as a JSON string; NULL as null. */
void quote_json(struct strbuf *sb, const char *s);

/* Write quote(s) to fp: for printers that write to a FILE. */
void quote_fputs(FILE *fp, void (*quote)(struct strbuf *, const char *),
                 const char *s);

#endif
