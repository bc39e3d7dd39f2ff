/*
 * fuzz_labeler_quote - libFuzzer target for lib/util/quote.c, through which
 * pfsel-label and pfsel-gen print every value they did not write.  For
 * any bytes it asserts the invariants quote.h promises:
 *   quote_text: no control byte (C0, DEL), valid UTF-8 with no C1,
 *     bidirectional or separator character, and the escapes read back
 *     give the original bytes; quote_text_max stays within its bound;
 *   quote_shell: one word that a POSIX shell reads back (single quotes,
 *     \' outside them, bare safe characters) as the original bytes;
 *   quote_json: a JSON string of valid UTF-8 without a control byte or
 *     a character a terminal hides, whose escapes (\udcXX: one byte)
 *     give the original bytes back;
 *   quote_command: runnable (0) exactly when every word is printable;
 *   quote_message: no control byte but newlines and tabs.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quote.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
hexv(int c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	                              : -1;
}

/* The code point of valid UTF-8 at s (length in *len), or -1. */
static long
utf8(const unsigned char *s, size_t n, size_t *len)
{
	unsigned long cp;
	size_t k, i;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		k = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		k = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		k = 4, cp = s[0] & 0x07;
	else
		return -1;
	if (k > n)
		return -1;
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((k == 3 && cp < 0x800) || (k == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return -1;
	*len = k;
	return (long)cp;
}

/* Valid UTF-8 throughout, no control or character a terminal hides. */
static void
check_shown(const struct strbuf *sb)
{
	const unsigned char *p = (const unsigned char *)sb->data;
	size_t i = 0, len;
	long cp;

	while (i < sb->len) {
		if ((cp = utf8(p + i, sb->len - i, &len)) < 0)
			abort();
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
			abort();
		if (cp == 0x61c || cp == 0x200e || cp == 0x200f ||
		    (cp >= 0x2028 && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			abort();
		i += len;
	}
}

static void
text_round_trip(const char *s)
{
	struct strbuf sb = STRBUF_INIT, back = STRBUF_INIT;
	size_t i;

	quote_text(&sb, s);
	check_shown(&sb);
	for (i = 0; i < sb.len; i++) {
		char c = sb.data[i];

		if (c != '\\') {
			strbuf_addc(&back, c);
			continue;
		}
		c = sb.data[++i];
		if (c == '\\' || c == 'n' || c == 't' || c == 'r') {
			strbuf_addc(&back, c == 'n'   ? '\n'
			                   : c == 't' ? '\t'
			                   : c == 'r' ? '\r'
			                              : '\\');
			continue;
		}
		if (c != 'x' || i + 2 >= sb.len + 1 ||
		    hexv(sb.data[i + 1]) < 0 || hexv(sb.data[i + 2]) < 0)
			abort();
		strbuf_addc(&back, (char)(hexv(sb.data[i + 1]) * 16 +
		                          hexv(sb.data[i + 2])));
		i += 2;
	}
	if (back.len != strlen(s) || memcmp(strbuf_str(&back), s, back.len))
		abort();
	if (quote_text_plain(s) != (sb.len == strlen(s) && !strchr(s, '\\')))
		abort();
	strbuf_free(&sb);
	strbuf_free(&back);
}

static void
text_max(const char *s, size_t max)
{
	struct strbuf sb = STRBUF_INIT;

	quote_text_max(&sb, s, max);
	if (max >= 3 && sb.len > max)
		abort();
	check_shown(&sb);
	strbuf_free(&sb);
}

/* Read a word as sh does, for the forms quote_shell writes. */
static void
shell_round_trip(const char *s)
{
	static const char bare[] = "abcdefghijklmnopqrstuvwxyz"
	                           "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                           "0123456789_@%+=:,./-";
	struct strbuf sb = STRBUF_INIT, back = STRBUF_INIT;
	const char *p, *q;

	quote_shell(&sb, s);
	for (p = strbuf_str(&sb); *p != '\0'; p++) {
		if (*p == '\'') {
			if ((q = strchr(p + 1, '\'')) == NULL)
				abort();
			strbuf_addmem(&back, p + 1, (size_t)(q - p - 1));
			p = q;
		} else if (*p == '\\' && p[1] != '\0') {
			strbuf_addc(&back, *++p);
		} else if (strchr(bare, *p) != NULL) {
			strbuf_addc(&back, *p);
		} else {
			abort(); /* a character sh would act on */
		}
	}
	if (sb.len == 0 || back.len != strlen(s) ||
	    memcmp(strbuf_str(&back), s, back.len))
		abort();
	strbuf_free(&sb);
	strbuf_free(&back);
}

static void
json_round_trip(const char *s)
{
	struct strbuf sb = STRBUF_INIT, back = STRBUF_INIT;
	size_t i;

	quote_json(&sb, s);
	check_shown(&sb);
	if (sb.len < 2 || sb.data[0] != '"' || sb.data[sb.len - 1] != '"')
		abort();
	for (i = 1; i + 1 < sb.len; i++) {
		char c = sb.data[i];
		unsigned v = 0;
		int k;

		if (c == '"' || (unsigned char)c < 0x20)
			abort();
		if (c != '\\') {
			strbuf_addc(&back, c);
			continue;
		}
		c = sb.data[++i];
		if (c == '"' || c == '\\') {
			strbuf_addc(&back, c);
			continue;
		}
		if (c == 'n' || c == 't') {
			strbuf_addc(&back, c == 'n' ? '\n' : '\t');
			continue;
		}
		if (c != 'u' || i + 4 >= sb.len)
			abort();
		for (k = 1; k <= 4; k++) {
			if (hexv(sb.data[i + k]) < 0)
				abort();
			v = v * 16 + (unsigned)hexv(sb.data[i + k]);
		}
		i += 4;
		/* A control character, or one byte that is not UTF-8. */
		if (v < 0x20 || v == 0x7f)
			strbuf_addc(&back, (char)v);
		else if (v >= 0xdc80 && v <= 0xdcff)
			strbuf_addc(&back, (char)(v - 0xdc00));
		else if (v >= 0x80 && v < 0x800) /* C1 controls, U+061C */
			strbuf_addc(&back, (char)(0xc0 | v >> 6)),
			    strbuf_addc(&back, (char)(0x80 | (v & 0x3f)));
		else if (v >= 0x2000 && v < 0x2070) /* bidi, separators */
			strbuf_addc(&back, (char)(0xe0 | v >> 12)),
			    strbuf_addc(&back, (char)(0x80 | (v >> 6 & 0x3f))),
			    strbuf_addc(&back, (char)(0x80 | (v & 0x3f)));
		else
			abort();
	}
	if (back.len != strlen(s) || memcmp(strbuf_str(&back), s, back.len))
		abort();
	strbuf_free(&sb);
	strbuf_free(&back);
}

static void
command(char *s)
{
	const char *argv[4] = {"restorecon", "-v", s, NULL};
	struct strbuf sb = STRBUF_INIT;
	int rc = quote_command(&sb, argv);

	if ((rc == 0) != quote_printable(s))
		abort();
	check_shown(&sb);
	strbuf_free(&sb);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);
	struct strbuf mem = STRBUF_INIT;

	memcpy(s, data, size);
	s[size] = '\0';
	/* Bytes with NULs: "\x00" and no control byte either. */
	quote_text_mem(&mem, s, size);
	check_shown(&mem);
	strbuf_free(&mem);
	/* Messages: only newlines and tabs of all controls get out. */
	quote_message(&mem, s, size);
	for (size_t i = 0; i < mem.len; i++)
		if (mem.data[i] == '\n' || mem.data[i] == '\t')
			mem.data[i] = ' ';
	check_shown(&mem);
	strbuf_free(&mem);
	text_round_trip(s);
	text_max(s, size > 0 ? data[0] : 0);
	shell_round_trip(s);
	json_round_trip(s);
	command(s);
	free(s);
	return 0;
}
