/*
 * pfconf_main - parse main.cf; see pfconf_main.h.
 *
 * Mirrors split_nameval(3) of Postfix: the name runs to the first blank
 * or '=', blanks may surround '=', and the value is trimmed at both ends.
 * What Postfix rejects ("missing '=' after attribute name") is an error
 * here too, with the file:line Postfix would name.  So is a "{" that is
 * never closed, where postconf only warns ("missing '}'").
 */
#include <stdlib.h>
#include <string.h>

#include "pfconf_main.h"
#include "xalloc.h"

static int
pf_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

/* Parameters a process sets for itself; Postfix warns and ignores them. */
static int
read_only(const char *name)
{
	return strcmp(name, "process_name") == 0 ||
	       strcmp(name, "process_id") == 0 ||
	       strcmp(name, "service_name") == 0;
}

/* A "{" never closed, as Postfix's list parser (extpar) sees it: the
 * daemons that read the value stop or warn; guessing would misdescribe.
 * An unclosed "${" is left to the expansion, which names it better. */
static int
unclosed_brace(const char *value)
{
	char *opens = xmalloc(strlen(value) + 1); /* 1: a "${" */
	size_t depth = 0, i;
	int plain = 0;

	for (i = 0; value[i]; i++) {
		if (value[i] == '{')
			opens[depth++] = i > 0 && value[i - 1] == '$';
		else if (value[i] == '}' && depth > 0)
			depth--;
	}
	for (i = 0; i < depth; i++)
		plain |= !opens[i];
	free(opens);
	return plain;
}

/* Split one logical line in place; NULL or the reason it is bad. */
static const char *
split_nameval(char *buf, char **name, char **value)
{
	char *np = buf, *ep, *cp, *end;

	while (*np && pf_space((unsigned char)*np))
		np++;
	if (*np == 0 || *np == '=')
		return "missing attribute name";
	for (ep = np; *ep && !pf_space((unsigned char)*ep) && *ep != '='; ep++)
		;
	for (cp = ep; *cp && pf_space((unsigned char)*cp); cp++)
		;
	if (*cp != '=')
		return "missing '=' after attribute name";
	*ep = 0;
	for (cp++; *cp && pf_space((unsigned char)*cp); cp++)
		;
	for (end = cp + strlen(cp);
	     end > cp && pf_space((unsigned char)end[-1]); end--)
		;
	*end = 0;
	*name = np;
	*value = cp;
	return NULL;
}

int
pfconf_main_parse(struct pfconf_main *m, const char *file, const char *text,
                  size_t len, struct why *why)
{
	struct pfconf_lines lines;
	size_t i;

	memset(m, 0, sizeof(*m));
	if (pfconf_lines_split(&lines, file, text, len, why) < 0)
		return -1;
	for (i = 0; i < lines.ndropped; i++)
		pfconf_table_add(&m->ignored, "",
		                 "logical line must not start with whitespace",
		                 lines.dropped[i].line);
	for (i = 0; i < lines.count; i++) {
		char *name, *value;
		const char *err;

		err = split_nameval(lines.items[i].text, &name, &value);
		if (err != NULL) {
			why_at(why, file, lines.items[i].line, "%s: \"%.40s\"",
			       err, lines.items[i].text);
			pfconf_lines_free(&lines);
			pfconf_main_free(m);
			return -1;
		}
		if (unclosed_brace(value)) {
			why_at(why, file, lines.items[i].line,
			       "%s: missing '}' in \"%.60s\"", name, value);
			pfconf_lines_free(&lines);
			pfconf_main_free(m);
			return -1;
		}
		if (read_only(name))
			pfconf_table_add(&m->ignored, name,
			                 "read-only parameter assignment",
			                 lines.items[i].line);
		else
			pfconf_table_set(&m->params, name, value,
			                 lines.items[i].line);
	}
	pfconf_lines_free(&lines);
	return 0;
}

void
pfconf_main_free(struct pfconf_main *m)
{
	pfconf_table_free(&m->params);
	pfconf_table_free(&m->ignored);
}
