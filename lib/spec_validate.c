/*
 * spec_validate - the checks that need the whole spec: required keys,
 * references between sections, colliding ports and paths.
 *
 * Called by spec_parse() once every line is read.  Also turns inet
 * [milter]/[socket] endpoints into implicit port entries, so that the
 * installer has one list of port labels to apply.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec_validate.h"
#include "policy_file.h"
#include "xalloc.h"

static int
missing(struct why *why, struct spec_origin at, const char *section,
        const char *name, const char *key)
{
	return why_at(why, at.file, at.line, "[%s%s%s] needs %s =", section,
	              *name ? " " : "", name, key);
}

static int
check_daemons(struct spec *s, struct why *why)
{
	size_t i, j, k;

	for (i = 0; i < s->ndaemons; i++) {
		struct spec_daemon *d = &s->daemons[i];

		if (d->command.path == NULL)
			return missing(why, d->at, "daemon", d->name,
			               "command");
		for (j = 0; j < d->connect.count; j++) {
			struct spec_path *c = &d->connect.items[j];

			for (k = 0; k < s->nsockets; k++)
				if (strcmp(s->sockets[k].name, c->path) == 0)
					break;
			if (k == s->nsockets)
				return why_at(why, c->at.file, c->at.line,
				              "connect: no [milter %s] or "
				              "[socket %s] section",
				              c->path, c->path);
		}
	}
	return 0;
}

static int
check_sockets(struct spec *s, struct why *why)
{
	size_t i;

	for (i = 0; i < s->nsockets; i++) {
		struct spec_socket *k = &s->sockets[i];
		const char *sec = k->is_milter ? "milter" : "socket";

		if (k->endpoint.at.line == 0)
			return missing(why, k->at, sec, k->name, "socket");
		if (k->server == NULL && k->command.path == NULL) {
			if (k->endpoint.kind != ENDPOINT_INET ||
			    spec_host_is_local(k->endpoint.host))
				return why_at(
				    why, k->at.file, k->at.line,
				    "[%s %s] needs server = (an existing "
				    "domain) or command = (a new one); a "
				    "server on another host needs socket = "
				    "inet:HOST:PORT",
				    sec, k->name);
			k->remote = 1;
		}
		if (k->server && k->command.path)
			return why_at(why, k->command.at.file,
			              k->command.at.line,
			              "command = only makes a new domain; "
			              "drop it or drop server =");
		if (k->remote && k->keys.path)
			return why_at(why, k->keys.at.file, k->keys.at.line,
			              "keys = needs the milter on this host; "
			              "socket = names another host");
		if (k->endpoint.kind == ENDPOINT_INET && !k->is_milter &&
		    k->port_type == NULL)
			return why_at(why, k->endpoint.at.file,
			              k->endpoint.at.line,
			              "an inet socket needs port_type = (the "
			              "type of port %d)",
			              k->endpoint.port);
		if (k->endpoint.kind == ENDPOINT_UNIX && k->port_type)
			return why_at(why, k->endpoint.at.file,
			              k->endpoint.at.line,
			              "port_type = only applies to inet "
			              "sockets");
		/* the policy's type for milter ports, pfsel-spec(5)'s
		 * default */
		if (k->is_milter && k->port_type == NULL &&
		    k->endpoint.kind == ENDPOINT_INET)
			k->port_type = xstrdup(policy_type("milter-port"));
	}
	return 0;
}

int
spec_host_is_local(const char *h)
{
	return h == NULL || *h == 0 || strcmp(h, "localhost") == 0 ||
	       strcmp(h, "localhost.localdomain") == 0 ||
	       strncmp(h, "127.", 4) == 0 || strncmp(h, "[127.", 5) == 0 ||
	       strcmp(h, "::1") == 0 || strcmp(h, "[::1]") == 0;
}

static int
check_instances(struct spec *s, struct why *why)
{
	size_t i;

	for (i = 0; i < s->ninstances; i++) {
		struct spec_instance *in = &s->instances[i];

		if (in->name[0] == '\0' && in->queue_directory.path == NULL)
			return missing(why, in->at, "queue", "", "directory");
		if (in->name[0] && in->queue_directory.path == NULL)
			return missing(why, in->at, "instance", in->name,
			               "queue_directory");
		if (in->name[0] && in->config_directory.path == NULL)
			return missing(why, in->at, "instance", in->name,
			               "config_directory");
	}
	return 0;
}

/* Inet endpoints become port entries of their own. */
static void
add_implicit_ports(struct spec *s)
{
	size_t i;

	for (i = 0; i < s->nsockets; i++) {
		struct spec_socket *k = &s->sockets[i];
		struct spec_port *p;

		if (k->endpoint.kind != ENDPOINT_INET)
			continue;
		s->ports =
		    xreallocarray(s->ports, s->nports + 1, sizeof(*s->ports));
		p = &s->ports[s->nports++];
		memset(p, 0, sizeof(*p));
		memcpy(p->name, k->name, sizeof(p->name));
		p->at = k->endpoint.at;
		strcpy(p->proto, "tcp");
		p->low = p->high = k->endpoint.port;
		p->type = xstrdup(k->port_type);
		p->implicit = 1;
	}
}

static int
check_ports(struct spec *s, struct why *why)
{
	size_t i, j;

	for (i = 0; i < s->nports; i++) {
		struct spec_port *p = &s->ports[i];

		if (!p->implicit && p->proto[0] == '\0')
			return missing(why, p->at, "port", p->name, "port");
		if (!p->implicit && p->type == NULL)
			return missing(why, p->at, "port", p->name, "type");
	}
	add_implicit_ports(s);
	for (i = 0; i < s->nports; i++)
		for (j = 0; j < i; j++) {
			struct spec_port *a = &s->ports[j], *b = &s->ports[i];

			if (strcmp(a->proto, b->proto) != 0 ||
			    b->low > a->high || a->low > b->high)
				continue;
			/* The same label asked for twice is no conflict. */
			if (a->low == b->low && a->high == b->high &&
			    strcmp(a->type, b->type) == 0)
				continue;
			return why_at(why, b->at.file, b->at.line,
			              "%s/%d-%d collides with the port of "
			              "line %d",
			              b->proto, b->low, b->high, a->at.line);
		}
	return 0;
}

static void
collect(const struct spec_path ***all, size_t *n, const struct spec_path *p)
{
	if (p->path == NULL)
		return;
	*all = xreallocarray(*all, *n + 1, sizeof(**all));
	(*all)[(*n)++] = p;
}

static int
check_paths(struct spec *s, struct why *why)
{
	const struct spec_path **all = NULL;
	size_t n = 0, i, j;
	int rc = 0;

	for (i = 0; i < s->ndaemons; i++) {
		collect(&all, &n, &s->daemons[i].command);
		collect(&all, &n, &s->daemons[i].log);
		collect(&all, &n, &s->daemons[i].data);
		collect(&all, &n, &s->daemons[i].runtime);
		for (j = 0; j < s->daemons[i].reads.count; j++)
			collect(&all, &n, &s->daemons[i].reads.items[j]);
	}
	for (i = 0; i < s->nsockets; i++) {
		collect(&all, &n, &s->sockets[i].command);
		collect(&all, &n, &s->sockets[i].keys);
	}
	for (i = 0; i < s->ninstances; i++) {
		collect(&all, &n, &s->instances[i].config_directory);
		collect(&all, &n, &s->instances[i].queue_directory);
		collect(&all, &n, &s->instances[i].data_directory);
	}
	if (s->log)
		collect(&all, &n, &s->log->maillog_file);
	if (s->virtual_)
		collect(&all, &n, &s->virtual_->mailbox_base);
	for (i = 0; i < n && rc == 0; i++)
		for (j = 0; j < i; j++)
			if (strcmp(all[i]->path, all[j]->path) == 0) {
				/* Blame the later line, in file order. */
				const struct spec_path *first = all[j];
				const struct spec_path *again = all[i];

				if (again->at.line < first->at.line) {
					first = all[i];
					again = all[j];
				}
				rc = why_at(why, again->at.file, again->at.line,
				            "%s is already labeled by line %d",
				            again->path, first->at.line);
				break;
			}
	free(all);
	return rc;
}

int
spec_validate(struct spec *s, struct why *why)
{
	if (s->module[0] == '\0')
		return why_at(why, s->file,
		              s->module_at.line ? s->module_at.line : 1,
		              "the spec needs a [module] section with name =");
	if (check_daemons(s, why) < 0 || check_sockets(s, why) < 0 ||
	    check_instances(s, why) < 0 || check_ports(s, why) < 0 ||
	    check_paths(s, why) < 0)
		return -1;
	if (s->log && s->log->maillog_file.path == NULL)
		return missing(why, s->log->at, "log", "", "maillog_file");
	if (s->virtual_ && s->virtual_->mailbox_base.path == NULL)
		return missing(why, s->virtual_->at, "virtual", "",
		               "mailbox_base");
	return 0;
}
