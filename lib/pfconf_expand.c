/*
 * pfconf_expand - $name expansion as Postfix does it; see pfconf_expand.h.
 *
 * Written after Postfix's documented rules (postconf(5), "$name" and
 * "${name?value}" sections) and checked against postconf -x; no Postfix
 * code is reused.  Errors carry the messages postconf prints, so that an
 * admin who knows one recognises the other.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pfconf_expand.h"
#include "strbuf.h"
#include "xalloc.h"

/* mac_expand(3)'s limit; deeper means a $a -> $b -> $a loop. */
#define NEST_MAX 100

/*
 * Found by setting every `postconf -d` parameter to "$zzz" and looking
 * at which ones `postconf -n -x` printed unexpanded (Postfix 3.7.11).
 */
static const char *const raw_params[] = {
    "command_execution_directory",
    "default_rbl_reply",
    "forward_path",
    "luser_relay",
    "mailbox_command",
    "postscreen_expansion_filter",
    "postscreen_reject_footer",
    "smtpd_expansion_filter",
    "smtpd_reject_footer",
};

int
pfconf_is_raw(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(raw_params) / sizeof(raw_params[0]); i++)
		if (strcmp(name, raw_params[i]) == 0)
			return 1;
	return 0;
}

const char *
pfconf_scope_raw(const struct pfconf_scope *sc, const char *name)
{
	int i;

	for (i = 0; i < sc->count; i++) {
		const struct pfconf_param *p;

		if (sc->tables[i] &&
		    (p = pfconf_table_get(sc->tables[i], name)))
			return p->value;
	}
	return NULL;
}

/*
 * One expansion's state: the scope and a work budget, because
 * "a = $b$b", "b = $c$c", ... doubles per level and 100 levels would run
 * forever without nesting any deeper than Postfix allows.
 */
struct ctx {
	const struct pfconf_scope *sc;
	long budget; /* name lookups left */
};

#define WORK_MAX   100000L
#define OUTPUT_MAX (1L << 20)

static int expand_into(struct ctx *cx, const char *s, size_t len,
                       struct strbuf *out, int depth, struct why *why);

static int
pf_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

static int
name_char(int c)
{
	return isalnum(c) || c == '_';
}

/* Offset of the bracket closing the one at s[0], or -1. */
static long
match_close(const char *s, size_t len)
{
	char open = s[0], close = open == '(' ? ')' : '}';
	size_t i;
	int level = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == open)
			level++;
		else if (s[i] == close && --level == 0)
			return (long)i;
	}
	return -1;
}

static size_t
skip_space(const char *s, size_t len, size_t i)
{
	while (i < len && pf_space((unsigned char)s[i]))
		i++;
	return i;
}

/* A {text} group at s[*i]: its trimmed contents as [*start, *end); *i
 * ends past the group and the space after it. */
static int
brace_group(const char *s, size_t len, size_t *i, size_t *start, size_t *end,
            struct why *why)
{
	long close;

	if (*i >= len || s[*i] != '{')
		return why_set(why, "unexpected input at: \"...%.*s\"",
		               (int)(len - *i), s + *i);
	if ((close = match_close(s + *i, len - *i)) < 0)
		return why_set(why, "missing '}' in \"%.*s\"", (int)len, s);
	*start = skip_space(s, len, *i + 1);
	*end = *i + (size_t)close;
	while (*end > *start && pf_space((unsigned char)s[*end - 1]))
		(*end)--;
	*i = skip_space(s, len, *i + (size_t)close + 1);
	return 0;
}

/* An optional ": {else}" after a group. */
static int
else_group(const char *s, size_t len, size_t *i, size_t *start, size_t *end,
           int *have_else, struct why *why)
{
	if (*i >= len || s[*i] != ':')
		return 0;
	*i = skip_space(s, len, *i + 1);
	if (brace_group(s, len, i, start, end, why) < 0)
		return -1;
	*have_else = 1;
	return 0;
}

/* Expand the value of name (recursively) into out. */
static int
expand_name(struct ctx *cx, const char *name, size_t nlen, struct strbuf *out,
            int depth, struct why *why)
{
	char *key = xstrndup(name, nlen);
	const char *v = pfconf_scope_raw(cx->sc, key);
	int rc = 0;

	if (--cx->budget < 0 || out->len > OUTPUT_MAX)
		rc = why_set(why, "expansion of \"%s\" too large", key);
	else if (depth >= NEST_MAX)
		rc = why_set(why, "unreasonable macro call nesting: \"%s\"",
		             key);
	else if (v != NULL)
		rc = expand_into(cx, v, strlen(v), out, depth + 1, why);
	free(key);
	return rc;
}

/* A compatibility level "3.6" or "3.6.1" as a comparable number. */
static long long
level_value(const char *s, int *ok)
{
	long long v = 0;
	int parts = 0;

	*ok = 1;
	while (parts < 3) {
		char *end;
		long n = strtol(s, &end, 10);

		if (end == s || n < 0 || n > 99999) {
			*ok = 0;
			return 0;
		}
		v = v * 100000 + n;
		parts++;
		s = end;
		if (*s != '.')
			break;
		s++;
	}
	if (*s != 0)
		*ok = 0;
	while (parts++ < 3)
		v *= 100000;
	return v;
}

/* ${{a} OP {b} ? {v1} : {v2}} with s/len the text inside ${ }. */
static int
relational(const char *s, size_t len, struct ctx *cx, struct strbuf *out,
           int depth, struct why *why)
{
	static const char *const ops[] = {"==", "!=", "<=", ">=", "<", ">"};
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	size_t i = 0, s1, e1, s2, e2, s3, e3, s4 = 0, e4 = 0, k;
	int have_else = 0, level = 0, rc = -1, truth = 0;
	const char *op = NULL;

	if (brace_group(s, len, &i, &s1, &e1, why) < 0)
		return -1;
	for (k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
		if (strncmp(s + i, ops[k], strlen(ops[k])) == 0) {
			op = ops[k];
			i += strlen(op);
			break;
		}
	if (op == NULL)
		return why_set(why, "missing relational operator in \"%.*s\"",
		               (int)len, s);
	if (len - i >= 5 && strncmp(s + i, "level", 5) == 0) {
		level = 1;
		i += 5;
	}
	i = skip_space(s, len, i);
	if (brace_group(s, len, &i, &s2, &e2, why) < 0)
		return -1;
	if (i >= len || s[i] != '?')
		return why_set(why, "missing '?' in \"%.*s\"", (int)len, s);
	i = skip_space(s, len, i + 1);
	if (brace_group(s, len, &i, &s3, &e3, why) < 0)
		return -1;
	if (else_group(s, len, &i, &s4, &e4, &have_else, why) < 0)
		return -1;
	if (i != len)
		return why_set(why, "unexpected input at: \"...%.*s\"",
		               (int)(len - i), s + i);
	if (expand_into(cx, s + s1, e1 - s1, &a, depth + 1, why) < 0 ||
	    expand_into(cx, s + s2, e2 - s2, &b, depth + 1, why) < 0)
		goto out;
	if (op[0] == '=' || op[0] == '!') {
		truth = strcmp(strbuf_str(&a), strbuf_str(&b)) == 0;
		if (op[0] == '!')
			truth = !truth;
	} else {
		long long x, y;
		int okx, oky;
		char *ex, *ey;

		if (level) {
			x = level_value(strbuf_str(&a), &okx);
			y = level_value(strbuf_str(&b), &oky);
		} else {
			x = strtoll(strbuf_str(&a), &ex, 10);
			y = strtoll(strbuf_str(&b), &ey, 10);
			okx = a.len > 0 && *ex == 0;
			oky = b.len > 0 && *ey == 0;
		}
		if (!okx || !oky) {
			why_set(why, "non-numerical operand in \"%.*s\"",
			        (int)len, s);
			goto out;
		}
		if (strcmp(op, "<") == 0)
			truth = x < y;
		else if (strcmp(op, "<=") == 0)
			truth = x <= y;
		else if (strcmp(op, ">") == 0)
			truth = x > y;
		else
			truth = x >= y;
	}
	if (truth)
		rc = expand_into(cx, s + s3, e3 - s3, out, depth + 1, why);
	else if (have_else)
		rc = expand_into(cx, s + s4, e4 - s4, out, depth + 1, why);
	else
		rc = 0;
out:
	strbuf_free(&a);
	strbuf_free(&b);
	return rc;
}

/* The text inside ${ } or $( ): name, name?value or name:value. */
static int
bracketed(const char *s, size_t len, struct ctx *cx, struct strbuf *out,
          int depth, struct why *why)
{
	size_t n = 0, i, s1, e1, s2 = 0, e2 = 0;
	const char *raw;
	char *key, op;
	int nonempty, have_else = 0, rc;

	if (len > 0 && s[0] == '{')
		return relational(s, len, cx, out, depth, why);
	while (n < len && s[n] != '?' && s[n] != ':')
		n++;
	if (n == 0)
		return why_set(why, "empty macro name: \"%.*s\"", (int)len, s);
	for (i = 0; i < n; i++)
		if (!name_char((unsigned char)s[i]) && s[i] != '-' &&
		    s[i] != '.')
			return why_set(why, "invalid macro name: \"%.*s\"",
			               (int)n, s);
	if (n == len)
		return expand_name(cx, s, n, out, depth, why);
	op = s[n];
	key = xstrndup(s, n);
	raw = pfconf_scope_raw(cx->sc, key);
	free(key);
	nonempty = raw != NULL && *raw != 0;
	i = skip_space(s, len, n + 1);
	if (i < len && s[i] == '{') {
		if (brace_group(s, len, &i, &s1, &e1, why) < 0)
			return -1;
		if (op == '?' &&
		    else_group(s, len, &i, &s2, &e2, &have_else, why) < 0)
			return -1;
		if (i != len)
			return why_set(why, "unexpected input at: \"...%.*s\"",
			               (int)(len - i), s + i);
	} else {
		s1 = n + 1;
		e1 = len;
	}
	if (depth >= NEST_MAX)
		return why_set(why, "unreasonable macro call nesting: \"%.*s\"",
		               (int)n, s);
	rc = 0;
	if (op == '?' ? nonempty : !nonempty)
		rc = expand_into(cx, s + s1, e1 - s1, out, depth + 1, why);
	else if (have_else)
		rc = expand_into(cx, s + s2, e2 - s2, out, depth + 1, why);
	return rc;
}

static int
expand_into(struct ctx *cx, const char *s, size_t len, struct strbuf *out,
            int depth, struct why *why)
{
	size_t i = 0;

	while (i < len) {
		size_t start = i;
		long close;

		while (i < len && s[i] != '$')
			i++;
		strbuf_addmem(out, s + start, i - start);
		if (i >= len)
			break;
		i++;
		if (i < len && s[i] == '$') {
			strbuf_addc(out, '$');
			i++;
		} else if (i < len && (s[i] == '{' || s[i] == '(')) {
			if ((close = match_close(s + i, len - i)) < 0)
				return why_set(why,
				               "truncated macro reference: "
				               "\"%.*s\"",
				               (int)(len - i + 1), s + i - 1);
			if (bracketed(s + i + 1, (size_t)close - 1, cx, out,
			              depth, why) < 0)
				return -1;
			i += (size_t)close + 1;
		} else if (i < len && name_char((unsigned char)s[i])) {
			start = i;
			while (i < len && name_char((unsigned char)s[i]))
				i++;
			if (expand_name(cx, s + start, i - start, out, depth,
			                why) < 0)
				return -1;
		} else {
			return why_set(why, "empty macro name: \"%.*s\"",
			               (int)len, s);
		}
	}
	return 0;
}

char *
pfconf_expand(const struct pfconf_scope *sc, const char *value, struct why *why)
{
	struct strbuf out = STRBUF_INIT;
	struct ctx cx = {sc, WORK_MAX};

	if (expand_into(&cx, value, strlen(value), &out, 0, why) < 0) {
		strbuf_free(&out);
		return NULL;
	}
	return strbuf_detach(&out);
}
