/*
 * policy_text - whitelists and m4 quoting for policy text; see
 * policy_text.h.
 */
#include <string.h>

#include "policy_text.h"
#include "strbuf.h"

static int
is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/*
 * No m4 quote, parenthesis, comma, "#", "$", backslash, white space or
 * control byte; "." and "+" are the only regex metacharacters left, and
 * policy_text_fc_regex() escapes them.
 */
int
policy_text_path_byte(unsigned char c)
{
	return is_alnum(c) || (c != '\0' && strchr("/._-+@:=~%", c) != NULL);
}

static int
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

static int
type_set_byte(unsigned char c)
{
	return word_byte(c) || c == ' ' || c == ',' || c == '{' || c == '}';
}

static int
comment_byte(unsigned char c)
{
	return policy_text_path_byte(c) || c == ' ' || c == '[' || c == ']';
}

/* Inside `...': path bytes, the backslashes of regex escapes, the
 * double quotes of a type_transition name and the operators of the
 * expressions pfsel writes itself (a queue's "active(/.*)?"), which m4
 * leaves alone inside its quotes; never an m4 quote. */
static int
quoted_byte(unsigned char c)
{
	return policy_text_path_byte(c) || c == '\\' || c == '"' ||
	       (c != '\0' && strchr("()*?|", c) != NULL);
}

/*
 * Words m4 expands even without "(": GNU m4's builtins (those that need
 * arguments are listed too, in case a later m4 relaxes that), and the
 * refpolicy support macros whose names have no "_".  Every other macro of
 * refpolicy, of Red Hat's policy, of the Makefile's -D options and of the
 * module's own interfaces has an underscore in its name.
 */
static const char *const m4_words[] = {
    "builtin",   "changecom", "changequote",  "changeword",    "debugfile",
    "debugmode", "decr",      "define",       "defn",          "divert",
    "divnum",    "dnl",       "dumpdef",      "errprint",      "esyscmd",
    "eval",      "format",    "ifdef",        "ifelse",        "include",
    "incr",      "index",     "indir",        "len",           "m4exit",
    "m4wrap",    "maketemp",  "mkstemp",      "patsubst",      "popdef",
    "pushdef",   "regexp",    "shift",        "sinclude",      "substr",
    "syscmd",    "sysval",    "traceoff",     "traceon",       "translit",
    "undefine",  "undivert",  "unix",         "windows",       "os2",
    "ifndef",    "interface", "refpolicyerr", "refpolicywarn", "shiftn",
    "template",
};

static int
is_m4_word_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Every m4 word of the len bytes at name is one no macro can have. */
static int
m4_inert(const char *name, size_t len)
{
	const char *p = name, *end = name + len;

	while (p < end) {
		size_t n, i;

		if (!is_m4_word_start((unsigned char)*p)) {
			p++;
			continue;
		}
		for (n = 1;
		     p + n < end && (is_m4_word_start((unsigned char)p[n]) ||
		                     (p[n] >= '0' && p[n] <= '9'));
		     n++)
			;
		if (memchr(p, '_', n))
			return 0;
		for (i = 0; i < sizeof(m4_words) / sizeof(m4_words[0]); i++)
			if (strlen(m4_words[i]) == n &&
			    strncmp(m4_words[i], p, n) == 0)
				return 0;
		p += n;
	}
	return 1;
}

static const char *const shape_names[] = {
    [POLICY_TEXT_WORD] = "a name (a-z, 0-9, _)",
    [POLICY_TEXT_TYPE_SET] = "a set of type names",
    [POLICY_TEXT_COMMENT] = "comment text",
    [POLICY_TEXT_QUOTED] = "a string m4 copies unexpanded",
};

int
policy_text_check(enum policy_text_shape shape, const char *value,
                  struct why *why)
{
	int (*ok)(unsigned char) = shape == POLICY_TEXT_WORD ? word_byte
	                           : shape == POLICY_TEXT_TYPE_SET
	                               ? type_set_byte
	                           : shape == POLICY_TEXT_COMMENT ? comment_byte
	                                                          : quoted_byte;
	const char *p = value;
	size_t len = strlen(value);

	if (len == 0)
		return why_set(why, "an empty value is not %s",
		               shape_names[shape]);
	if (shape == POLICY_TEXT_QUOTED) {
		int m4_quoted = value[0] == '`' && value[len - 1] == '\'';
		int plain = value[0] == '"' && value[len - 1] == '"';

		if (len < 2 || !(m4_quoted || plain) ||
		    (plain && !m4_inert(value + 1, len - 2)))
			return why_set(why, "value is not %s",
			               shape_names[shape]);
		p++;
		len -= 2;
		/* A plain string holds no quote of its own. */
		ok = plain ? policy_text_path_byte : quoted_byte;
	}
	for (; len > 0; p++, len--)
		if (!ok((unsigned char)*p))
			return why_set(
			    why,
			    "byte 0x%02x is not allowed in %s, which "
			    "pfsel writes into policy text",
			    (unsigned char)*p, shape_names[shape]);
	return 0;
}

char *
policy_text_fc_regex(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;

	strbuf_addc(&sb, '`');
	for (p = path; *p; p++) {
		if (strchr(".^$*+?()[]{}|\\", *p))
			strbuf_addc(&sb, '\\');
		strbuf_addc(&sb, *p);
	}
	strbuf_addc(&sb, '\'');
	return strbuf_detach(&sb);
}

char *
policy_text_name_string(const char *name)
{
	struct strbuf sb = STRBUF_INIT;

	if (m4_inert(name, strlen(name)))
		strbuf_addf(&sb, "\"%s\"", name);
	else
		strbuf_addf(&sb, "`\"%s\"'", name);
	return strbuf_detach(&sb);
}
