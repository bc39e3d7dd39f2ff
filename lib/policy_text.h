/*
 * policy_text - the one rule for values that enter policy text.
 *
 * Generated .te/.fc/.if files go through m4 (refpolicy's macros) and
 * checkmodule: a value that carries an m4 quote, a parenthesis or a
 * comma can end a macro argument or call a macro (esyscmd, define), a
 * newline ends a comment and starts a rule, and m4 rescans a macro's
 * arguments at every level of nesting, so quoting once is not enough
 * once a value is passed down.  pfsel therefore writes a value in one
 * of a few shapes only, each with a character whitelist:
 *
 *   POLICY_TEXT_WORD      identifiers: types, attributes, interfaces,
 *                         module and section names, [a-z0-9_]
 *   POLICY_TEXT_TYPE_SET  "{ a_t b_t }" or "a_t, b_t" (pfsel builds them
 *                         from words)
 *   POLICY_TEXT_COMMENT   text of a "#" comment line: path characters,
 *                         space, [ and ]; never a newline
 *   POLICY_TEXT_QUOTED    a string made below (m4-quoted unless no macro
 *                         can be in it), written at the top level of a
 *                         file, never inside a macro call
 *
 * Paths must consist of policy_text_path_byte() characters: letters,
 * digits and / . _ - + @ : = ~ %.  Anything else is refused where the
 * value is read (spec_check, with file:line), and fragment.c checks every
 * value against its placeholder's shape once more as it fills a fragment,
 * so a value that slipped past validation fails instead of being written.
 */
#ifndef PFSEL_POLICY_TEXT_H
#define PFSEL_POLICY_TEXT_H

#include "why.h"

enum policy_text_shape {
	POLICY_TEXT_WORD,
	POLICY_TEXT_TYPE_SET,
	POLICY_TEXT_COMMENT,
	POLICY_TEXT_QUOTED,
};

/* c may appear in a path pfsel writes into policy. */
int policy_text_path_byte(unsigned char c);
/* 0 when value has the shape, else -1 with a reason naming the byte. */
int policy_text_check(enum policy_text_shape shape, const char *value,
                      struct why *why);
/*
 * A path as a file_contexts regular expression, m4-quoted:
 * "/srv/mail.d" -> `/srv/mail\.d'.  The caller frees it.
 */
char *policy_text_fc_regex(const char *path);
/*
 * A file name (of path bytes) as the string of a named type_transition
 * written at the top level of a .te: "mail.log" stays "mail.log", which
 * selint and every reader expect; a name holding a word that m4 or the
 * policy's macros could expand (dnl, divert, my_log) is m4-quoted,
 * `"dnl"', so that m4 copies it.  The caller frees it.
 */
char *policy_text_name_string(const char *name);

#endif
