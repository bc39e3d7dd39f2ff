/*
 * scan_transports - where mail leaves through a socket: LMTP transports
 * (virtual_transport = lmtp:unix:..., mailbox_transport, ...) and
 * content filters (content_filter = smtp-amavis:[127.0.0.1]:10024, also
 * per service), with their reinjection listeners named; transports that
 * are pipe(8)/spawn(8) services point at those.  Called by
 * scan_endpoint.c.
 */
#include <stdlib.h>
#include <string.h>

#include "policy_file.h"
#include "scan_endpoint.h"
#include "xalloc.h"

/* The smtpd listeners that take mail back from a content filter. */
static void
reinjection(struct scan_ctx *sc, struct scan_section *sec)
{
	size_t i;

	for (i = 0; i < sc->conf->master.count; i++) {
		const struct pfconf_service *s = &sc->conf->master.items[i];
		const struct pfconf_param *o =
		    pfconf_table_get(&s->overrides, "content_filter");

		if (scan_is_daemon(s, "smtpd") && o && *o->value == 0 &&
		    strcmp(s->field[PF_TYPE], "inet") == 0)
			scan_comment(sec,
			             "reinjection listener (content_filter "
			             "emptied): master.cf:%d: %s inet smtpd",
			             s->line, s->field[PF_SERVICE]);
	}
}

/* A transport "name:nexthop" (content_filter, virtual_transport, ...). */
static void
transport(struct scan_ctx *sc, const struct pfconf_service *from,
          const char *param, const char *value)
{
	char *name = xstrndup(value, strcspn(value, ":"));
	const char *nexthop = value + strlen(name);
	const struct pfconf_service *t =
	    pfconf_master_find(&sc->conf->master, name, "unix");
	char *where = scan_where(sc, from, param);
	struct scan_use u = {0, NULL, NULL, NULL, NULL, 0, where, NULL};
	struct scan_section *sec;
	struct scan_endpoint ep;

	nexthop += *nexthop == ':';
	if (t == NULL) {
		if (*value)
			scan_note(sc->model,
			          "%s: transport \"%s\" is not a master.cf "
			          "unix service",
			          where, name);
	} else if ((scan_is_daemon(t, "lmtp") || scan_is_daemon(t, "smtp")) &&
	           *nexthop) {
		const char *hop = nexthop;
		char *bare;

		if (strncmp(hop, "inet:", 5) == 0)
			hop += 5;
		/* [host]:port means "no MX lookup"; the host is the same. */
		bare =
		    hop[0] == '[' && strchr(hop, ']')
		        ? xasprintf("%.*s%s", (int)(strchr(hop, ']') - hop - 1),
		                    hop + 1, strchr(hop, ']') + 1)
		        : xstrdup(hop);
		u.client = scan_daemon_name(t);
		u.protocol = scan_is_daemon(t, "lmtp") ? "lmtp" : "smtp";
		if (strcmp(param, "content_filter") == 0)
			u.hint = "content_filter";
		else
			u.hint =
			    scan_is_daemon(t, "lmtp") ? "lmtp" : "smtp_relay";
		if (strstr(bare, "dovecot") ||
		    (scan_is_daemon(t, "lmtp") && strstr(name, "dovecot"))) {
			/* Dovecot's and amavisd's domains, named by the
			 * transport itself */
			u.fallback = policy_type("dovecot");
			u.fallback_why = "the socket is Dovecot's";
			u.hint = "dovecot_lmtp";
			u.strong_hint = 1;
		} else if (strstr(name, "amavis")) {
			/* amavisd listens on more than its typed port */
			u.fallback = policy_type("amavis");
			u.fallback_why = "the transport is amavis's";
			u.hint = "amavis";
		}
		if (!strchr(bare, ':') && !strchr(bare, '/')) {
			char *withport = xasprintf(
			    "%s:%d", bare, scan_is_daemon(t, "lmtp") ? 24 : 25);
			free(bare);
			bare = withport;
		}
		if (scan_endpoint_parse(sc, bare, t->chroot, &ep) < 0)
			scan_note(sc->model, "%s: cannot read next hop \"%s\"",
			          where, nexthop);
		else if ((sec = scan_record(sc, &ep, &u)) != NULL &&
		         strcmp(param, "content_filter") == 0)
			reinjection(sc, sec);
		scan_endpoint_free(&ep);
		free(bare);
	} else if (scan_is_daemon(t, "pipe") || scan_is_daemon(t, "spawn")) {
		scan_info(sc->model,
		          "%s: delivers through master.cf service "
		          "\"%s\" (line %d), see its entry",
		          where, name, t->line);
	}
	free(where);
	free(name);
}

int
scan_transports(struct scan_ctx *sc, struct why *why)
{
	static const char *const params[] = {
	    "content_filter",    "virtual_transport", "mailbox_transport",
	    "local_transport",   "relay_transport",   "default_transport",
	    "fallback_transport"};
	size_t i;
	char *maps = scan_param(sc, NULL, "transport_maps", why);

	if (maps == NULL)
		return -1;
	/* Lookup tables are not read: say so rather than guess. */
	if (*maps) {
		char *where = scan_where(sc, NULL, "transport_maps");

		scan_note(sc->model,
		          "%s: the transports these tables name are not read; "
		          "check them for lmtp:/smtp: next hops by hand",
		          where);
		free(where);
	}
	free(maps);
	for (i = 0; i < sizeof(params) / sizeof(params[0]); i++) {
		char *v = scan_param(sc, NULL, params[i], why);

		if (v == NULL)
			return -1;
		if (*v)
			transport(sc, NULL, params[i], v);
		free(v);
	}
	for (i = 0; i < sc->conf->master.count; i++) {
		const struct pfconf_service *s = &sc->conf->master.items[i];
		const struct pfconf_param *o =
		    pfconf_table_get(&s->overrides, "content_filter");
		char *v;

		if (o == NULL)
			continue;
		if ((v = scan_param(sc, s, "content_filter", why)) == NULL)
			return -1;
		if (*v)
			transport(sc, s, "content_filter", v);
		free(v);
	}
	return 0;
}
