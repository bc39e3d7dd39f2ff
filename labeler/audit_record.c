/*
 * audit_record - find audit records in one line of any log format.
 *
 * Called for every line by review_input.c, so it is the hot path: no
 * allocation, no regex, one forward scan per line.  A record starts at
 * "type=NAME msg=audit(STAMP)" or "type=NNNN audit(STAMP)" (the kernel's
 * own syslog/dmesg form), optionally preceded by "node=NAME " where NAME
 * may hold spaces; 2006-era kernels logged "audit(STAMP): avc: ..."
 * without any type=, which is taken as an AVC.  A record ends where the
 * next one (or its node= prefix) starts, at the 0x1D separator of
 * enriched logs, or at the end of the line.
 */
#include "audit_record.h"

#include <stdint.h>
#include <string.h>
#include <time.h>

#include "byte_scan.h"

/* The lengths are stored: strlen() of each name for every record was
 * ~4% of a 1M-AVC review. */
#define RT(name, num, type)                                                    \
	{                                                                      \
		name, num, sizeof(name) - 1, sizeof(num) - 1, type             \
	}
static const struct {
	const char *name;
	const char *num;
	size_t nlen, numlen;
	enum audit_rtype type;
} rtypes[] = {
    RT("AVC", "1400", AR_AVC),
    RT("USER_AVC", "1107", AR_USER_AVC),
    RT("SELINUX_ERR", "1401", AR_SELINUX_ERR),
    RT("SYSCALL", "1300", AR_SYSCALL),
    RT("PATH", "1302", AR_PATH),
    RT("CWD", "1307", AR_CWD),
    RT("PROCTITLE", "1327", AR_PROCTITLE),
    RT("AVC_PATH", "1402", AR_AVC_PATH),
};
#undef RT

enum audit_rtype
audit_rtype_of(const char *p, size_t n)
{
	size_t i;

	if (n == 0)
		return AR_OTHER;
	for (i = 0; i < sizeof(rtypes) / sizeof(rtypes[0]); i++) {
		if (rtypes[i].nlen == n && rtypes[i].name[0] == p[0] &&
		    memcmp(rtypes[i].name, p, n) == 0)
			return rtypes[i].type;
		if (rtypes[i].numlen == n && rtypes[i].num[3] == p[3] &&
		    memcmp(rtypes[i].num, p, n) == 0)
			return rtypes[i].type;
	}
	return AR_OTHER;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_typechar(char c)
{
	return (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_';
}

/* A literal at p; memcmp with a constant length compiles to one or two
 * compares. */
#define IS(p, lit) (memcmp((p), lit, sizeof(lit) - 1) == 0)

static unsigned long
parse_ulong(const char *p, const char *end, const char **stop)
{
	unsigned long v = 0;

	while (p < end && is_digit(*p) && v < 1000000000000UL)
		v = v * 10 + (unsigned long)(*p++ - '0');
	*stop = p;
	return v;
}

/*
 * ausearch -i prints the stamp in the locale's date format: "11/01/2025
 * 22:08:25.962" (en_US), "25.11.2026 01:02:03.123" (de_DE) or ISO
 * "2026-11-25 ...".  The year is the four-digit field; '/' means
 * month first.  Local time is read as UTC: only order matters here.
 */
static double
parse_locale_date(const char *p, const char *end)
{
	unsigned long n[6] = {0, 0, 0, 0, 0, 0};
	char sep = 0;
	int i = 0;
	const char *q;
	struct tm tm;
	time_t t;

	while (p < end && i < 6) {
		if (!is_digit(*p)) {
			if (i == 1 && sep == 0)
				sep = *p;
			p++;
			continue;
		}
		n[i++] = parse_ulong(p, end, &q);
		p = q;
		if (i == 6 && p < end && *p == '.')
			break;
	}
	if (i < 6)
		return 0;
	memset(&tm, 0, sizeof(tm));
	if (n[0] >= 1000) { /* ISO */
		tm.tm_year = (int)n[0] - 1900, tm.tm_mon = (int)n[1] - 1;
		tm.tm_mday = (int)n[2];
	} else if (sep == '/') {
		tm.tm_mon = (int)n[0] - 1, tm.tm_mday = (int)n[1];
		tm.tm_year = (int)n[2] - 1900;
	} else {
		tm.tm_mday = (int)n[0], tm.tm_mon = (int)n[1] - 1;
		tm.tm_year = (int)n[2] - 1900;
	}
	if (tm.tm_year < 0 || tm.tm_year > 1100)
		return 0;
	tm.tm_hour = (int)n[3] % 24, tm.tm_min = (int)n[4] % 60;
	tm.tm_sec = (int)n[5] % 61;
	t = timegm(&tm);
	return t < 0 ? 0 : (double)t;
}

/* Skip up to max digits; NULL when there are none or more. */
static const char *
skip_digits(const char *p, const char *end, int max)
{
	const char *q = p;

	while (q < end && is_digit(*q) && q - p < max)
		q++;
	return q == p || (q < end && is_digit(*q)) ? NULL : q;
}

/* Is [p, end) the raw stamp form "SEC[.MS]"? */
static int
raw_form(const char *p, const char *end)
{
	if ((p = skip_digits(p, end, 19)) == NULL)
		return 0;
	if (p < end && *p == '.')
		p = p + 1 == end ? end : skip_digits(p + 1, end, 19);
	return p == end;
}

/*
 * Parse "STAMP)" at p; sets stamp, serial, interpreted.  Returns the
 * position after ')' or NULL.  The time itself is only worked out for
 * the records that need it (audit_rec_time): doing it for every record
 * was 8% of a 1M-AVC review.
 */
static const char *
parse_stamp(const char *p, const char *end, struct audit_rec *r)
{
	const char *close, *colon, *q;

	/* The raw form "SEC.MS:SERIAL)" in one forward pass, the common
	 * case; byte_scan for ')' and a walk back to ':' cost 8% more. */
	if ((q = skip_digits(p, end, 19)) != NULL && q < end && *q == '.' &&
	    (colon = skip_digits(q + 1, end, 19)) != NULL && colon < end &&
	    *colon == ':') {
		r->serial = parse_ulong(colon + 1, end, &close);
		if (close > colon + 1 && close < end && *close == ')') {
			r->stamp = p;
			r->stamp_end = colon;
			r->interpreted = 0;
			return close + 1;
		}
	}
	close = byte_scan1(p, end, ')');
	if (close == end || close - p > 64)
		return NULL;
	for (colon = close; colon > p && colon[-1] != ':'; colon--)
		;
	if (colon == p)
		return NULL;
	r->serial = parse_ulong(colon, close, &q);
	if (q != close || q == colon)
		return NULL;
	r->stamp = p;
	r->stamp_end = colon - 1; /* the ':' */
	r->interpreted = !raw_form(r->stamp, r->stamp_end);
	return close + 1;
}

double
audit_rec_time(const struct audit_rec *r)
{
	const char *p = r->stamp, *end = r->stamp_end, *q;
	unsigned long sec, ms = 0;

	if (p == NULL)
		return 0;
	if (r->interpreted)
		return parse_locale_date(p, end);
	sec = parse_ulong(p, end, &q);
	if (q < end && *q == '.')
		ms = parse_ulong(q + 1, end, &q);
	return (double)sec + (double)(ms % 1000) / 1000.0;
}

/* After "audit(STAMP)": skip " : " or ": " to the body. */
static const char *
skip_to_body(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == ':'))
		p++;
	return p;
}

/* The node= prefix of a record whose "type=" is at s, searched back to
 * from; node names may hold spaces, so it runs up to the space before
 * "type=".  Returns where the prefix starts (s when none). */
static const char *
node_prefix(const char *from, const char *s, struct audit_span *node)
{
	const char *p;

	node->p = NULL;
	node->n = 0;
	if (s - from < 6)
		return s;
	for (p = s - 6; p >= from; p--) {
		if (memcmp(p, "node=", 5) == 0 &&
		    (p == from || p[-1] == ' ' || p[-1] == '\t')) {
			node->p = p + 5;
			node->n = (size_t)(s - 1 - node->p);
			return p;
		}
		if (s - p > 256) /* no node name is that long */
			break;
	}
	return s;
}

/* Trim trailing blanks and CR from a record's end. */
static const char *
rtrim(const char *b, const char *e)
{
	while (e > b && (e[-1] == ' ' || e[-1] == '\r' || e[-1] == '\n' ||
	                 e[-1] == '\t'))
		e--;
	return e;
}

/* The 2006 kernel form, "audit(STAMP): avc:  denied ...". */
static int
bare_avc(const char *line, const char *end, struct audit_rec *r)
{
	const char *p = line, *q;
	size_t left;

	while ((left = (size_t)(end - p)) >= 6 &&
	       (q = memmem(p, left, "audit(", 6)) != NULL) {
		const char *b;

		memset(r, 0, sizeof(*r));
		b = parse_stamp(q + 6, end, r);
		if (b != NULL) {
			b = skip_to_body(b, end);
			if ((size_t)(end - b) >= 4 &&
			    memcmp(b, "avc:", 4) == 0) {
				r->type = AR_AVC;
				r->body = b;
				r->end = rtrim(b, end);
				return 1;
			}
		}
		p = q + 6;
	}
	return 0;
}

/*
 * The next record header at or after p: "type=NAME msg=audit(STAMP)" or
 * "type=NNNN audit(STAMP)".  It is found from its "audit(": '(' is rare
 * in audit lines, so scanning for it finds candidates faster than
 * memmem finds "type=" (memmem was a fifth of the parse time on a
 * 100k-AVC log), and the header is then checked backwards from there.
 * Fills r (all but node and end) and returns where "type=" starts, or
 * NULL at the end of the line or at the enriched separator, which no
 * header follows (*sep is set to it: one scan finds both).  *announced
 * is set for a header that is there but malformed.
 */
/* Where the '(' and 0x1D bytes of a line are: given by the caller's
 * scan (marks), or scanned for here. */
struct marks {
	const char *line;
	const uint32_t *at; /* ascending offsets, or NULL */
	size_t n, i;
};

static const char *
next_mark(struct marks *m, const char *q, const char *end)
{
	if (m->at == NULL)
		return byte_scan2(q, end, '(', '\x1d');
	while (m->i < m->n && m->line + m->at[m->i] < q)
		m->i++;
	return m->i < m->n ? m->line + m->at[m->i] : end;
}

static const char *
next_header(const char *line, const char *p, const char *end, struct marks *m,
            struct audit_rec *r, const char **sep, int *announced)
{
	const char *q = p, *a, *s, *tend, *b;

	while ((q = next_mark(m, q, end)) < end) {
		if (*q == '\x1d') {
			*sep = q;
			return NULL;
		}
		a = q++ - 5;
		if (a < p || !IS(a, "audit"))
			continue;
		s = a;
		if (s - 4 >= p && IS(s - 4, "msg="))
			s -= 4;
		if (s - 1 < p || s[-1] != ' ')
			continue;
		tend = --s;
		while (s > p && is_typechar(s[-1]))
			s--;
		if (s - 5 < p || !IS(s - 5, "type="))
			continue;
		s -= 5;
		if (s + 5 == tend ||
		    (s > line && s[-1] != ' ' && s[-1] != '\t' &&
		     s[-1] != '\x1d') ||
		    (b = parse_stamp(q, end, r)) == NULL) {
			*announced = 1;
			continue;
		}
		r->type = audit_rtype_of(s + 5, (size_t)(tend - s - 5));
		r->body = skip_to_body(b, end);
		return s;
	}
	return NULL;
}

int
audit_line_records(const char *line, size_t len, struct audit_rec *out, int max)
{
	return audit_line_records_marked(line, len, NULL, 0, out, max);
}

int
audit_line_records_marked(const char *line, size_t len, const uint32_t *at,
                          size_t nat, struct audit_rec *out, int max)
{
	const char *end = line + len, *p = line, *s, *sep = NULL;
	const char *seg = line; /* where the text before a header starts */
	struct marks m = {line, at, nat, 0};
	int n = 0, announced = 0;

	while (p < end && n < max) {
		struct audit_rec *r = &out[n];
		const char *start;

		s = next_header(line, p, end, &m, r, &sep, &announced);
		if (s == NULL)
			break; /* at the end, or at the enriched part */
		start = node_prefix(seg, s, &r->node);
		if (n > 0)
			out[n - 1].end = rtrim(out[n - 1].body, start);
		r->end = end;
		n++;
		seg = p = r->body;
	}
	if (n > 0) {
		const char *e = out[n - 1].end;

		if (n == max && sep == NULL) /* stopped before the separator */
			sep = memchr(out[n - 1].body, '\x1d',
			             (size_t)(e - out[n - 1].body));
		if (sep != NULL && sep < e && sep >= out[n - 1].body)
			e = sep;
		out[n - 1].end = rtrim(out[n - 1].body, e);
		return n;
	}
	if (max > 0 && bare_avc(line, end, &out[0]))
		return 1;
	return announced ? -1 : 0;
}

int
audit_next_field(const char **pos, const char *end, struct audit_field *f)
{
	const char *p = *pos, *k;

	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
			p++;
		if (p >= end)
			return 0;
		k = p;
		p = byte_scan3(p, end, '=', ' ', '\'');
		if (p >= end) {
			*pos = end;
			return 0;
		}
		if (*p != '=' || p == k) {
			/* a bare word ("avc:", "denied", "{", "for") */
			if (*p == '\'')
				p++;
			p = byte_scan1(p, end, ' ');
			continue;
		}
		f->key.p = k;
		f->key.n = (size_t)(p - k);
		p++;
		if (p < end && (*p == '"' || *p == '\'' || *p == '{')) {
			char close = *p == '{' ? '}' : *p;
			const char *q;

			f->quote = *p++;
			q = byte_scan1(p, end, close);
			f->val.p = p;
			f->val.n = (size_t)(q - p);
			p = q < end ? q + 1 : end;
		} else {
			f->quote = 0;
			f->val.p = p;
			p = byte_scan1(p, end, ' ');
			f->val.n = (size_t)(p - f->val.p);
		}
		*pos = p;
		return 1;
	}
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
audit_is_hex(struct audit_span v)
{
	size_t i;

	if (v.n < 2 || v.n % 2 != 0)
		return 0;
	for (i = 0; i < v.n; i++)
		if (hexval(v.p[i]) < 0)
			return 0;
	return 1;
}

size_t
audit_hex_decode(struct audit_span v, char *out, size_t cap)
{
	size_t i, o = 0;

	if (cap == 0)
		return 0;
	for (i = 0; i + 1 < v.n && o + 1 < cap; i += 2) {
		char c = (char)(hexval(v.p[i]) * 16 + hexval(v.p[i + 1]));

		out[o++] = c == '\0' ? ' ' : c; /* proctitle: NUL separated */
	}
	out[o] = '\0';
	return o;
}

size_t
audit_value_text(const struct audit_rec *rec, const struct audit_field *f,
                 char *out, size_t cap)
{
	size_t n;

	if (cap == 0)
		return 0;
	if (f->quote == 0 && !rec->interpreted && audit_is_hex(f->val))
		return audit_hex_decode(f->val, out, cap);
	n = f->val.n < cap - 1 ? f->val.n : cap - 1;
	memcpy(out, f->val.p, n);
	out[n] = '\0';
	return n;
}
