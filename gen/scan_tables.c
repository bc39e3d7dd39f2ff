/*
 * scan_tables - what main.cf and master.cf make Postfix reach that no
 * spec section describes, listed so that nothing is silently ignored:
 * lookup tables that ask a server (socketmap:, tcp:, the database
 * clients, also behind proxy:), a before-queue smtpd_proxy_filter, and
 * TLS certificate and key files whose type the reading Postfix domain
 * may not read (asked of the policy, never assumed).  Called by
 * scan_run.c.
 */
#include <stdlib.h>
#include <string.h>

#include "scan_ctx.h"
#include "scan_endpoint.h"
#include "xalloc.h"

/* Table types whose lookups go to a server or a database client. */
static const char *
server_table(const char *word)
{
	static const char *const types[] = {"socketmap", "tcp",    "mysql",
	                                    "pgsql",     "ldap",   "sqlite",
	                                    "memcache",  "mongodb"};
	size_t i, n;

	if (strncmp(word, "proxy:", 6) == 0)
		word += 6;
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		n = strlen(types[i]);
		if (strncmp(word, types[i], n) == 0 && word[n] == ':')
			return types[i];
	}
	return NULL;
}

/* Parameters that list tables for proxymap(8) rather than use them. */
static int
lists_tables_only(const char *name)
{
	return strcmp(name, "proxy_read_maps") == 0 ||
	       strcmp(name, "proxy_write_maps") == 0;
}

/* "main.cf:N: name" or "master.cf:N: service -o name": the table or
 * file the note names is the part of the value that matters. */
static char *
short_where(struct scan_ctx *sc, const struct pfconf_service *svc,
            const char *name)
{
	char *origin = pfconf_origin(sc->conf, svc, name), *w;

	if (svc && pfconf_table_get(&svc->overrides, name))
		w = xasprintf("%s: %s -o %s", origin, svc->field[PF_SERVICE],
		              name);
	else
		w = xasprintf("%s: %s", origin, name);
	free(origin);
	return w;
}

static void
tables_in(struct scan_ctx *sc, const struct pfconf_service *svc,
          const char *name, const char *value)
{
	size_t n, i;
	char **w = scan_list_words(value, &n);

	for (i = 0; i < n; i++) {
		const char *type = server_table(w[i]);
		char *where;

		if (type == NULL)
			continue;
		where = short_where(sc, svc, name);
		scan_note(sc->model,
		          "%s: table %s queries a %s server (no section "
		          "describes table servers)",
		          where, w[i], type);
		free(where);
	}
	scan_words_free(w, n);
}

/* TLS file parameters: the daemon that reads them is the prefix. */
static const char *const tls_daemons[] = {"smtpd", "smtp", "lmtp"};
static const char *const tls_files[] = {
    "_tls_cert_file",   "_tls_key_file",    "_tls_dcert_file",
    "_tls_dkey_file",   "_tls_eccert_file", "_tls_eckey_file",
    "_tls_chain_files", "_tls_CAfile",      "_tls_dh1024_param_file"};

static void
tls_file(struct scan_ctx *sc, const struct pfconf_service *svc,
         const char *name, const char *daemon, const char *path)
{
	char *domain = scan_daemon_domain(sc, daemon);
	char *type = scan_file_type(sc, path), *where;

	if (domain == NULL ||
	    (*type && policyinfo_allows(sc->pi, domain, type, "file", "read") &&
	     policyinfo_allows(sc->pi, domain, type, "file", "open")))
		goto out;
	where = short_where(sc, svc, name);
	if (*type)
		scan_note(sc->model,
		          "%s: %s is %s, which %s (%s) may not read: move "
		          "it where the policy labels certificates, or "
		          "relabel it",
		          where, path, type, daemon, domain);
	else
		scan_note(sc->model,
		          "%s: the policy labels nothing for %s, so %s (%s) "
		          "may not read it",
		          where, path, daemon, domain);
	free(where);
out:
	free(type);
	free(domain);
}

static int
tls_files_of(struct scan_ctx *sc, const struct pfconf_service *svc,
             struct why *why)
{
	size_t d, f, n, i;

	for (d = 0; d < sizeof(tls_daemons) / sizeof(tls_daemons[0]); d++)
		for (f = 0; f < sizeof(tls_files) / sizeof(tls_files[0]); f++) {
			char *name = xasprintf("%s%s", tls_daemons[d],
			                       tls_files[f]),
			     *v, **w;

			if (svc && !pfconf_table_get(&svc->overrides, name)) {
				free(name);
				continue;
			}
			if ((v = scan_param(sc, svc, name, why)) == NULL) {
				free(name);
				return -1;
			}
			w = scan_list_words(v, &n);
			for (i = 0; i < n; i++)
				if (w[i][0] == '/')
					tls_file(sc, svc, name, tls_daemons[d],
					         w[i]);
			scan_words_free(w, n);
			free(v);
			free(name);
		}
	return 0;
}

static int
proxy_filter(struct scan_ctx *sc, const struct pfconf_service *svc,
             struct why *why)
{
	char *v = scan_param(sc, svc, "smtpd_proxy_filter", why), *where;

	if (v == NULL)
		return -1;
	if (*v) {
		where = scan_where(sc, svc, "smtpd_proxy_filter");
		scan_note(sc->model,
		          "%s: smtpd(8) hands each message to a before-queue "
		          "filter at %s: the spec has no section for it, "
		          "describe the filter and smtpd's access by hand",
		          where, v);
		free(where);
	}
	free(v);
	return 0;
}

int
scan_tables(struct scan_ctx *sc, struct why *why)
{
	const struct pfconf_table *params = &sc->conf->main.params;
	size_t i, j;

	for (i = 0; i < params->count; i++) {
		const char *name = params->items[i].name;
		char *v;

		if (lists_tables_only(name))
			continue;
		if ((v = scan_param(sc, NULL, name, why)) == NULL)
			return -1;
		tables_in(sc, NULL, name, v);
		free(v);
	}
	if (tls_files_of(sc, NULL, why) < 0 || proxy_filter(sc, NULL, why) < 0)
		return -1;
	for (i = 0; i < sc->conf->master.count; i++) {
		const struct pfconf_service *s = &sc->conf->master.items[i];
		const struct pfconf_table *o = &s->overrides;

		for (j = 0; j < o->count; j++) {
			char *v;

			if (lists_tables_only(o->items[j].name))
				continue;
			if ((v = scan_param(sc, s, o->items[j].name, why)) ==
			    NULL)
				return -1;
			tables_in(sc, s, o->items[j].name, v);
			free(v);
		}
		if (tls_files_of(sc, s, why) < 0 ||
		    (pfconf_table_get(o, "smtpd_proxy_filter") &&
		     proxy_filter(sc, s, why) < 0))
			return -1;
	}
	return 0;
}
