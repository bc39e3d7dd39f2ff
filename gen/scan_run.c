/*
 * scan_run - drive the scan detectors and the helpers they share; see
 * scan.h and scan_ctx.h.  Called by cmd_scan.c.
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "fragment.h"
#include "policy_file.h"
#include "scan.h"
#include "scan_ctx.h"
#include "xalloc.h"

/* The daemons Postfix ships: the first column of postfix-daemons.map. */
int
scan_is_stock_daemon(const char *name)
{
	return policy_file_has("postfix-daemons.map", NULL, name);
}

const char *
scan_daemon_name(const struct pfconf_service *s)
{
	const char *slash = strrchr(s->field[PF_COMMAND], '/');

	return slash ? slash + 1 : s->field[PF_COMMAND];
}

char *
scan_param(struct scan_ctx *sc, const struct pfconf_service *svc,
           const char *name, struct why *why)
{
	return pfconf_get(sc->conf, svc, name, why);
}

char *
scan_where(struct scan_ctx *sc, const struct pfconf_service *svc,
           const char *name)
{
	char *origin = pfconf_origin(sc->conf, svc, name), *w;
	char *short_value = NULL;
	struct pfconf_table names = {NULL, 0};
	struct pfconf_scope scope;
	const char *value;

	pfconf_scope(sc->conf, svc, &names, &scope);
	value = pfconf_scope_raw(&scope, name);
	if (value == NULL)
		value = "";
	/* Long restriction lists: the start says which line it is. */
	value = short_value = scan_shorten(value, 72);

	if (strncmp(origin, sc->conf->master_label,
	            strlen(sc->conf->master_label)) == 0)
		w = xasprintf("%s: %s -o %s=%s", origin, svc->field[PF_SERVICE],
		              name, value);
	else
		w = xasprintf("%s: %s = %s", origin, name, value);
	free(origin);
	free(short_value);
	pfconf_table_free(&names);
	return w;
}

char *
scan_service_where(struct scan_ctx *sc, const struct pfconf_service *s)
{
	return xasprintf("%s:%d: %s %s ... %s", sc->conf->master_label, s->line,
	                 s->field[PF_SERVICE], s->field[PF_TYPE],
	                 s->field[PF_COMMAND]);
}

char *
scan_socket_path(struct scan_ctx *sc, const char *path, int chroot)
{
	if (path[0] != '/')
		return xasprintf("%s/%s", sc->queue_dir, path);
	if (chroot)
		return xasprintf("%s%s", sc->queue_dir, path);
	return xstrdup(path);
}

char *
scan_file_type(struct scan_ctx *sc, const char *path)
{
	char *t = policyinfo_file_type(sc->pi, path, 0);

	return t ? t : xstrdup("");
}

/*
 * The suffixes are policy/type-roles' domain-suffix lines; none ends
 * another, so at most one '_' of type starts a listed one.
 */
char *
scan_domain_of(struct scan_ctx *sc, const char *type)
{
	const char *s;
	char *d;

	for (s = type[0] ? strchr(type + 1, '_') : NULL; s != NULL;
	     s = strchr(s + 1, '_')) {
		if (!policy_file_has("type-roles", "domain-suffix", s))
			continue;
		d = xasprintf("%.*s_t", (int)(s - type), type);
		if (policyinfo_has_type(sc->pi, d))
			return d;
		free(d);
	}
	return NULL;
}

/*
 * Expand every main.cf parameter and every -o override once, as
 * "postconf -n -x" would: a $name loop or a broken ${...} is an error
 * with its file:line even where no detector looks.
 */
static int
expand_all(const struct pfconf *conf, struct why *why)
{
	size_t i, j;
	char *v;

	for (i = 0; i < conf->main.params.count; i++) {
		v = pfconf_get(conf, NULL, conf->main.params.items[i].name,
		               why);
		if (v == NULL)
			return -1;
		free(v);
	}
	for (i = 0; i < conf->master.count; i++) {
		const struct pfconf_service *s = &conf->master.items[i];

		for (j = 0; j < s->overrides.count; j++) {
			v = pfconf_get(conf, s, s->overrides.items[j].name,
			               why);
			if (v == NULL)
				return -1;
			free(v);
		}
	}
	return 0;
}

/* The rest of map's line for key (its first word), or NULL. */
static const char *
map_rest(const char *map, const char *key, const char **end)
{
	size_t kn = strlen(key);
	const char *line;

	for (line = map; line && *line;
	     line += strcspn(line, "\n"), line += *line != 0) {
		*end = line + strcspn(line, "\n");
		if (*line != '#' && strncmp(line, key, kn) == 0 &&
		    (line[kn] == ' ' || line[kn] == '\t'))
			return line + kn;
	}
	return NULL;
}

int
scan_serves(const struct scan_ctx *sc, const char *domain, const char *protocol)
{
	const char *end, *p = map_rest(sc->servers_map, domain, &end);
	size_t pn = strlen(protocol), n;

	while (p && p < end) {
		p += strspn(p, " \t");
		n = strcspn(p, " \t\n");
		if (n == pn && strncmp(p, protocol, pn) == 0)
			return 1;
		p += n;
	}
	return 0;
}

char *
scan_daemon_domain(const struct scan_ctx *sc, const char *daemon)
{
	const char *end, *p = map_rest(sc->daemons_map, daemon, &end);

	if (p == NULL)
		return NULL;
	p += strspn(p, " \t");
	return p < end ? xstrndup(p, strcspn(p, " \t\n")) : NULL;
}

void
scan_instance(struct scan_ctx *parent, struct pfconf *inst)
{
	struct scan_ctx sc = *parent;
	struct why why;

	pfconf_label_by_path(inst, parent->conf->dir);
	sc.conf = inst;
	sc.queue_dir = sc.daemon_dir = NULL;
	if (expand_all(inst, &why) < 0 ||
	    (sc.queue_dir = scan_param(&sc, NULL, "queue_directory", &why)) ==
	        NULL ||
	    (sc.daemon_dir = scan_param(&sc, NULL, "daemon_directory", &why)) ==
	        NULL ||
	    scan_services(&sc, &why) < 0 || scan_endpoints(&sc, &why) < 0 ||
	    scan_ports(&sc, &why) < 0 || scan_tables(&sc, &why) < 0)
		scan_note(parent->model, "instance %s: %s", inst->dir,
		          why.text);
	free(sc.queue_dir);
	free(sc.daemon_dir);
}

/*
 * A [daemon NAME] whose domain the policy has already (Debian's
 * postfix_policyd_t for a service named policyd) would be refused by
 * emit; unless it is the type of this module, installed before.
 */
static int
daemon_name_refused(void *arg, enum scan_kind kind, const char *name)
{
	const struct scan_ctx *sc = arg;
	char domain[EMIT_DOMAIN_MAX];

	if (kind != SCAN_DAEMON)
		return 0;
	emit_daemon_domain(name, domain);
	return policyinfo_has_type(sc->pi, domain) &&
	       !policyinfo_module_installed(sc->pi, sc->module);
}

int
scan_run(const struct pfconf *conf, const struct scan_options *opt,
         struct policyinfo *pi, struct strbuf *out, struct why *why)
{
	struct scan_model model;
	struct scan_ctx sc;
	int rc = -1;

	memset(&model, 0, sizeof(model));
	memset(&sc, 0, sizeof(sc));
	sc.conf = conf;
	sc.model = &model;
	if (expand_all(conf, why) < 0)
		return -1;
	sc.pi = pi;
	sc.module = opt->module;
	model.name_refused = daemon_name_refused;
	model.refused_arg = &sc;
	if ((sc.servers_map = policy_file_read("servers.map", why)) == NULL ||
	    (sc.daemons_map = policy_file_read("postfix-daemons.map", why)) ==
	        NULL)
		goto out;
	if ((sc.queue_dir = scan_param(&sc, NULL, "queue_directory", why)) ==
	        NULL ||
	    (sc.daemon_dir = scan_param(&sc, NULL, "daemon_directory", why)) ==
	        NULL)
		goto out;
	/* Directories last: the instances they find are scanned too, and
	 * the main instance's sections should get the plain names. */
	if (scan_services(&sc, why) < 0 || scan_endpoints(&sc, why) < 0 ||
	    scan_ports(&sc, why) < 0 || scan_tables(&sc, why) < 0 ||
	    scan_dirs(&sc, why) < 0)
		goto out;
	scan_write(&model, opt->module, opt->config_dir, out);
	rc = 0;
out:
	free(sc.queue_dir);
	free(sc.daemon_dir);
	free(sc.servers_map);
	free(sc.daemons_map);
	scan_model_free(&model);
	return rc;
}
