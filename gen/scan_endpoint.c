/*
 * scan_endpoint - endpoints and the sections they become; see
 * scan_endpoint.h.  scan_endpoints() runs the endpoint detectors over
 * master.cf's services.  Called by scan_run.c.
 */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ports.h"
#include "scan_endpoint.h"
#include "scan_known.h"
#include "strbuf.h"
#include "xalloc.h"

void
scan_endpoint_free(struct scan_endpoint *ep)
{
	free(ep->path);
	free(ep->host);
}

/* "host:port", "[v6]:port" or "port"; service names via getservbyname. */
static int
parse_inet(const char *s, struct scan_endpoint *ep)
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

static char *
endpoint_text(const struct scan_endpoint *ep)
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

/*
 * The master.cf smtpd that listens on a local ep, or NULL: Postfix's own
 * reinjection listener ("127.0.0.1:10025 inet n - n - - smtpd") when a
 * content filter's smtp(8) client reaches it.
 */
static const struct pfconf_service *
master_listener(struct scan_ctx *sc, const struct scan_endpoint *ep)
{
	size_t i;

	for (i = 0; i < sc->conf->master.count; i++) {
		const struct pfconf_service *s = &sc->conf->master.items[i];
		struct scan_endpoint l = {0, NULL, NULL, 0};
		int same;

		if (strcmp(s->field[PF_TYPE], "inet") != 0 ||
		    !scan_is_daemon(s, "smtpd") ||
		    parse_inet(s->field[PF_SERVICE], &l) < 0)
			continue;
		same = l.port == ep->port &&
		       (spec_host_is_local(l.host) || strcmp(l.host, "*") == 0);
		scan_endpoint_free(&l);
		if (same)
			return s;
	}
	return NULL;
}

/* Who serves ep: a domain of the policy (caller frees), with why. */
static char *
find_server(struct scan_ctx *sc, const struct scan_endpoint *ep,
            const struct scan_known *known, const struct scan_use *u,
            struct strbuf *reason)
{
	const char *fallback = u->fallback, *fallback_why = u->fallback_why;
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
	/* A guess by type or port says who listens, not what it speaks. */
	if (d && !scan_serves(sc, d, u->protocol)) {
		strbuf_addf(reason,
		            ", but policy/servers.map does not list %s as "
		            "serving %s",
		            d, u->protocol);
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

	if (port_type_is_generic(t))
		scan_comment(sec,
		             "the policy leaves tcp/%d generic (%s): "
		             "clients may then connect to every such port",
		             port, t);
	scan_set(sec, "port_type", "%s", t);
	free(t);
}

/*
 * The port's type is generic and server may not bind it: emit refuses to
 * let it (that would be every port of the type; pfsel-spec(5)).
 */
static int
generic_unbound(struct scan_ctx *sc, const char *server, int port)
{
	char *t = policyinfo_port_type(sc->pi, "tcp", port);
	int unbound =
	    port_type_is_generic(t) &&
	    !policyinfo_allows(sc->pi, server, t, "tcp_socket", "name_bind");

	free(t);
	return unbound;
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

/* The section ep went into, NULL when no section describes it. */
struct scan_section *
scan_record(struct scan_ctx *sc, struct scan_endpoint *ep,
            const struct scan_use *u)
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
	if (!ep->is_unix && spec_host_is_local(ep->host) &&
	    strcmp(u->protocol, "smtp") == 0 &&
	    (owner = master_listener(sc, ep)) != NULL) {
		scan_info(sc->model,
		          "%s: tcp/%d is master.cf service \"%s\" (line %d), "
		          "Postfix's own smtpd (a reinjection listener)",
		          u->where, ep->port, owner->field[PF_SERVICE],
		          owner->line);
		free(key);
		return NULL;
	}
	sec = scan_section(sc->model, u->is_milter ? SCAN_MILTER : SCAN_SOCKET,
	                   known && !u->strong_hint ? known->name : u->hint,
	                   key, &created);
	if (!created && sec->server &&
	    !scan_serves(sc, sec->server, u->protocol)) {
		/* the same socket, reached with another protocol */
		scan_note(sc->model,
		          "%s: %s(8) speaks %s to %s, but the server of [%s], "
		          "%s, does not (policy/servers.map)",
		          u->where, u->client, u->protocol, key, sec->name,
		          sec->server);
		free(key);
		return NULL;
	}
	scan_comment(sec, "from %s", u->where);
	scan_add_client(sec, u->client);
	if (!created) {
		free(key);
		return sec;
	}
	scan_set(sec, "socket", "%s", key);
	if (!ep->is_unix && !u->is_milter)
		port_type(sc, sec, ep->port);
	if (!ep->is_unix && !spec_host_is_local(ep->host)) {
		scan_comment(
		    sec,
		    "served on another host (%s): client-only, Postfix "
		    "only connects",
		    ep->host);
		free(key);
		return sec;
	}
	server = find_server(sc, ep, known, u, &reason);
	if (server && !ep->is_unix && !u->is_milter &&
	    generic_unbound(sc, server, ep->port)) {
		sec->disabled = 1;
		scan_comment(sec,
		             "server %s: %s; but it may not bind tcp/%d, "
		             "whose type is generic: name a port type it may "
		             "bind (port_type =), then uncomment",
		             server, reason.data, ep->port);
		scan_set(sec, "server", "%s", server);
		sec->server = xstrdup(server);
	} else if (server) {
		scan_comment(sec, "server %s: %s", server, reason.data);
		scan_set(sec, "server", "%s", server);
		sec->server = xstrdup(server);
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
		             "(server =) or, for a new one, its program "
		             "(command =), then uncomment",
		             reason.len ? ": " : "", strbuf_str(&reason));
	}
	free(server);
	strbuf_free(&reason);
	free(key);
	return sec;
}

/* Words of a Postfix list: blanks and commas separate, {} groups. */
char **
scan_list_words(const char *v, size_t *n)
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

void
scan_words_free(char **w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

/* "{ inet:host:port, option = value }" -> "inet:host:port" */
char *
scan_group_head(const char *w)
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
int
scan_endpoint_parse(struct scan_ctx *sc, const char *text, int chroot,
                    struct scan_endpoint *ep)
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

int
scan_is_daemon(const struct pfconf_service *s, const char *name)
{
	return strcmp(scan_daemon_name(s), name) == 0;
}

int
scan_has_word(const char *list, const char *word)
{
	size_t n, i;
	char **w = scan_list_words(list, &n);
	int found = 0;

	for (i = 0; i < n; i++)
		found |= strcmp(w[i], word) == 0;
	scan_words_free(w, n);
	return found;
}

int
scan_endpoints(struct scan_ctx *sc, struct why *why)
{
	size_t i;

	for (i = 0; i < sc->conf->master.count; i++) {
		const struct pfconf_service *s = &sc->conf->master.items[i];

		if (scan_is_daemon(s, "smtpd") &&
		    (scan_milters(sc, s, why) < 0 ||
		     scan_policies(sc, s, why) < 0 ||
		     scan_sasl(sc, s, why) < 0))
			return -1;
		if (scan_is_daemon(s, "cleanup") &&
		    scan_milters(sc, s, why) < 0)
			return -1;
	}
	return scan_transports(sc, why);
}
