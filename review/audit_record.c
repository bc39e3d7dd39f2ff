/*
 * audit_record - find audit records in one line of any log format.
 *
 * Called for every line by review_input.c, so it is the hot path: no
 * allocation, no regex, one forward scan per line.  A record starts at
 * "type=NAME msg=audit(STAMP)" or "type=NNNN audit(STAMP)" (the kernel's
 * own syslog/dmesg form), optionally preceded by "node=NAME " where NAME
 * may hold spaces; 2006-era kernels logged "audit(STAMP): avc: ..."
 * without any type=, which is taken as an AVC, and journalctl prints
 * "audit[PID]: AVC avc: ..." without a stamp.  A record ends where the
 * next one (or its node= prefix) starts, at the 0x1D separator of
 * enriched logs, or at the end of the line.
 */
#include "audit_record.h"

#include <stdint.h>
#include <string.h>
#include <time.h>

#include "byte_scan.h"

/* A literal at p; memcmp with a constant length compiles to one or two
 * compares. */
#define IS(p, lit) (memcmp((p), lit, sizeof(lit) - 1) == 0)

/* The kernel's record type numbers (linux/audit.h) of the names below. */
static enum audit_rtype
rtype_of_number(const char *p)
{
	int v = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
	        (p[3] - '0');

	switch (v) {
	case 1400:
		return AR_AVC;
	case 1107:
		return AR_USER_AVC;
	case 1401:
		return AR_SELINUX_ERR;
	case 1300:
		return AR_SYSCALL;
	case 1302:
		return AR_PATH;
	case 1307:
		return AR_CWD;
	case 1327:
		return AR_PROCTITLE;
	case 1402:
		return AR_AVC_PATH;
	default:
		return AR_OTHER;
	}
}

/*
 * By length first: every record's type goes through here, and a walk
 * of a name table with a memcmp call per entry was 2% of a review.
 */
enum audit_rtype
audit_rtype_of(const char *p, size_t n)
{
	switch (n) {
	case 3:
		return IS(p, "AVC") ? AR_AVC : IS(p, "CWD") ? AR_CWD : AR_OTHER;
	case 4:
		if (p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9' &&
		    p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9')
			return rtype_of_number(p);
		return IS(p, "PATH") ? AR_PATH : AR_OTHER;
	case 7:
		return IS(p, "SYSCALL") ? AR_SYSCALL : AR_OTHER;
	case 8:
		return IS(p, "USER_AVC")   ? AR_USER_AVC
		       : IS(p, "AVC_PATH") ? AR_AVC_PATH
		                           : AR_OTHER;
	case 9:
		return IS(p, "PROCTITLE") ? AR_PROCTITLE : AR_OTHER;
	case 11:
		return IS(p, "SELINUX_ERR") ? AR_SELINUX_ERR : AR_OTHER;
	default:
		return AR_OTHER;
	}
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
 * 22:08:25.962" (en_US), "11/01/25 ..." (C), "25/11/26 ..." (en_GB),
 * "25.11.2026 01:02:03.123" (de_DE) or ISO "2026-11-25 ...".  A
 * four-digit first field is ISO's year; else the year is the third.
 * Local time is read as UTC: only order matters here.
 */
static double
parse_locale_date(const char *p, const char *end)
{
	unsigned long n[6] = {0, 0, 0, 0, 0, 0}, ms = 0;
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
	if (p < end && *p == '.')
		ms = parse_ulong(p + 1, end, &q) % 1000;
	memset(&tm, 0, sizeof(tm));
	if (n[0] >= 1000) { /* ISO */
		tm.tm_year = (int)n[0] - 1900, tm.tm_mon = (int)n[1] - 1;
		tm.tm_mday = (int)n[2];
	} else {
		/* '/' is month first (C, en_US) unless the first field
		 * cannot be a month (en_GB's DD/MM/YY); '.' and '-' day
		 * first unless the second cannot be one */
		int month_first = sep == '/' ? n[0] <= 12 : n[1] > 12;

		tm.tm_mon = (int)(month_first ? n[0] : n[1]) - 1;
		tm.tm_mday = (int)(month_first ? n[1] : n[0]);
		/* two-digit years: %x in the C and en_GB locales */
		if (n[2] < 100)
			n[2] += n[2] < 70 ? 2000 : 1900;
		tm.tm_year = (int)n[2] - 1900;
	}
	if (tm.tm_year < 0 || tm.tm_year > 1100)
		return 0;
	tm.tm_hour = (int)n[3] % 24, tm.tm_min = (int)n[4] % 60;
	tm.tm_sec = (int)n[5] % 61;
	t = timegm(&tm);
	return t < 0 ? 0 : (double)t + (double)ms / 1000.0;
}

/*
 * Bit i set for each p[i] that is not a decimal digit, for the 32
 * bytes at p (all readable).  The raw stamp "SEC.MS:SERIAL)" then
 * splits at the first three set bits: counting its ~20 digits byte by
 * byte was a tenth of a 1M-AVC review.
 */
static uint32_t
nondigit_mask32(const char *p)
{
#ifdef __SSE2__
	const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
	__m128i a = _mm_sub_epi8(byte_scan_load(p), zero);
	__m128i b = _mm_sub_epi8(byte_scan_load(p + 16), zero);
	/* c - '0' <= 9 unsigned: a digit */
	unsigned lo = (unsigned)_mm_movemask_epi8(
	    _mm_cmpeq_epi8(_mm_min_epu8(a, nine), a));
	unsigned hi = (unsigned)_mm_movemask_epi8(
	    _mm_cmpeq_epi8(_mm_min_epu8(b, nine), b));

	return ~(uint32_t)(lo | hi << 16);
#else
	uint32_t m = 0;
	int i;

	for (i = 0; i < 32; i++)
		if (!is_digit(p[i]))
			m |= (uint32_t)1 << i;
	return m;
#endif
}

/* The first set bit of m above bit i, or 32. */
static unsigned
bit_after(uint32_t m, unsigned i)
{
	m = i >= 31 ? 0 : m & ~(((uint32_t)2 << i) - 1);
	return m == 0 ? 32 : (unsigned)__builtin_ctz(m);
}

/* The value of the 8 digits at p, combined in pairs, fours, then all
 * eight within one 64-bit word (the first digit is the low byte). */
static unsigned long
eight_digits(const char *p)
{
	uint64_t x;

	memcpy(&x, p, 8);
	x -= 0x3030303030303030ull;
	x = (x * 10 + (x >> 8)) & 0x00FF00FF00FF00FFull;
	x = (x * 100 + (x >> 16)) & 0x0000FFFF0000FFFFull;
	return (unsigned long)((x * 10000 + (x >> 32)) & 0xFFFFFFFFull);
}

/* The value of n (at most 19) digits. */
static unsigned long
digits_value(const char *p, size_t n)
{
	unsigned long v = 0;

	while (n-- > 0)
		v = v * 10 + (unsigned long)(*p++ - '0');
	return v;
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
	size_t sec, dot, end_ser, ms, ser;

	/* The raw form "SEC.MS:SERIAL)" from one mask of its non-digits,
	 * the common case; byte_scan for ')' and a walk back to ':' cost
	 * 8% more.  Up to 19 digits of seconds and of milliseconds, and 12
	 * of serial: what the general form below reads the same. */
	if (end - p >= 32) {
		uint32_t nd = nondigit_mask32(p);

		/* offsets of the '.', the ':' and the ')' */
		sec = nd == 0 ? 32 : (unsigned)__builtin_ctz(nd);
		dot = bit_after(nd, (unsigned)sec);
		end_ser = bit_after(nd, (unsigned)dot);
		ms = dot - sec - 1;
		ser = end_ser - dot - 1;
		if (sec >= 1 && sec <= 19 && p[sec] == '.' && dot < 32 &&
		    ms >= 1 && ms <= 19 && p[dot] == ':' && end_ser < 32 &&
		    ser >= 1 && ser <= 12 && p[end_ser] == ')') {
			colon = p + dot;
			close = p + end_ser;
			r->serial = digits_value(colon + 1, ser);
			r->stamp = p;
			r->stamp_end = colon;
			r->nsec = (unsigned char)sec;
			r->nms = (unsigned char)ms;
			r->interpreted = 0;
			return close + 1;
		}
	}
	r->nsec = r->nms = 0;
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
	size_t ns, nms;

	if (p == NULL)
		return 0;
	if (r->interpreted)
		return parse_locale_date(p, end);
	/* "SEC.MS" of 12 digits each at most, read as parse_ulong would */
	ns = r->nsec, nms = r->nms;
	if (ns >= 8 && ns <= 12 && nms <= 12) { /* any time since 1973 */
		static const unsigned long pow10[] = {1, 10, 100, 1000, 10000};

		return (double)(eight_digits(p) * pow10[ns - 8] +
		                digits_value(p + 8, ns - 8)) +
		       (double)(digits_value(p + ns + 1, nms) % 1000) / 1000.0;
	}
	if (ns >= 1 && ns <= 12 && nms <= 12)
		return (double)digits_value(p, ns) +
		       (double)(digits_value(p + ns + 1, nms) % 1000) / 1000.0;
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

/* The 2006 kernel form, "audit(STAMP): avc:  denied ..." with q after
 * "audit(". */
static int
bare_avc(const char *q, const char *end, struct audit_rec *r)
{
	const char *b;

	memset(r, 0, sizeof(*r));
	if ((b = parse_stamp(q, end, r)) == NULL)
		return 0;
	b = skip_to_body(b, end);
	if ((size_t)(end - b) < 4 || memcmp(b, "avc:", 4) != 0)
		return 0;
	r->type = AR_AVC;
	r->body = b;
	r->end = rtrim(b, end);
	return 1;
}

/*
 * The journal's form, as journalctl prints what journald read from the
 * kernel's audit socket: "audit[PID]: AVC avc:  denied ..." or "audit:
 * USER_AVC pid=1 ..." (no PID), with q after "audit".  The record has
 * no audit(STAMP:SERIAL): its stamp is NULL, so it joins no event.
 * Only AVC, USER_AVC and SELINUX_ERR are taken; a SYSCALL or PATH
 * without a serial could not be joined to its AVC.
 */
static int
journal_record(const char *q, const char *end, struct audit_rec *r)
{
	const char *w;

	if (q < end && *q == '[') {
		if ((q = skip_digits(q + 1, end, 10)) == NULL || q >= end ||
		    *q != ']')
			return 0;
		q++;
	}
	if ((size_t)(end - q) < 2 || q[0] != ':' || q[1] != ' ')
		return 0;
	for (w = q += 2; q < end && is_typechar(*q); q++)
		;
	if (q == w || q >= end || *q != ' ')
		return 0;
	memset(r, 0, sizeof(*r));
	r->type = audit_rtype_of(w, (size_t)(q - w));
	if (r->type != AR_AVC && r->type != AR_USER_AVC &&
	    r->type != AR_SELINUX_ERR)
		return 0;
	r->body = skip_to_body(q, end);
	r->end = rtrim(r->body, end);
	return 1;
}

/*
 * A record of a line without any "type=... audit(" header: the 2006
 * form or the journal's, both found from "audit" (one scan; lines of
 * raw logs always have a header and never come here).
 */
static int
loose_record(const char *line, const char *end, struct audit_rec *r)
{
	const char *p = line, *q;
	size_t left;

	while ((left = (size_t)(end - p)) >= 6 &&
	       (q = memmem(p, left, "audit", 5)) != NULL) {
		if ((q += 5) >= end)
			break;
		if (*q == '(' ? bare_avc(q + 1, end, r)
		              : journal_record(q, end, r))
			return 1;
		p = q;
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
	if (max > 0 && loose_record(line, end, &out[0]))
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
