/*
 * doctor_report - the facts and findings of one doctor run; see
 * doctor.h.  Called by every doctor_*.c check; doctor_output.c prints.
 *
 * Strings are formatted here from the values as read: quoting is the
 * printer's (one rule, quote.h), so that text and JSON each get theirs.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "doctor.h"
#include "msg.h"
#include "xalloc.h"

static char *
vformat(const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		fatal("vasprintf");
	return s;
}

void
doctor_fact(struct doctor *d, int section, const char *name, const char *fmt,
            ...)
{
	struct doctor_fact *f;
	va_list ap;

	d->facts = xreallocarray(d->facts, d->nfacts + 1, sizeof(*d->facts));
	f = &d->facts[d->nfacts++];
	f->section = section;
	f->name = xstrdup(name);
	va_start(ap, fmt);
	f->value = vformat(fmt, ap);
	va_end(ap);
}

struct doctor_finding *
doctor_finding(struct doctor *d, int section, int severity, const char *check,
               const char *fmt, ...)
{
	struct doctor_finding *f;
	va_list ap;

	d->findings =
	    xreallocarray(d->findings, d->nfindings + 1, sizeof(*d->findings));
	f = &d->findings[d->nfindings++];
	memset(f, 0, sizeof(*f));
	f->section = section;
	f->severity = severity;
	f->check = xstrdup(check);
	va_start(ap, fmt);
	f->summary = vformat(fmt, ap);
	va_end(ap);
	return f;
}

void
doctor_evidence(struct doctor_finding *f, const char *fmt, ...)
{
	va_list ap;

	f->evidence =
	    xreallocarray(f->evidence, f->nevidence + 1, sizeof(char *));
	va_start(ap, fmt);
	f->evidence[f->nevidence++] = vformat(fmt, ap);
	va_end(ap);
}

void
doctor_fix(struct doctor_finding *f, const char *const *argv)
{
	size_t n = 0, i;

	while (argv[n] != NULL)
		n++;
	f->fix = xcalloc(n + 1, sizeof(char *));
	for (i = 0; i < n; i++)
		f->fix[i] = xstrdup(argv[i]);
}

void
doctor_fix_rooted(const struct doctor *d, struct doctor_finding *f,
                  const char *const *argv)
{
	const char *v[16];
	size_t i = 0, k = 0;

	for (; argv[k] != NULL && k < 2; k++)
		v[i++] = argv[k];
	if (d->root != NULL) {
		v[i++] = "-r";
		v[i++] = d->root;
	}
	for (; argv[k] != NULL && i < 15; k++)
		v[i++] = argv[k];
	v[i] = NULL;
	doctor_fix(f, v);
}

void
doctor_fix_note(struct doctor_finding *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	free(f->fix_note);
	f->fix_note = vformat(fmt, ap);
	va_end(ap);
}

/* The first word of each line of a map is a domain (servers.map), or
 * the second (postfix-daemons.map). */
static int
map_names(const char *map, int column, const char *type)
{
	size_t tl = strlen(type);
	const char *p = map;

	while (p != NULL && *p != '\0') {
		const char *w = p;
		int c;

		for (c = 0; c < column && *w != '\n' && *w != '\0'; c++) {
			w += strcspn(w, " \t\n");
			w += strspn(w, " \t");
		}
		if (*p != '#' && strncmp(w, type, tl) == 0 &&
		    (w[tl] == ' ' || w[tl] == '\t' || w[tl] == '\n' ||
		     w[tl] == '\0'))
			return 1;
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return 0;
}

int
doctor_mail_domain(const struct doctor *d, const char *type)
{
	size_t i, n;

	/* postfix_NAME_t: the naming rule of refpolicy's Postfix domain
	 * templates and of a spec's [daemon NAME], not a list to keep */
	if (strncmp(type, "postfix_", 8) == 0 ||
	    (d->daemons_map && map_names(d->daemons_map, 1, type)) ||
	    (d->servers_map && map_names(d->servers_map, 0, type)))
		return 1;
	for (i = 0; i < d->nmodules; i++) {
		n = strlen(d->modules[i]);
		if (strncmp(type, d->modules[i], n) == 0 && type[n] == '_')
			return 1;
	}
	return 0;
}

static void
free_words(char **v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && (n != (size_t)-1 ? i < n : v[i] != NULL); i++)
		free(v[i]);
	free(v);
}

void
doctor_free(struct doctor *d)
{
	size_t i;

	for (i = 0; i < d->nfacts; i++) {
		free(d->facts[i].name);
		free(d->facts[i].value);
	}
	free(d->facts);
	for (i = 0; i < d->nfindings; i++) {
		struct doctor_finding *f = &d->findings[i];

		free(f->check);
		free(f->summary);
		free_words(f->evidence, f->nevidence);
		free_words(f->fix, (size_t)-1);
		free(f->fix_note);
	}
	free(d->findings);
	free_words(d->modules, d->nmodules);
	free(d->daemons_map);
	free(d->servers_map);
	free(d->audit_log);
	if (d->have_conf)
		pfconf_free(&d->conf);
	if (d->pol != NULL)
		rv_policy_free(d->pol);
	selroot_free(&d->sr);
}
