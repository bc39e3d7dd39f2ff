/*
 * emit_socket - [milter NAME] and [socket NAME]: a socket Postfix talks
 * to, served by an existing domain, by a new one (a milter's, or a
 * service started by systemd: command =), or by another host (no
 * server: only the clients' connect rules).
 *
 * The Postfix daemons named in clients = may connect to the socket and
 * to nothing else of the server; a milter's keys get a type only the
 * milter reads.  A unix socket's directory keeps a specific type the
 * policy already gives it (/run/opendkim is dkim_milter_data_t), else
 * gets one of the module's own: handing Postfix "connect to anything in
 * var_run_t" would be a blanket grant.  A socket in one of Postfix's
 * own socket directories (private/, public/ of a queue, also one this
 * spec moves) keeps that directory's type: relabeling it would take the
 * type from every Postfix socket in it; only a server the policy already
 * lets create sockets there (Dovecot) may have one.  A server is never given a
 * generic port type (unreserved_port_t) to bind: that would be every
 * port of the type.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emit_ctx.h"
#include "policy_file.h"
#include "ports.h"

/* server =, or the new domain command = makes (a milter's by
 * milter_template, a service's its own). */
static const char *
server_domain(struct emit_ctx *c, const struct spec_socket *k)
{
	if (k->server)
		return k->server;
	return ctx_str(c, k->is_milter ? "%s_milter_t" : "%s_t", k->name);
}

static const char *
socket_dir(struct emit_ctx *c, const struct spec_socket *k)
{
	const char *path = k->endpoint.path;

	return ctx_str(c, "%.*s", (int)(strrchr(path, '/') - path), path);
}

static int
is_generic(struct emit_ctx *c, const char *type)
{
	return ctx_map(c, c->generic_types, type, 0) != NULL;
}

/*
 * The type of the socket's directory and of the socket in it, and
 * whether this module must label the directory with it.
 */
static const char *
socket_type(struct emit_ctx *c, const struct spec_socket *k, int *label_dir)
{
	const char *server = server_domain(c, k), *mapped;
	char *dirtype = ctx_file_type(c, socket_dir(c, k), S_IFDIR);
	const char *type;

	*label_dir = 0;
	if (dirtype && !is_generic(c, dirtype) &&
	    ctx_protected_type(c, dirtype)) {
		/* Postfix's own socket directory (a queue's private/ or
		 * public/, moved or not): the socket takes its type and
		 * the directory keeps it. */
		type = ctx_str(c, "%s", dirtype);
	} else if (k->is_milter && k->server == NULL) {
		type = ctx_str(c, "%s_milter_data_t", k->name);
		*label_dir = 1;
	} else if ((mapped = ctx_map(c, c->milter_map, server, 1)) != NULL) {
		type = mapped;
		*label_dir = dirtype == NULL || strcmp(dirtype, mapped) != 0;
	} else if (dirtype && !is_generic(c, dirtype)) {
		type = ctx_str(c, "%s", dirtype);
	} else {
		type = ctx_str(c, "%s_%s_socket_t", c->spec->module, k->name);
		*label_dir = 2; /* a new type to declare */
	}
	free(dirtype);
	return type;
}

/*
 * The entry of queue (a directory) that path lies under, NULL when path
 * is not strictly below one of queue's entries.
 */
static const char *
queue_entry(struct emit_ctx *c, const char *queue, const char *path)
{
	size_t n = strlen(queue);
	const char *end;

	if (strncmp(path, queue, n) != 0 || path[n] != '/')
		return NULL;
	if ((end = strchr(path + n + 1, '/')) == NULL)
		return NULL; /* the socket itself sits in the queue directory */
	return ctx_str(c, "%.*s", (int)(end - path), path);
}

/*
 * A socket below a queue directory (Debian's OpenDKIM socket in
 * /var/spool/postfix/opendkim, where a chrooted smtpd finds it): every
 * "postfix start" and "postfix check" lists the queue's entries as
 * postfix_master_t, so the master must read the attributes of the
 * entry the socket is under (dir_t when that is the socket's own
 * directory, which this module may be labeling) and nothing more.
 */
static int
emit_queue_entry(struct emit_ctx *c, const struct spec_socket *k,
                 const char *queue, const char *dir_t)
{
	const char *entry = queue_entry(c, queue, k->endpoint.path);
	char *stock;
	const char *type;
	struct fragment_vars v;

	if (entry == NULL)
		return 0;
	if (strcmp(entry, socket_dir(c, k)) == 0) {
		type = dir_t;
	} else {
		if ((stock = ctx_file_type(c, entry, S_IFDIR)) == NULL)
			return 0; /* it gets no type to grant */
		type = ctx_str(c, "%s", stock);
		free(stock);
	}
	/* master (the master's domain) looks at every socket directory */
	if (policyinfo_allows(c->pi, policy_daemon_domain("master"), type,
	                      "dir", "getattr"))
		return 0;
	ctx_vars(c, &v, k->endpoint.at);
	fragment_set(&v, "WHAT",
	             ctx_str(c, "unix:%s lies in the queue directory %s",
	                     k->endpoint.path, queue));
	fragment_set(&v, "PATH", entry);
	fragment_set(&v, "TYPE", type);
	return ctx_te(c, "queue-entry-getattr.te", &v);
}

/* emit_queue_entry() for the stock queue and every queue of the spec. */
static int
emit_queue_entries(struct emit_ctx *c, const struct spec_socket *k,
                   const char *dir_t)
{
	size_t i;

	if (emit_queue_entry(c, k, STOCK_QUEUE, dir_t) < 0)
		return -1;
	for (i = 0; i < c->spec->ninstances; i++) {
		const char *queue = c->spec->instances[i].queue_directory.path;

		if (emit_queue_entry(c, k, queue, dir_t) < 0)
			return -1;
	}
	return 0;
}

static int
emit_unix_server(struct emit_ctx *c, const struct spec_socket *k)
{
	const char *server = server_domain(c, k), *dir = socket_dir(c, k);
	struct fragment_vars v;
	int label_dir;
	const char *sock_t = socket_type(c, k, &label_dir);

	if (label_dir == 2) {
		if (ctx_new_type(c, sock_t, k->endpoint.at) < 0)
			return -1;
		ctx_vars(c, &v, k->endpoint.at);
		fragment_set(&v, "KIND", k->is_milter ? "milter" : "socket");
		fragment_set(&v, "NAME", k->name);
		fragment_set(&v, "TYPE", sock_t);
		fragment_set(&v, "PATH", dir);
		if (ctx_te(c, "socket-dir.te", &v) < 0)
			return -1;
	}
	if (label_dir) {
		struct label_claim claim = {
		    .what =
		        ctx_str(c, "[%s %s] socket directory",
		                k->is_milter ? "milter" : "socket", k->name),
		    .path = dir,
		    .tree = 1,
		    .server = server,
		    .replaces = &k->replaces,
		    .at = k->endpoint.at};

		ctx_vars(c, &v, k->endpoint.at);
		fragment_set(&v, "TYPE", sock_t);
		fragment_set(&v, "WHAT", claim.what);
		if (ctx_path_vars(c, &v, dir, k->endpoint.at) < 0 ||
		    ctx_label(c, "tree.fc", &v, &claim) < 0)
			return -1;
	}
	int serves =
	    policyinfo_allows(c->pi, server, sock_t, "sock_file", "create") &&
	    policyinfo_allows(c->pi, server, sock_t, "dir", "add_name");

	if (!serves && ctx_protected_type(c, sock_t))
		return ctx_fail(
		    c, k->endpoint.at,
		    "[%s %s] socket = unix:%s: %s is Postfix's own socket "
		    "directory (%s) and %s may not create sockets there; "
		    "pfsel lets no domain do so (it could remove Postfix's "
		    "own sockets): put the socket in a directory of its own",
		    k->is_milter ? "milter" : "socket", k->name,
		    k->endpoint.path, dir, sock_t, server);
	if (!serves) {
		ctx_vars(c, &v, k->endpoint.at);
		fragment_set(&v, "SERVER", server);
		fragment_set(&v, "SOCK_T", sock_t);
		fragment_set(&v, "PATH", k->endpoint.path);
		if (ctx_te(c, "serve-unix.te", &v) < 0)
			return -1;
	}
	if (emit_queue_entries(c, k, sock_t) < 0)
		return -1;
	return ctx_search(c, server, NULL, dir, k->endpoint.at);
}

static int
emit_inet_server(struct emit_ctx *c, const struct spec_socket *k)
{
	const char *server = server_domain(c, k);
	struct fragment_vars v;

	if (ctx_check_port_type(c, k->port_type, k->endpoint.at) < 0)
		return -1;
	if (policyinfo_allows(c->pi, server, k->port_type, "tcp_socket",
	                      "name_bind"))
		return 0;
	if (port_type_is_generic(k->port_type))
		return ctx_fail(
		    c, k->at,
		    "[%s %s] port_type = %s is generic: letting %s bind it "
		    "would let it bind every port of that type; name a port "
		    "type %s may already bind (sesearch -A -s %s -c "
		    "tcp_socket -p name_bind), which the port gets at install",
		    k->is_milter ? "milter" : "socket", k->name, k->port_type,
		    server, server, server);
	ctx_vars(c, &v, k->endpoint.at);
	fragment_set(&v, "SERVER", server);
	fragment_set(&v, "PORT_T", k->port_type);
	fragment_set(&v, "PORT", ctx_str(c, "%d", k->endpoint.port));
	return ctx_te(c, "serve-inet.te", &v);
}

int
emit_socket_client(struct emit_ctx *c, const struct spec_socket *k,
                   const char *client, struct spec_origin at)
{
	struct fragment_vars v;
	const char *sock_t, *iface;
	int label_dir, known;

	ctx_vars(c, &v, at);
	fragment_set(&v, "CLIENT", client);
	fragment_set(&v, "SERVER", server_domain(c, k));
	if (k->endpoint.kind == ENDPOINT_INET) {
		fragment_set(&v, "PORT_T", k->port_type);
		fragment_set(&v, "PORT", ctx_str(c, "%d", k->endpoint.port));
		return ctx_te(
		    c, k->remote ? "connect-remote.te" : "connect-inet.te", &v);
	}
	sock_t = socket_type(c, k, &label_dir);
	fragment_set(&v, "SOCK_T", sock_t);
	fragment_set(&v, "PATH", k->endpoint.path);
	known =
	    policyinfo_allows(c->pi, client, sock_t, "sock_file", "write") &&
	    policyinfo_allows(c->pi, client, server_domain(c, k),
	                      "unix_stream_socket", "connectto");
	iface = ctx_map(c, c->milter_map, server_domain(c, k), 3);
	if (iface && strcmp(iface, "-") != 0 && !known) {
		/* The interface when the target's headers have it (refpolicy
		 * has dkim_stream_connect, Fedora's dkim module does not),
		 * else the pattern it stands for. */
		const struct devel_headers *h =
		    policyinfo_headers(c->pi, c->why);

		if (h == NULL)
			return -1;
		if (!devel_headers_defines(h, iface))
			iface = NULL;
	} else {
		iface = NULL;
	}
	if (iface)
		fragment_set(&v, "IFACE", iface);
	if (ctx_te(c,
	           known   ? "connect-unix-known.te"
	           : iface ? "connect-unix-iface.te"
	                   : "connect-unix.te",
	           &v) < 0)
		return -1;
	return ctx_search(c, client, NULL, socket_dir(c, k), at);
}

static int
emit_keys(struct emit_ctx *c, const struct spec_socket *k)
{
	const char *server = server_domain(c, k);
	const char *mapped = ctx_map(c, c->milter_map, server, 2);
	const char *type;
	struct label_claim claim = {.what =
	                                ctx_str(c, "[milter %s] keys", k->name),
	                            .path = k->keys.path,
	                            .tree = 1,
	                            .server = server,
	                            .replaces = &k->replaces,
	                            .at = k->keys.at};
	struct fragment_vars v;

	if (k->keys.path == NULL)
		return 0;
	if (mapped && strcmp(mapped, "-") != 0)
		type = mapped;
	else
		type = ctx_str(c, "%s_%s_key_t", c->spec->module, k->name);
	if (type != mapped && ctx_new_type(c, type, k->keys.at) < 0)
		return -1;
	ctx_vars(c, &v, k->keys.at);
	fragment_set(&v, "NAME", k->name);
	fragment_set(&v, "SERVER", server);
	fragment_set(&v, "TYPE", type);
	fragment_set(&v, "WHAT", claim.what);
	if (ctx_path_vars(c, &v, k->keys.path, k->keys.at) < 0 ||
	    ctx_te(c, type == mapped ? "keys-existing.te" : "keys.te", &v) <
	        0 ||
	    ctx_label(c, "tree.fc", &v, &claim) < 0)
		return -1;
	return ctx_search(c, server, NULL, k->keys.path, k->keys.at);
}

static int
emit_new_milter(struct emit_ctx *c, const struct spec_socket *k)
{
	struct label_claim claim = {
	    .what = ctx_str(c, "[milter %s] command", k->name),
	    .path = k->command.path,
	    .program = 1,
	    .replaces = &k->replaces,
	    .at = k->command.at};
	struct fragment_vars v;

	if (ctx_new_type(c, ctx_str(c, "%s_milter_t", k->name), k->at) < 0)
		return -1;
	ctx_vars(c, &v, k->at);
	fragment_set(&v, "NAME", k->name);
	if (ctx_te(c, "milter-new.te", &v) < 0)
		return -1;
	ctx_vars(c, &v, k->command.at);
	fragment_set(&v, "NAME", k->name);
	if (ctx_path_vars(c, &v, k->command.path, k->command.at) < 0)
		return -1;
	return ctx_label(c, "milter-new.fc", &v, &claim);
}

static int
emit_new_service(struct emit_ctx *c, const struct spec_socket *k)
{
	struct label_claim claim = {
	    .what = ctx_str(c, "[socket %s] command", k->name),
	    .path = k->command.path,
	    .program = 1,
	    .replaces = &k->replaces,
	    .at = k->command.at};
	struct fragment_vars v;

	if (ctx_new_type(c, ctx_str(c, "%s_t", k->name), k->at) < 0 ||
	    ctx_new_type(c, ctx_str(c, "%s_exec_t", k->name), k->at) < 0)
		return -1;
	ctx_vars(c, &v, k->at);
	fragment_set(&v, "NAME", k->name);
	if (ctx_te(c, "service-new.te", &v) < 0)
		return -1;
	ctx_vars(c, &v, k->command.at);
	fragment_set(&v, "NAME", k->name);
	if (ctx_path_vars(c, &v, k->command.path, k->command.at) < 0)
		return -1;
	return ctx_label(c, "service-new.fc", &v, &claim);
}

static int
emit_clients(struct emit_ctx *c, const struct spec_socket *k)
{
	static const char *const milter_default[] = {"smtpd", "cleanup"};
	static const char *const socket_default[] = {"smtpd"};
	size_t i, n;

	n = k->clients.count;
	if (n == 0)
		n = k->is_milter ? 2 : 1;
	for (i = 0; i < n; i++) {
		const char *name = k->clients.count ? k->clients.items[i].path
		                   : k->is_milter   ? milter_default[i]
		                                    : socket_default[i];
		struct spec_origin at =
		    k->clients.count ? k->clients.items[i].at : k->at;
		const char *client = ctx_client_domain(c, name);

		if (client == NULL)
			return ctx_fail(c, at,
			                "clients: \"%s\" is neither a Postfix "
			                "daemon nor a [daemon] of this spec",
			                name);
		if (emit_socket_client(c, k, client, at) < 0)
			return -1;
	}
	return 0;
}

static int
emit_socket(struct emit_ctx *c, const struct spec_socket *k)
{
	if (k->remote) /* another host serves it: Postfix only connects */
		return ctx_check_port_type(c, k->port_type, k->endpoint.at) < 0
		           ? -1
		           : emit_clients(c, k);
	if (k->server && ctx_check_server(c, k->server, k->server_at) < 0)
		return -1;
	if (k->command.path &&
	    (k->is_milter ? emit_new_milter(c, k) : emit_new_service(c, k)) < 0)
		return -1;
	if (k->endpoint.kind == ENDPOINT_UNIX) {
		if (emit_unix_server(c, k) < 0)
			return -1;
	} else if (emit_inet_server(c, k) < 0) {
		return -1;
	}
	if (emit_keys(c, k) < 0)
		return -1;
	return emit_clients(c, k);
}

int
emit_sockets(struct emit_ctx *c)
{
	size_t i;

	for (i = 0; i < c->spec->nsockets; i++)
		if (emit_socket(c, &c->spec->sockets[i]) < 0)
			return -1;
	return 0;
}
