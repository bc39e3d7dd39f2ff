/*
 * scan_model - collect scan findings and print them as a spec; see
 * scan_model.h.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "quote.h"
#include "scan_model.h"
#include "xalloc.h"

#define LINE_MAX_SPEC 190

static const char *const kind_names[SCAN_NKINDS] = {
    "queue",  "instance", "log",    "virtual",
    "daemon", "milter",   "socket", "port"};

void
scan_ident(const char *in, char out[SPEC_NAME_MAX + 1])
{
	size_t n = 0;

	for (; *in && n < SPEC_NAME_MAX; in++) {
		int c = tolower((unsigned char)*in);

		if (isalnum(c) && c < 128)
			out[n++] = (char)c;
		else if (n > 0 && out[n - 1] != '_')
			out[n++] = '_';
	}
	while (n > 0 && out[n - 1] == '_')
		n--;
	out[n] = 0;
	/* An identifier starts with a letter. */
	if (n == 0 || !isalpha((unsigned char)out[0])) {
		char tmp[SPEC_NAME_MAX + 1];

		snprintf(tmp, sizeof(tmp), "x_%s", out);
		memcpy(out, tmp, sizeof(tmp));
	}
}

/* Another section of this kind (not self) has the name. */
static int
name_taken(const struct scan_model *m, const struct scan_section *self)
{
	size_t i;

	for (i = 0; i < m->count; i++)
		if (&m->items[i] != self && m->items[i].kind == self->kind &&
		    strcmp(m->items[i].name, self->name) == 0)
			return 1;
	return 0;
}

struct scan_section *
scan_section(struct scan_model *m, enum scan_kind kind, const char *want,
             const char *key, int *created)
{
	struct scan_section *s;
	char base[SPEC_NAME_MAX + 1];
	size_t i;
	int n = 2;

	*created = 0;
	for (i = 0; key && i < m->count; i++)
		if (m->items[i].kind == kind && m->items[i].key &&
		    strcmp(m->items[i].key, key) == 0)
			return &m->items[i];
	m->items = xreallocarray(m->items, m->count + 1, sizeof(*m->items));
	s = &m->items[m->count++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->key = key ? xstrdup(key) : NULL;
	scan_ident(want, base);
	memcpy(s->name, base, sizeof(base));
	while (name_taken(m, s) ||
	       (m->name_refused &&
	        m->name_refused(m->refused_arg, kind, s->name))) {
		char suffix[16];
		size_t len = strlen(base);

		snprintf(suffix, sizeof(suffix), "_%d", n++);
		if (len + strlen(suffix) > SPEC_NAME_MAX)
			len = SPEC_NAME_MAX - strlen(suffix);
		snprintf(s->name, sizeof(s->name), "%.*s%s", (int)len, base,
		         suffix);
	}
	*created = 1;
	return s;
}

void
scan_add_client(struct scan_section *s, const char *client)
{
	size_t i;

	for (i = 0; i < s->nclients; i++)
		if (strcmp(s->clients[i], client) == 0)
			return;
	s->clients =
	    xreallocarray(s->clients, s->nclients + 1, sizeof(*s->clients));
	s->clients[s->nclients++] = xstrdup(client);
}

/* Says the text goes on in main.cf/master.cf. */
#define CUT_MARK " [...]"

char *
scan_shorten(const char *text, size_t max)
{
	size_t n = strlen(text), end, mark = strlen(CUT_MARK);

	if (n <= max)
		return xstrdup(text);
	end = max > mark ? max - mark : 0;
	while (end > 0 && text[end] != ' ' && text[end] != '\t')
		end--;
	if (end == 0) /* one word longer than max: keep it whole */
		end = strcspn(text, " \t");
	while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t'))
		end--;
	if (text[end + strspn(text + end, " \t")] == 0)
		return xstrndup(text, end);
	return xasprintf("%.*s%s", (int)end, text, CUT_MARK);
}

/*
 * A comment longer than max ends between words (scan_shorten), so that
 * no word (a path, a table, a reason) is shown cut as if it were whole;
 * only a single word longer than the line is cut inside
 * (quote_text_max, "..." marks it).
 */
static void
add_comment_text(struct strbuf *sb, const char *text, size_t max)
{
	struct strbuf q = STRBUF_INIT;
	char *shown;

	quote_text(&q, text);
	shown = scan_shorten(q.data ? q.data : "", max);
	if (strlen(shown) <= max)
		strbuf_adds(sb, shown);
	else
		quote_text_max(sb, text, max);
	free(shown);
	strbuf_free(&q);
}

/*
 * One line of the spec.  The text quotes main.cf/master.cf, which pfsel
 * did not write: it is escaped (quote.h), so that no byte of it ends the
 * line or reaches a terminal as a control; a value so escaped is one
 * the spec parser refuses.  Comment lines (cut) are kept short, as any
 * INI reader takes them, and cut between words; a value is never cut,
 * which would change it.
 */
static void
vline(struct strbuf *sb, const char *prefix, int cut, const char *fmt,
      va_list ap)
{
	char *text;

	if (vasprintf(&text, fmt, ap) < 0)
		fatalx("out of memory");
	strbuf_adds(sb, prefix);
	if (cut)
		add_comment_text(sb, text, LINE_MAX_SPEC - strlen(prefix));
	else
		quote_text(sb, text);
	strbuf_addc(sb, '\n');
	free(text);
}

void
scan_comment(struct scan_section *s, const char *fmt, ...)
{
	va_list ap;
	struct strbuf line = STRBUF_INIT;

	va_start(ap, fmt);
	vline(&line, "# ", 1, fmt, ap);
	va_end(ap);
	/* The same source line may be found twice (smtpd and cleanup). */
	if (s->comments.len == 0 || !strstr(s->comments.data, line.data))
		strbuf_addmem(&s->comments, line.data, line.len);
	strbuf_free(&line);
}

void
scan_set(struct scan_section *s, const char *key, const char *fmt, ...)
{
	va_list ap;
	struct strbuf line = STRBUF_INIT;

	strbuf_addf(&line, "%s = ", key);
	va_start(ap, fmt);
	vline(&line, "", 0, fmt, ap);
	va_end(ap);
	strbuf_addmem(&s->body, line.data, line.len);
	strbuf_free(&line);
}

/* Add a line unless it is there already (several services can lead
 * to the same main.cf line). */
static void
vline_once(struct strbuf *sb, const char *prefix, const char *fmt, va_list ap)
{
	struct strbuf line = STRBUF_INIT;

	vline(&line, prefix, 1, fmt, ap);
	if (sb->len == 0 || !strstr(sb->data, line.data))
		strbuf_addmem(sb, line.data, line.len);
	strbuf_free(&line);
}

void
scan_note(struct scan_model *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline_once(&m->notes, "# not handled: ", fmt, ap);
	va_end(ap);
}

void
scan_info(struct scan_model *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline_once(&m->info, "# ", fmt, ap);
	va_end(ap);
}

static void
write_section(const struct scan_section *s, struct strbuf *out)
{
	const char *p = s->disabled ? "# " : "";
	const char *line, *end;
	size_t i;

	strbuf_addc(out, '\n');
	strbuf_addmem(out, s->comments.data, s->comments.len);
	if (s->kind == SCAN_QUEUE || s->kind == SCAN_LOG ||
	    s->kind == SCAN_VIRTUAL)
		strbuf_addf(out, "%s[%s]\n", p, kind_names[s->kind]);
	else
		strbuf_addf(out, "%s[%s %s]\n", p, kind_names[s->kind],
		            s->name);
	for (line = strbuf_str(&s->body); *line; line = end + 1) {
		end = strchr(line, '\n');
		strbuf_addf(out, "%s%.*s\n", p, (int)(end - line), line);
	}
	if (s->nclients) {
		strbuf_addf(out, "%sclients =", p);
		for (i = 0; i < s->nclients; i++) {
			strbuf_addc(out, ' ');
			quote_text(out, s->clients[i]);
		}
		strbuf_addc(out, '\n');
	}
}

void
scan_write(const struct scan_model *m, const char *module,
           const char *config_dir, struct strbuf *out)
{
	int kind;
	size_t i;

	strbuf_adds(out, "# pfsel spec written by \"pfsel-gen scan -c ");
	quote_text_max(out, config_dir, LINE_MAX_SPEC - 40);
	strbuf_adds(out,
	            "\".\n"
	            "# Review every entry: each names the main.cf/master.cf "
	            "line it came from.\n"
	            "# Sections written as comments need a decision from "
	            "you (see the reason).\n\n");
	strbuf_addf(out, "[module]\nname = %s\n", module);
	for (kind = 0; kind < SCAN_NKINDS; kind++)
		for (i = 0; i < m->count; i++)
			if ((int)m->items[i].kind == kind)
				write_section(&m->items[i], out);
	if (m->info.len) {
		strbuf_adds(out,
		            "\n# Found, and the stock policy covers it:\n");
		strbuf_addmem(out, m->info.data, m->info.len);
	}
	if (m->notes.len) {
		strbuf_adds(out, "\n# Found, and no section describes it:\n");
		strbuf_addmem(out, m->notes.data, m->notes.len);
	}
}

void
scan_model_free(struct scan_model *m)
{
	size_t i, j;

	for (i = 0; i < m->count; i++) {
		struct scan_section *s = &m->items[i];

		free(s->key);
		free(s->server);
		strbuf_free(&s->comments);
		strbuf_free(&s->body);
		for (j = 0; j < s->nclients; j++)
			free(s->clients[j]);
		free(s->clients);
	}
	free(m->items);
	strbuf_free(&m->notes);
	strbuf_free(&m->info);
	memset(m, 0, sizeof(*m));
}
