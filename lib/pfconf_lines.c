/*
 * pfconf_lines - split main.cf/master.cf text into Postfix logical lines;
 * see pfconf_lines.h.  Used by pfconf_main.c and pfconf_master.c.
 */
#include <stdlib.h>
#include <string.h>

#include "pfconf_lines.h"
#include "strbuf.h"
#include "xalloc.h"

/* Postfix's ISSPACE: the C locale's isspace(). */
static int
pf_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

/* A physical line that carries nothing: empty, blank or a comment. */
static int
line_is_blank(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && pf_space((unsigned char)s[i]))
		i++;
	return i == n || s[i] == '#';
}

static void
push(struct pfconf_line **arr, size_t *count, struct strbuf *sb, int line)
{
	*arr = xreallocarray(*arr, *count + 1, sizeof(**arr));
	(*arr)[*count].text = strbuf_detach(sb);
	(*arr)[*count].line = line;
	(*count)++;
}

/* End of a logical line: keep it, or drop it as Postfix does when it
 * starts with whitespace (continuation text with nothing to continue). */
static void
finish(struct pfconf_lines *out, struct strbuf *sb, int first)
{
	if (sb->len == 0)
		return;
	if (pf_space((unsigned char)sb->data[0])) {
		push(&out->dropped, &out->ndropped, sb, first);
		return;
	}
	push(&out->items, &out->count, sb, first);
}

int
pfconf_lines_split(struct pfconf_lines *out, const char *file, const char *text,
                   size_t len, struct why *why)
{
	struct strbuf sb = STRBUF_INIT;
	size_t pos = 0;
	int lineno = 0, first = 0;

	memset(out, 0, sizeof(*out));
	while (pos < len) {
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;

		lineno++;
		pos += n + (nl != NULL);
		if (memchr(s, '\0', n) != NULL) {
			strbuf_free(&sb);
			pfconf_lines_free(out);
			return why_at(why, file, lineno, "NUL byte in line");
		}
		if (line_is_blank(s, n))
			continue; /* comments never end a logical line */
		if (!pf_space((unsigned char)s[0])) {
			finish(out, &sb, first);
			first = lineno;
		} else if (sb.len == 0) {
			first = lineno;
		}
		strbuf_addmem(&sb, s, n);
	}
	finish(out, &sb, first);
	strbuf_free(&sb);
	return 0;
}

void
pfconf_lines_free(struct pfconf_lines *lines)
{
	size_t i;

	for (i = 0; i < lines->count; i++)
		free(lines->items[i].text);
	for (i = 0; i < lines->ndropped; i++)
		free(lines->dropped[i].text);
	free(lines->items);
	free(lines->dropped);
	memset(lines, 0, sizeof(*lines));
}
