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

/* Inside `...': path bytes, the backslashes of regex escapes and the
 * double quotes of a type_transition name; never an m4 quote. */
static int
quoted_byte(unsigned char c)
{
	return policy_text_path_byte(c) || c == '\\' || c == '"';
}

static const char *const shape_names[] = {
    [POLICY_TEXT_WORD] = "a name (a-z, 0-9, _)",
    [POLICY_TEXT_TYPE_SET] = "a set of type names",
    [POLICY_TEXT_COMMENT] = "comment text",
    [POLICY_TEXT_QUOTED] = "an m4-quoted string",
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
		if (len < 2 || value[0] != '`' || value[len - 1] != '\'')
			return why_set(why, "value is not %s",
			               shape_names[shape]);
		p++;
		len -= 2;
	}
	for (; len > 0; p++, len--)
		if (!ok((unsigned char)*p))
			return why_set(why,
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

	strbuf_addf(&sb, "`\"%s\"'", name);
	return strbuf_detach(&sb);
}
