/*
 * pfconf_config - a configuration directory and its parameter lookup;
 * see pfconf_config.h.
 */
#include <stdlib.h>
#include <string.h>

#include "pfconf_config.h"
#include "pfconf_lines.h"
#include "read_file.h"
#include "xalloc.h"

static void
init(struct pfconf *c, const char *dir)
{
	memset(c, 0, sizeof(*c));
	c->dir = xstrdup(dir);
	c->main_file = xasprintf("%s/main.cf", dir);
	c->master_file = xasprintf("%s/master.cf", dir);
	c->main_label = xstrdup("main.cf");
	c->master_label = xstrdup("master.cf");
	pfconf_table_set(&c->fixed, "config_directory", dir, 0);
}

/*
 * Postfix computes mydomain's default from myhostname (the part after
 * the first dot), so a main.cf that sets only myhostname moves it.
 */
static void
derive(struct pfconf *c)
{
	struct pfconf_table names = {NULL, 0};
	struct pfconf_scope sc;
	struct why why;
	const char *dot;
	char *host;

	if (!pfconf_table_get(&c->main.params, "myhostname"))
		return;
	pfconf_scope(c, NULL, &names, &sc);
	host = pfconf_expand(&sc, pfconf_scope_raw(&sc, "myhostname"), &why);
	if (host && (dot = strchr(host, '.')) != NULL && dot[1])
		pfconf_table_set(&c->derived, "mydomain", dot + 1, 0);
	free(host);
	pfconf_table_free(&names);
}

static int
parse_both(struct pfconf *c, const char *main_cf, size_t main_len,
           const char *master_cf, size_t master_len, struct why *why)
{
	if (pfconf_main_parse(&c->main, c->main_file, main_cf, main_len, why) <
	    0)
		return -1;
	if (master_cf && pfconf_master_parse(&c->master, c->master_file,
	                                     master_cf, master_len, why) < 0)
		return -1;
	return 0;
}

int
pfconf_load(struct pfconf *c, const char *dir,
            enum pfconf_defaults_source source,
            const struct pfconf_table *defaults, struct why *why)
{
	char *main_cf = NULL, *master_cf = NULL;
	size_t main_len = 0, master_len = 0;
	int rc = -1;

	init(c, dir);
	if (read_file(c->main_file, &main_cf, &main_len, why) < 0 ||
	    read_file(c->master_file, &master_cf, &master_len, why) < 0)
		goto out;
	if (parse_both(c, main_cf, main_len, master_cf, master_len, why) < 0)
		goto out;
	if (defaults) {
		c->defaults = *defaults;
		c->defaults_borrowed = 1;
	} else {
		c->defaults_from_postconf =
		    pfconf_defaults_load(&c->defaults, source);
	}
	derive(c);
	rc = 0;
out:
	free(main_cf);
	free(master_cf);
	return rc;
}

int
pfconf_load_text(struct pfconf *c, const char *dir, const char *main_cf,
                 const char *master_cf, enum pfconf_defaults_source source,
                 struct why *why)
{
	init(c, dir);
	if (parse_both(c, main_cf, strlen(main_cf), master_cf,
	               master_cf ? strlen(master_cf) : 0, why) < 0)
		return -1;
	c->defaults_from_postconf = pfconf_defaults_load(&c->defaults, source);
	derive(c);
	return 0;
}

void
pfconf_free(struct pfconf *c)
{
	free(c->dir);
	free(c->main_file);
	free(c->master_file);
	free(c->main_label);
	free(c->master_label);
	pfconf_main_free(&c->main);
	pfconf_master_free(&c->master);
	pfconf_table_free(&c->fixed);
	pfconf_table_free(&c->derived);
	if (!c->defaults_borrowed)
		pfconf_table_free(&c->defaults);
	memset(c, 0, sizeof(*c));
}

/* path relative to base when below it, else path. */
static char *
relative_to(const char *path, const char *base)
{
	size_t n = strlen(base);

	if (n && strncmp(path, base, n) == 0 && path[n] == '/')
		return xstrdup(path + n + 1);
	return xstrdup(path);
}

void
pfconf_label_by_path(struct pfconf *c, const char *base)
{
	free(c->main_label);
	free(c->master_label);
	c->main_label = relative_to(c->main_file, base);
	c->master_label = relative_to(c->master_file, base);
}

void
pfconf_scope(const struct pfconf *c, const struct pfconf_service *svc,
             struct pfconf_table *svc_names, struct pfconf_scope *sc)
{
	sc->count = 0;
	if (svc) {
		pfconf_table_set(svc_names, "service_name",
		                 svc->field[PF_SERVICE], 0);
		sc->tables[sc->count++] = svc_names;
		sc->tables[sc->count++] = &svc->overrides;
	}
	sc->tables[sc->count++] = &c->fixed;
	sc->tables[sc->count++] = &c->main.params;
	sc->tables[sc->count++] = &c->derived;
	sc->tables[sc->count++] = &c->defaults;
}

/* The line of name in main.cf, or 0. */
static int
main_line(const struct pfconf *c, const char *name)
{
	const struct pfconf_param *p = pfconf_table_get(&c->main.params, name);

	return p ? p->line : 0;
}

char *
pfconf_get(const struct pfconf *c, const struct pfconf_service *svc,
           const char *name, struct why *why)
{
	struct pfconf_table names = {NULL, 0};
	struct pfconf_scope sc;
	const char *raw;
	char *v;

	pfconf_scope(c, svc, &names, &sc);
	raw = pfconf_scope_raw(&sc, name);
	if (raw == NULL)
		v = xstrdup("");
	else if (pfconf_is_raw(name))
		v = xstrdup(raw);
	else if ((v = pfconf_expand(&sc, raw, why)) == NULL) {
		struct why inner = *why;
		const struct pfconf_param *o =
		    svc ? pfconf_table_get(&svc->overrides, name) : NULL;

		if (o)
			why_at(why, c->master_file, o->line, "-o %s: %s", name,
			       inner.text);
		else
			why_at(why, c->main_file, main_line(c, name), "%s: %s",
			       name, inner.text);
	}
	pfconf_table_free(&names);
	return v;
}

char *
pfconf_origin(const struct pfconf *c, const struct pfconf_service *svc,
              const char *name)
{
	const struct pfconf_param *p;

	if (svc && (p = pfconf_table_get(&svc->overrides, name)))
		return xasprintf("%s:%d", c->master_label, p->line);
	if ((p = pfconf_table_get(&c->main.params, name)))
		return xasprintf("%s:%d", c->main_label, p->line);
	return xasprintf("%s (default)", c->main_label);
}
