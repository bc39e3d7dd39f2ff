/*
 * scan_endpoints - the sockets Postfix daemons connect to: milters
 * (smtpd_milters, non_smtpd_milters, also per service with -o), policy
 * servers (check_policy_service), Dovecot SASL (smtpd_sasl_path), LMTP
 * transports and content filters.  Each becomes a [milter] or [socket]
 * section, merged by endpoint; the serving domain comes from the policy
 * (port type, socket label) or the well-known table, and a section whose
 * server nobody can name is written commented out with the reason.
 * Called by scan_run.c.
 */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan_ctx.h"
#include "scan_known.h"
#include "strbuf.h"
#include "xalloc.h"

struct endpoint {
	int is_unix;
	char *path; /* is_unix: as the client sees it */
	char *host; /* inet: may be NULL */
	int port;
};

static void
endpoint_free(struct endpoint *ep)
{
	free(ep->path);
	free(ep->host);
}

/* "host:port", "[v6]:port" or "port"; service names via getservbyname. */
static int
parse_inet(const char *s, struct endpoint *ep)
{
	const char *colon = strrchr(s, ':');
	const char *port = colon ? colon + 1 : s;
	struct servent *se;
	char *end;
	long n;

	if (colon && s[0] == '[' && colon > s && colon[-1] != ']')
		return -1; /* "[::1" without its port */
	n = strtol(port, &end, 10);
	if (*port == 0 || *end != 0) {
		if ((se = getservbyname(port, "tcp")) == NULL)
			return -1;
		n = ntohs((unsigned short)se->s_port);
	}
	if (n < 1 || n > 65535)
		return -1;
	ep->is_unix = 0;
	ep->port = (int)n;
	ep->host = colon ? xstrndup(s, (size_t)(colon - s)) : NULL;
	return 0;
}

static int
is_local_host(const char *h)
{
	return h == NULL || *h == 0 || strcmp(h, "localhost") == 0 ||
	       strncmp(h, "127.", 4) == 0 || strcmp(h, "[127.0.0.1]") == 0 ||
	       strcmp(h, "::1") == 0 || strcmp(h, "[::1]") == 0 ||
	       strcmp(h, "localhost.localdomain") == 0;
}

static char *
endpoint_text(const struct endpoint *ep)
{
	if (ep->is_unix)
		return xasprintf("unix:%s", ep->path);
	if (ep->host && *ep->host)
		return xasprintf("inet:%s:%d", ep->host, ep->port);
	return xasprintf("inet:%d", ep->port);
}

/* The master.cf service that owns a queue socket path, or NULL. */
static const struct pfconf_service *
master_socket(struct scan_ctx *sc, const char *path)
{
	size_t n = strlen(sc->queue_dir);
	const char *rest;

	if (strncmp(path, sc->queue_dir, n) != 0 || path[n] != '/')
		return NULL;
	rest = path + n + 1;
	if (strncmp(rest, "private/", 8) == 0)
		return pfconf_master_find(&sc->conf->master, rest + 8, "unix");
	if (strncmp(rest, "public/", 7) == 0)
		return pfconf_master_find(&sc->conf->master, rest + 7, "unix");
	return NULL;
}

/* Who serves ep: a domain of the policy (caller frees), with why. */
static char *
find_server(struct scan_ctx *sc, const struct endpoint *ep,
            const struct scan_known *known, const char *fallback,
            const char *fallback_why, struct strbuf *reason)
{
	const char *server;
	char *t, *d = NULL;

	if (ep->is_unix) {
		t = scan_file_type(sc, ep->path);
		if (*t && (d = scan_domain_of(sc, t)) != NULL)
			strbuf_addf(reason, "the policy labels %s %s", ep->path,
			            t);
		free(t);
	} else {
		t = policyinfo_port_type(sc->pi, "tcp", ep->port);
		if ((server = scan_known_port_type(t)) != NULL) {
			d = xstrdup(server);
			strbuf_addf(reason, "the policy types tcp/%d %s",
			            ep->port, t);
		}
		free(t);
	}
	if (d == NULL && known && known->server) {
		d = xstrdup(known->server);
		strbuf_addf(reason, "%s is %s's usual %s",
		            ep->is_unix ? "the path" : "the port", known->what,
		            ep->is_unix ? "socket" : "port");
	}
	if (d == NULL && fallback) {
		d = xstrdup(fallback);
		strbuf_addf(reason, "%s", fallback_why);
	}
	if (d && !policyinfo_has_type(sc->pi, d)) {
		strbuf_addf(reason, ", but the policy has no type %s", d);
		free(d);
		d = NULL;
	}
	return d;
}

/*
 * An inet [socket] names the type of its port (spec addendum): the
 * policy's own label, also when that is only the generic one.
 */
static void
port_type(struct scan_ctx *sc, struct scan_section *sec, int port)
{
	char *t = policyinfo_port_type(sc->pi, "tcp", port);

	if (strcmp(t, "unreserved_port_t") == 0 ||
	    strcmp(t, "reserved_port_t") == 0 ||
	    strcmp(t, "hi_reserved_port_t") == 0 || strcmp(t, "port_t") == 0)
		scan_comment(sec,
		             "the policy leaves tcp/%d generic (%s): "
		             "clients may then connect to every such port",
		             port, t);
	scan_set(sec, "port_type", "%s", t);
	free(t);
}

/* The enabled [milter] that already runs command, or NULL. */
static const struct scan_section *
command_owner(struct scan_ctx *sc, const char *command)
{
	char *line = xasprintf("command = %s\n", command);
	const struct scan_section *found = NULL;
	size_t i;

	for (i = 0; i < sc->model->count && !found; i++) {
		const struct scan_section *s = &sc->model->items[i];

		if (s->kind == SCAN_MILTER && !s->disabled && s->body.len &&
		    strstr(s->body.data, line))
			found = s;
	}
	free(line);
	return found;
}

struct use {
	int is_milter;
	const char *client;   /* Postfix daemon that connects */
	const char *hint;     /* section name when no known server */
	const char *fallback; /* server when the policy says nothing */
	const char *fallback_why;
	int strong_hint; /* hint beats the well-known name */
	char *where;     /* the configuration line, for the comment */
};

/* The section ep went into, NULL when no section describes it. */
static struct scan_section *
record(struct scan_ctx *sc, struct endpoint *ep, const struct use *u)
{
	const struct scan_known *known =
	    ep->is_unix ? scan_known_path(ep->path) : scan_known_port(ep->port);
	const struct pfconf_service *owner;
	struct strbuf reason = STRBUF_INIT;
	struct scan_section *sec;
	const struct scan_section *twin;
	char *key = endpoint_text(ep), *server;
	int created;

	if (ep->is_unix && (owner = master_socket(sc, ep->path)) != NULL) {
		scan_info(sc->model,
		          "%s is master.cf service \"%s\" (line %d), see its "
		          "entry; from %s",
		          ep->path, owner->field[PF_SERVICE], owner->line,
		          u->where);
		free(key);
		return NULL;
	}
	sec = scan_section(sc->model, u->is_milter ? SCAN_MILTER : SCAN_SOCKET,
	                   known && !u->strong_hint ? known->name : u->hint,
	                   key, &created);
	scan_comment(sec, "from %s", u->where);
	scan_add_client(sec, u->client);
	if (!created) {
		free(key);
		return sec;
	}
	scan_set(sec, "socket", "%s", key);
	if (!ep->is_unix && !u->is_milter)
		port_type(sc, sec, ep->port);
	if (!ep->is_unix && !is_local_host(ep->host)) {
		sec->disabled = 1;
		scan_comment(sec,
		             "served on another host (%s): decide whether this "
		             "host needs the connection, and name its server",
		             ep->host);
		free(key);
		return sec;
	}
	server =
	    find_server(sc, ep, known, u->fallback, u->fallback_why, &reason);
	if (server) {
		scan_comment(sec, "server %s: %s", server, reason.data);
		scan_set(sec, "server", "%s", server);
	} else if (u->is_milter && known && known->command &&
	           (twin = command_owner(sc, known->command)) != NULL) {
		sec->disabled = 1;
		scan_comment(sec,
		             "%s also serves [milter %s]: one program gets one "
		             "domain, so add this socket's access by hand",
		             known->command, twin->name);
	} else if (u->is_milter && known && known->command) {
		scan_comment(sec,
		             "%s has no domain in the policy%s%s: a new one is "
		             "made for its program",
		             known->what, reason.len ? "; " : "",
		             strbuf_str(&reason));
		scan_set(sec, "command", "%s", known->command);
	} else {
		sec->disabled = 1;
		scan_comment(sec,
		             "unknown server%s%s: name its domain "
		             "(server =)%s, then uncomment",
		             reason.len ? ": " : "", strbuf_str(&reason),
		             u->is_milter ? " or its program (command =)" : "");
	}
	free(server);
	strbuf_free(&reason);
	free(key);
	return sec;
}

/* Words of a Postfix list: blanks and commas separate, {} groups. */
static char **
list_words(const char *v, size_t *n)
{
	char **w = NULL;
	const char *s = v;

	*n = 0;
	while (*s) {
		const char *start;
		int level = 0;

		s += strspn(s, " \t\r\n,");
		if (*s == 0)
			break;
		for (start = s; *s; s++) {
			if (*s == '{')
				level++;
			else if (*s == '}' && level > 0)
				level--;
			else if (level == 0 && strchr(" \t\r\n,", *s))
				break;
		}
		w = xreallocarray(w, *n + 1, sizeof(*w));
		w[(*n)++] = xstrndup(start, (size_t)(s - start));
	}
	return w;
}

static void
words_free(char **w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

/* "{ inet:host:port, option = value }" -> "inet:host:port" */
static char *
group_head(const char *w)
{
	if (w[0] != '{')
		return xstrdup(w);
	w++;
	w += strspn(w, " \t\r\n");
	return xstrndup(w, strcspn(w, " \t\r\n,}"));
}

/*
 * A server address: "unix:PATH", "local:PATH", "inet:HOST:PORT", or (for
 * policy and LMTP) a bare path or host:port.  -1 when unparsable.
 */
static int
parse_endpoint(struct scan_ctx *sc, const char *text, int chroot,
               struct endpoint *ep)
{
	memset(ep, 0, sizeof(*ep));
	if (strncmp(text, "unix:", 5) == 0 || strncmp(text, "local:", 6) == 0 ||
	    (strchr(text, '/') && strncmp(text, "inet:", 5) != 0)) {
		const char *p = strchr(text, '/') == text         ? text
		                : strncmp(text, "unix:", 5) == 0  ? text + 5
		                : strncmp(text, "local:", 6) == 0 ? text + 6
		                                                  : text;

		if (*p == 0)
			return -1;
		ep->is_unix = 1;
		ep->path = scan_socket_path(sc, p, chroot);
		return 0;
	}
	if (strncmp(text, "inet:", 5) == 0)
		text += 5;
	return parse_inet(text, ep);
}

static int
is_daemon(const struct pfconf_service *s, const char *name)
{
	return strcmp(scan_daemon_name(s), name) == 0;
}

static int
has_word(const char *list, const char *word)
{
	size_t n, i;
	char **w = list_words(list, &n);
	int found = 0;

	for (i = 0; i < n; i++)
		found |= strcmp(w[i], word) == 0;
	words_free(w, n);
	return found;
}

static int
milters(struct scan_ctx *sc, const struct pfconf_service *s, struct why *why)
{
	const char *param =
	    is_daemon(s, "smtpd") ? "smtpd_milters" : "non_smtpd_milters";
	char *v, *ro, **w;
	size_t n, i;
	struct use u = {1, scan_daemon_name(s), NULL, NULL, NULL, 0, NULL};

	if ((v = scan_param(sc, s, param, why)) == NULL)
		return -1;
	if ((ro = scan_param(sc, s, "receive_override_options", why)) == NULL) {
		free(v);
		return -1;
	}
	if (is_daemon(s, "smtpd") && has_word(ro, "no_milters")) {
		free(v);
		free(ro);
		return 0;
	}
	u.where = scan_where(sc, s, param);
	w = list_words(v, &n);
	for (i = 0; i < n; i++) {
		char *head = group_head(w[i]), hint[40];
		struct endpoint ep;

		if (parse_endpoint(sc, head, s->chroot, &ep) < 0) {
			scan_note(sc->model,
			          "%s: milter \"%s\" is not "
			          "unix:PATH, local:PATH or "
			          "inet:HOST:PORT",
			          u.where, head);
		} else {
			snprintf(hint, sizeof(hint), "milter_%d", ep.port);
			u.hint = ep.is_unix ? "milter" : hint;
			record(sc, &ep, &u);
		}
		endpoint_free(&ep);
		free(head);
	}
	words_free(w, n);
	free(u.where);
	free(ro);
	free(v);
	return 0;
}

static const char *const restriction_params[] = {
    "smtpd_client_restrictions",      "smtpd_helo_restrictions",
    "smtpd_sender_restrictions",      "smtpd_relay_restrictions",
    "smtpd_recipient_restrictions",   "smtpd_data_restrictions",
    "smtpd_end_of_data_restrictions", "smtpd_etrn_restrictions",
};

static int
policy_in(struct scan_ctx *sc, const struct pfconf_service *s,
          const char *param, struct why *why)
{
	char *v = scan_param(sc, s, param, why), **w;
	size_t n, i;

	if (v == NULL)
		return -1;
	w = list_words(v, &n);
	for (i = 0; i + 1 < n; i++) {
		struct use u = {0, "smtpd", NULL, NULL, NULL, 0, NULL};
		struct endpoint ep;
		char *head, hint[40];

		if (strcmp(w[i], "check_policy_service") != 0)
			continue;
		head = group_head(w[++i]);
		u.where = scan_where(sc, s, param);
		if (parse_endpoint(sc, head, s->chroot, &ep) < 0) {
			scan_note(sc->model,
			          "%s: policy server \"%s\" is not "
			          "unix:PATH or inet:HOST:PORT",
			          u.where, head);
		} else {
			snprintf(hint, sizeof(hint), "policy_%d", ep.port);
			u.hint = ep.is_unix ? "policy" : hint;
			record(sc, &ep, &u);
		}
		endpoint_free(&ep);
		free(u.where);
		free(head);
	}
	words_free(w, n);
	free(v);
	return 0;
}

static int
policies(struct scan_ctx *sc, const struct pfconf_service *s, struct why *why)
{
	char *classes, **w;
	size_t i, n;
	int rc = 0;

	for (i = 0;
	     i < sizeof(restriction_params) / sizeof(*restriction_params); i++)
		if (policy_in(sc, s, restriction_params[i], why) < 0)
			return -1;
	if ((classes = scan_param(sc, s, "smtpd_restriction_classes", why)) ==
	    NULL)
		return -1;
	w = list_words(classes, &n);
	for (i = 0; i < n && rc == 0; i++)
		rc = policy_in(sc, s, w[i], why);
	words_free(w, n);
	free(classes);
	return rc;
}

static int
sasl(struct scan_ctx *sc, const struct pfconf_service *s, struct why *why)
{
	char *enable = scan_param(sc, s, "smtpd_sasl_auth_enable", why);
	char *type = enable ? scan_param(sc, s, "smtpd_sasl_type", why) : NULL;
	char *path = type ? scan_param(sc, s, "smtpd_sasl_path", why) : NULL;
	struct use u = {0,
	                "smtpd",
	                "dovecot_auth",
	                "dovecot_t",
	                "smtpd_sasl_type = dovecot",
	                1,
	                NULL};
	struct endpoint ep;
	int rc = path ? 0 : -1;

	if (rc == 0 && strcmp(enable, "yes") == 0 &&
	    strcmp(type, "dovecot") == 0) {
		u.where = scan_where(sc, s, "smtpd_sasl_path");
		if (parse_endpoint(sc, path, s->chroot, &ep) < 0)
			scan_note(sc->model, "%s: not a Dovecot SASL socket",
			          u.where);
		else
			record(sc, &ep, &u);
		endpoint_free(&ep);
		free(u.where);
	}
	free(enable);
	free(type);
	free(path);
	return rc;
}

/* The smtpd listeners that take mail back from a content filter. */
static void
reinjection(struct scan_ctx *sc, struct scan_section *sec)
{
	size_t i;

	for (i = 0; i < sc->conf->master.count; i++) {
		const struct pfconf_service *s = &sc->conf->master.items[i];
		const struct pfconf_param *o =
		    pfconf_table_get(&s->overrides, "content_filter");

		if (is_daemon(s, "smtpd") && o && *o->value == 0 &&
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
	struct use u = {0, NULL, NULL, NULL, NULL, 0, where};
	struct scan_section *sec;
	struct endpoint ep;

	nexthop += *nexthop == ':';
	if (t == NULL) {
		if (*value)
			scan_note(sc->model,
			          "%s: transport \"%s\" is not a master.cf "
			          "unix service",
			          where, name);
	} else if ((is_daemon(t, "lmtp") || is_daemon(t, "smtp")) && *nexthop) {
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
		if (strcmp(param, "content_filter") == 0)
			u.hint = "content_filter";
		else
			u.hint = is_daemon(t, "lmtp") ? "lmtp" : "smtp_relay";
		if (strstr(bare, "dovecot") ||
		    (is_daemon(t, "lmtp") && strstr(name, "dovecot"))) {
			u.fallback = "dovecot_t";
			u.fallback_why = "the socket is Dovecot's";
			u.hint = "dovecot_lmtp";
			u.strong_hint = 1;
		} else if (strstr(name, "amavis")) {
			/* amavisd listens on more than its typed port */
			u.fallback = "amavis_t";
			u.fallback_why = "the transport is amavis's";
			u.hint = "amavis";
		}
		if (!strchr(bare, ':') && !strchr(bare, '/')) {
			char *withport = xasprintf(
			    "%s:%d", bare, is_daemon(t, "lmtp") ? 24 : 25);
			free(bare);
			bare = withport;
		}
		if (parse_endpoint(sc, bare, t->chroot, &ep) < 0)
			scan_note(sc->model, "%s: cannot read next hop \"%s\"",
			          where, nexthop);
		else if ((sec = record(sc, &ep, &u)) != NULL &&
		         strcmp(param, "content_filter") == 0)
			reinjection(sc, sec);
		endpoint_free(&ep);
		free(bare);
	} else if (is_daemon(t, "pipe") || is_daemon(t, "spawn")) {
		scan_info(sc->model,
		          "%s: delivers through master.cf service "
		          "\"%s\" (line %d), see its entry",
		          where, name, t->line);
	}
	free(where);
	free(name);
}

static int
transports(struct scan_ctx *sc, struct why *why)
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

int
scan_endpoints(struct scan_ctx *sc, struct why *why)
{
	size_t i;

	for (i = 0; i < sc->conf->master.count; i++) {
		const struct pfconf_service *s = &sc->conf->master.items[i];

		if (is_daemon(s, "smtpd") &&
		    (milters(sc, s, why) < 0 || policies(sc, s, why) < 0 ||
		     sasl(sc, s, why) < 0))
			return -1;
		if (is_daemon(s, "cleanup") && milters(sc, s, why) < 0)
			return -1;
	}
	return transports(sc, why);
}
