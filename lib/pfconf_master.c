/*
 * pfconf_master - parse master.cf; see pfconf_master.h.
 *
 * Stricter than Postfix where Postfix is lenient about broken input: an
 * unterminated "{" or an "-o" without "name=value" is an error naming the
 * line, because a scan that guessed would describe a service wrongly.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pfconf_lines.h"
#include "pfconf_master.h"
#include "strbuf.h"
#include "xalloc.h"

static int
pf_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

/*
 * Next word of *cp: blanks separate words except inside {} (nested).
 * NULL at the end; *bad set when a "{" is never closed.
 */
static char *
next_word(char **cp, int *bad)
{
	char *s = *cp, *start;
	int level = 0;

	while (*s && pf_space((unsigned char)*s))
		s++;
	if (*s == 0)
		return NULL;
	start = s;
	for (; *s; s++) {
		if (*s == '{')
			level++;
		else if (*s == '}' && level > 0)
			level--;
		else if (level == 0 && pf_space((unsigned char)*s))
			break;
	}
	if (level > 0)
		*bad = 1;
	if (*s)
		*s++ = 0;
	*cp = s;
	return start;
}

/* Remove one pair of outer braces and the blanks inside them. */
static char *
unbrace(const char *w)
{
	size_t n = strlen(w);
	const char *s, *e;

	if (n < 2 || w[0] != '{' || w[n - 1] != '}')
		return xstrdup(w);
	s = w + 1;
	e = w + n - 1;
	while (s < e && pf_space((unsigned char)*s))
		s++;
	while (e > s && pf_space((unsigned char)e[-1]))
		e--;
	return xstrndup(s, (size_t)(e - s));
}

static int
check_field(const char *file, int line, enum pfconf_field f, const char *v,
            const char *text, struct why *why)
{
	static const char *const names[] = {
	    "service", "type",   "private",       "unprivileged",
	    "chroot",  "wakeup", "process_limit", "command"};
	const char *p = v;
	int ok = 1;

	switch (f) {
	case PF_TYPE:
		ok = strcmp(v, "inet") == 0 || strcmp(v, "unix") == 0 ||
		     strcmp(v, "unix-dgram") == 0 || strcmp(v, "fifo") == 0 ||
		     strcmp(v, "pass") == 0;
		break;
	case PF_PRIVATE:
	case PF_UNPRIV:
	case PF_CHROOT:
		ok = strcmp(v, "y") == 0 || strcmp(v, "n") == 0 ||
		     strcmp(v, "-") == 0;
		break;
	case PF_WAKEUP:
	case PF_MAXPROC:
		if (strcmp(v, "-") == 0)
			break;
		while (isdigit((unsigned char)*p))
			p++;
		if (f == PF_WAKEUP && *p == '?' && p > v)
			p++;
		ok = p > v && *p == 0;
		break;
	default:
		break;
	}
	if (!ok)
		return why_at(why, file, line,
		              "invalid %s field \"%s\" in \"%.60s\"", names[f],
		              v, text);
	return 0;
}

/* name=value of an -o option, braces and blanks removed. */
static int
add_override(struct pfconf_service *s, const char *opt, const char *file,
             struct why *why)
{
	char *text = unbrace(opt), *eq = strchr(text, '='), *name, *value, *e;

	if (eq == NULL || eq == text) {
		why_at(why, file, s->line, "\"-o %s\": need -o name=value",
		       opt);
		free(text);
		return -1;
	}
	*eq = 0;
	name = text;
	for (e = eq; e > name && pf_space((unsigned char)e[-1]); e--)
		e[-1] = 0;
	for (value = eq + 1; *value && pf_space((unsigned char)*value); value++)
		;
	for (e = value + strlen(value);
	     e > value && pf_space((unsigned char)e[-1]); e--)
		e[-1] = 0;
	if (*name == 0 || strpbrk(name, " \t") != NULL) {
		why_at(why, file, s->line, "\"-o %s\": bad parameter name",
		       opt);
		free(text);
		return -1;
	}
	pfconf_table_set(&s->overrides, name, value, s->line);
	free(text);
	return 0;
}

/* -o options come first among the arguments, as master(8) reads them. */
static int
parse_overrides(struct pfconf_service *s, char **raw, const char *file,
                struct why *why)
{
	size_t i;

	for (i = 0; i < s->nargs; i++) {
		if (strcmp(raw[i], "-o") == 0) {
			if (i + 1 >= s->nargs)
				return why_at(why, file, s->line,
				              "-o without name=value");
			if (add_override(s, raw[++i], file, why) < 0)
				return -1;
		} else if (strncmp(raw[i], "-o", 2) == 0) {
			if (add_override(s, raw[i] + 2, file, why) < 0)
				return -1;
		} else if (raw[i][0] != '-') {
			break;
		}
	}
	return 0;
}

static void
service_free(struct pfconf_service *s)
{
	size_t i;

	for (i = 0; i < PF_NFIELDS; i++)
		free(s->field[i]);
	for (i = 0; i < s->nargs; i++)
		free(s->args[i]);
	free(s->args);
	pfconf_table_free(&s->overrides);
}

static int
parse_service(struct pfconf_service *s, const struct pfconf_line *ln,
              const char *file, struct why *why)
{
	char *copy = xstrdup(ln->text), *cp = copy, *w, **raw = NULL;
	int bad = 0, rc = -1, n = 0;
	size_t i;

	memset(s, 0, sizeof(*s));
	s->line = ln->line;
	while ((w = next_word(&cp, &bad)) != NULL) {
		if (bad) {
			why_at(why, file, ln->line, "missing '}' in \"%.60s\"",
			       ln->text);
			goto out;
		}
		if (n < PF_NFIELDS) {
			s->field[n++] = xstrdup(w);
			continue;
		}
		raw = xreallocarray(raw, s->nargs + 1, sizeof(*raw));
		raw[s->nargs] = w;
		s->args =
		    xreallocarray(s->args, s->nargs + 1, sizeof(*s->args));
		s->args[s->nargs++] = unbrace(w);
	}
	if (n < PF_NFIELDS) {
		why_at(why, file, ln->line,
		       "bad field count: %d of the 8 columns in \"%.60s\"", n,
		       ln->text);
		goto out;
	}
	for (i = 0; i < PF_NFIELDS; i++)
		if (check_field(file, ln->line, (enum pfconf_field)i,
		                s->field[i], ln->text, why) < 0)
			goto out;
	if (parse_overrides(s, raw, file, why) < 0)
		goto out;
	s->chroot = strcmp(s->field[PF_CHROOT], "y") == 0;
	rc = 0;
out:
	free(raw);
	free(copy);
	if (rc < 0)
		service_free(s);
	return rc;
}

int
pfconf_master_parse(struct pfconf_master *m, const char *file, const char *text,
                    size_t len, struct why *why)
{
	struct pfconf_lines lines;
	size_t i;

	memset(m, 0, sizeof(*m));
	if (pfconf_lines_split(&lines, file, text, len, why) < 0)
		return -1;
	for (i = 0; i < lines.ndropped; i++) {
		m->dropped = xreallocarray(m->dropped, m->ndropped + 1,
		                           sizeof(*m->dropped));
		m->dropped[m->ndropped++] = lines.dropped[i].line;
	}
	m->items = xcalloc(lines.count ? lines.count : 1, sizeof(*m->items));
	for (i = 0; i < lines.count; i++) {
		if (parse_service(&m->items[i], &lines.items[i], file, why) <
		    0) {
			pfconf_lines_free(&lines);
			pfconf_master_free(m);
			return -1;
		}
		m->count++;
	}
	pfconf_lines_free(&lines);
	return 0;
}

void
pfconf_master_free(struct pfconf_master *m)
{
	size_t i;

	for (i = 0; i < m->count; i++)
		service_free(&m->items[i]);
	free(m->items);
	free(m->dropped);
	memset(m, 0, sizeof(*m));
}

const struct pfconf_service *
pfconf_master_find(const struct pfconf_master *m, const char *name,
                   const char *type)
{
	size_t i;

	for (i = 0; i < m->count; i++)
		if (strcmp(m->items[i].field[PF_SERVICE], name) == 0 &&
		    (type == NULL ||
		     strcmp(m->items[i].field[PF_TYPE], type) == 0))
			return &m->items[i];
	return NULL;
}

/* One word as postconf prints it: braced when it holds blanks. */
static void
add_word(struct strbuf *sb, const char *w)
{
	if (sb->len)
		strbuf_addc(sb, ' ');
	if (*w == 0 || strpbrk(w, " \t\r\n\v\f"))
		strbuf_addf(sb, "{%s}", w);
	else
		strbuf_adds(sb, w);
}

char *
pfconf_service_args_text(const struct pfconf_service *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < s->nargs; i++) {
		const char *a = s->args[i];
		const struct pfconf_param *p;
		char *eq;

		if (strcmp(a, "-o") == 0 && i + 1 < s->nargs) {
			/* postconf prints -o name=value, blanks around = gone
			 */
			char *name = xstrdup(s->args[++i]);

			if ((eq = strchr(name, '=')) != NULL) {
				char *e = eq;

				while (e > name &&
				       pf_space((unsigned char)e[-1]))
					e--;
				*e = 0;
			}
			p = pfconf_table_get(&s->overrides, name);
			strbuf_adds(&sb, sb.len ? " -o" : "-o");
			if (p) {
				char *kv =
				    xasprintf("%s=%s", p->name, p->value);

				add_word(&sb, kv);
				free(kv);
			} else {
				add_word(&sb, s->args[i]);
			}
			free(name);
			continue;
		}
		add_word(&sb, a);
	}
	return strbuf_detach(&sb);
}
