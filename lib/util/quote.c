/*
 * quote - text, shell and JSON encodings of untrusted values; see
 * quote.h.
 */
#include <errno.h>
#include <string.h>

#include "quote.h"

/*
 * The length of the valid UTF-8 sequence at s[0..n) and its code point,
 * or 0 when s does not start one (overlong forms, UTF-16 surrogates,
 * code points above U+10FFFF and cut sequences are not valid).
 */
static size_t
utf8_char(const unsigned char *s, size_t n, unsigned long *cp)
{
	unsigned c = s[0];
	size_t len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, *cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, *cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, *cp = c & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && *cp < 0x800) || (len == 4 && *cp < 0x10000) ||
	    (*cp >= 0xd800 && *cp <= 0xdfff) || *cp > 0x10ffff)
		return 0;
	return len;
}

/* Characters a terminal does not show as themselves, beyond ASCII:
 * C1 controls, and those that reorder or break the line. */
static int
hidden_char(unsigned long cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0x61c || cp == 0x200e ||
	       cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Printable ASCII other than the backslash: copied as it is.  A
 * message (quote_message) keeps its backslashes, newlines and tabs. */
static int
plain_byte(unsigned char c, int message)
{
	if (message && (c == '\\' || c == '\n' || c == '\t'))
		return 1;
	return c >= 0x20 && c < 0x7f && c != '\\';
}

/*
 * How many bytes at s[0..n) form one unit that is shown as itself: a
 * plain byte, a backslash (when backslash_ok) or a printable UTF-8
 * character; 0 when s[0] must be escaped.
 */
static size_t
shown_len(const unsigned char *s, size_t n, int backslash_ok)
{
	unsigned long cp;
	size_t len;

	if (plain_byte(s[0], 0) || (backslash_ok && s[0] == '\\'))
		return 1;
	if (s[0] < 0x80)
		return 0;
	len = utf8_char(s, n, &cp);
	return len > 0 && !hidden_char(cp) ? len : 0;
}

/* The escape of a byte that is not shown as itself, into out; its length. */
static size_t
escape_byte(unsigned char c, char out[4])
{
	static const char hex[] = "0123456789abcdef";
	const char *named = c == '\\'   ? "\\\\"
	                    : c == '\n' ? "\\n"
	                    : c == '\t' ? "\\t"
	                    : c == '\r' ? "\\r"
	                                : NULL;

	if (named != NULL) {
		memcpy(out, named, 2);
		return 2;
	}
	out[0] = '\\';
	out[1] = 'x';
	out[2] = hex[c >> 4];
	out[3] = hex[c & 15];
	return 4;
}

/*
 * Append the escape of p[0..n), stopping before the first unit (a byte,
 * an escape, a UTF-8 character) that would take the output past max
 * bytes.  Returns the number of bytes of p written.
 */
static size_t
text_upto(struct strbuf *sb, const unsigned char *p, size_t n, size_t max,
          int message)
{
	size_t i = 0, run, used = 0, room;

	while (i < n) {
		/* Runs of plain bytes in one append: most names are such. */
		for (run = i; run < n && plain_byte(p[run], message); run++)
			;
		room = max - used;
		if (run - i > room)
			run = i + room;
		strbuf_addmem(sb, p + i, run - i);
		used += run - i;
		i = run;
		if (i == n || used == max)
			break;
		if ((run = shown_len(p + i, n - i, 0)) > 0) {
			if (run > max - used)
				break;
			strbuf_addmem(sb, p + i, run);
			used += run;
			i += run;
		} else {
			char esc[4];
			size_t elen = escape_byte(p[i], esc);

			if (elen > max - used)
				break;
			strbuf_addmem(sb, esc, elen);
			used += elen;
			i++;
		}
	}
	return i;
}

void
quote_text_mem(struct strbuf *sb, const char *s, size_t n)
{
	text_upto(sb, (const unsigned char *)s, n, (size_t)-1, 0);
}

void
quote_message(struct strbuf *sb, const char *s, size_t n)
{
	text_upto(sb, (const unsigned char *)s, n, (size_t)-1, 1);
}

void
quote_text(struct strbuf *sb, const char *s)
{
	quote_text_mem(sb, s, strlen(s));
}

const char *
quote_text_str(struct strbuf *sb, const char *s)
{
	int saved = errno; /* for warn(), which appends strerror(errno) */

	strbuf_reset(sb);
	quote_text(sb, s);
	errno = saved;
	return strbuf_str(sb);
}

void
quote_text_max(struct strbuf *sb, const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), start = sb->len;

	if (text_upto(sb, p, n, max, 0) == n)
		return;
	/* Cut: again, leaving room for the "..." that says so. */
	sb->len = start;
	if (sb->data != NULL)
		sb->data[start] = '\0';
	text_upto(sb, p, n, max > 3 ? max - 3 : 0, 0);
	strbuf_adds(sb, "...");
}

static int
all_shown(const char *s, int backslash_ok)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, len;

	while (i < n) {
		if ((len = shown_len(p + i, n - i, backslash_ok)) == 0)
			return 0;
		i += len;
	}
	return 1;
}

int
quote_text_plain(const char *s)
{
	return all_shown(s, 0);
}

int
quote_printable(const char *s)
{
	return all_shown(s, 1);
}

void
quote_shell(struct strbuf *sb, const char *s)
{
	static const char bare[] = "abcdefghijklmnopqrstuvwxyz"
	                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                           "0123456789_@%+=:,./-";
	const char *q;

	if (*s != '\0' && s[strspn(s, bare)] == '\0') {
		strbuf_adds(sb, s);
		return;
	}
	strbuf_addc(sb, '\'');
	while ((q = strchr(s, '\'')) != NULL) {
		strbuf_addmem(sb, s, (size_t)(q - s));
		strbuf_adds(sb, "'\\''");
		s = q + 1;
	}
	strbuf_adds(sb, s);
	strbuf_addc(sb, '\'');
}

int
quote_command(struct strbuf *sb, const char *const *argv)
{
	int rc = 0;
	size_t i;

	for (i = 0; argv[i] != NULL; i++) {
		if (i > 0)
			strbuf_addc(sb, ' ');
		if (quote_printable(argv[i])) {
			quote_shell(sb, argv[i]);
			continue;
		}
		strbuf_addc(sb, '<');
		quote_text(sb, argv[i]);
		strbuf_addc(sb, '>');
		rc = -1;
	}
	return rc;
}

void
quote_json(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n, len;
	unsigned long cp;

	if (s == NULL) {
		strbuf_adds(sb, "null");
		return;
	}
	n = strlen(s);
	strbuf_addc(sb, '"');
	while (n > 0) {
		if (*p == '"' || *p == '\\') {
			strbuf_addc(sb, '\\');
			strbuf_addc(sb, (char)*p);
			len = 1;
		} else if (*p == '\n') {
			strbuf_adds(sb, "\\n");
			len = 1;
		} else if (*p == '\t') {
			strbuf_adds(sb, "\\t");
			len = 1;
		} else if (*p < 0x20 || *p == 0x7f) {
			strbuf_addf(sb, "\\u%04x", *p);
			len = 1;
		} else if ((len = utf8_char(p, n, &cp)) == 0) {
			strbuf_addf(sb, "\\udc%02x", *p);
			len = 1;
		} else if (hidden_char(cp)) {
			/* The same character, in a form no terminal acts on. */
			strbuf_addf(sb, "\\u%04lx", cp);
		} else {
			strbuf_addmem(sb, p, len);
		}
		p += len;
		n -= len;
	}
	strbuf_addc(sb, '"');
}

void
quote_fputs(FILE *fp, void (*quote)(struct strbuf *, const char *),
            const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	quote(&sb, s);
	fwrite(sb.data, 1, sb.len, fp);
	strbuf_free(&sb);
}
