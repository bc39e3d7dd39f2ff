/*
 * emit_daemon - [daemon NAME]: a service master(8) runs, in a domain of
 * its own entered from postfix_master_t, with only the paths and sockets
 * the section names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "emit_ctx.h"

/* One kind of owned path: log, data or runtime. */
static int
emit_owned(struct emit_ctx *c, const struct spec_daemon *d,
           const struct spec_path *p, const char *kind, const char *fragment)
{
	const char *domain = ctx_str(c, "postfix_%s_t", d->name);
	const char *type = ctx_str(c, "postfix_%s_%s_t", d->name, kind);
	const char *what = ctx_str(c, "[daemon %s] %s", d->name, kind);
	struct label_claim claim = {.what = what,
	                            .path = p->path,
	                            .tree = 1,
	                            .replaces = &d->replaces,
	                            .at = p->at};
	struct fragment_vars v;

	if (p->path == NULL)
		return 0;
	if (ctx_new_type(c, type, p->at) < 0)
		return -1;
	ctx_vars(c, &v, p->at);
	fragment_set(&v, "NAME", d->name);
	fragment_set(&v, "DOMAIN", domain);
	fragment_set(&v, "TYPE", type);
	fragment_set(&v, "WHAT", what);
	if (ctx_path_vars(c, &v, p->path, p->at) < 0 ||
	    ctx_te(c, fragment, &v) < 0 ||
	    ctx_label(c, "tree.fc", &v, &claim) < 0)
		return -1;
	return ctx_search(c, domain, NULL, p->path, p->at);
}

/* reads = a b c: one read-only type for all of them. */
static int
emit_reads(struct emit_ctx *c, const struct spec_daemon *d)
{
	const char *domain = ctx_str(c, "postfix_%s_t", d->name);
	const char *type = ctx_str(c, "postfix_%s_conf_t", d->name);
	struct fragment_vars v;
	size_t i;

	if (d->reads.count == 0)
		return 0;
	if (ctx_new_type(c, type, d->reads.items[0].at) < 0)
		return -1;
	ctx_vars(c, &v, d->reads.items[0].at);
	fragment_set(&v, "NAME", d->name);
	fragment_set(&v, "DOMAIN", domain);
	fragment_set(&v, "TYPE", type);
	fragment_set(&v, "PATH", d->reads.items[0].path);
	if (ctx_te(c, "daemon-reads.te", &v) < 0)
		return -1;
	for (i = 0; i < d->reads.count; i++) {
		const struct spec_path *p = &d->reads.items[i];
		const char *what = ctx_str(c, "[daemon %s] reads", d->name);
		struct label_claim claim = {.what = what,
		                            .path = p->path,
		                            .tree = 1,
		                            .replaces = &d->replaces,
		                            .at = p->at};

		ctx_vars(c, &v, p->at);
		fragment_set(&v, "TYPE", type);
		fragment_set(&v, "WHAT", what);
		if (ctx_path_vars(c, &v, p->path, p->at) < 0 ||
		    ctx_label(c, "tree.fc", &v, &claim) < 0 ||
		    ctx_search(c, domain, NULL, p->path, p->at) < 0)
			return -1;
	}
	return 0;
}

static int
emit_connects(struct emit_ctx *c, const struct spec_daemon *d)
{
	const char *domain = ctx_str(c, "postfix_%s_t", d->name);
	size_t i, j;

	for (i = 0; i < d->connect.count; i++)
		for (j = 0; j < c->spec->nsockets; j++)
			if (strcmp(c->spec->sockets[j].name,
			           d->connect.items[i].path) == 0 &&
			    emit_socket_client(c, &c->spec->sockets[j], domain,
			                       d->connect.items[i].at) < 0)
				return -1;
	return 0;
}

static int
emit_daemon(struct emit_ctx *c, const struct spec_daemon *d)
{
	struct label_claim claim = {
	    .what = ctx_str(c, "[daemon %s] command", d->name),
	    .path = d->command.path,
	    .program = 1,
	    .replaces = &d->replaces,
	    .at = d->command.at};
	struct fragment_vars v;
	char domain[EMIT_DOMAIN_MAX];

	if (ctx_map(c, c->daemon_map, d->name, 1))
		return ctx_fail(c, d->at,
		                "[daemon %s] is a stock Postfix daemon; the "
		                "policy already confines it",
		                d->name);
	emit_daemon_domain(d->name, domain);
	if (ctx_new_type(c, domain, d->at) < 0)
		return -1;
	ctx_vars(c, &v, d->at);
	fragment_set(&v, "NAME", d->name);
	if (ctx_te(c, "daemon.te", &v) < 0 || ctx_if(c, "daemon.if", &v) < 0)
		return -1;
	ctx_vars(c, &v, d->command.at);
	fragment_set(&v, "NAME", d->name);
	if (ctx_path_vars(c, &v, d->command.path, d->command.at) < 0 ||
	    ctx_label(c, "daemon.fc", &v, &claim) < 0)
		return -1;
	if (emit_owned(c, d, &d->log, "log", "daemon-log.te") < 0 ||
	    emit_owned(c, d, &d->data, "data", "daemon-data.te") < 0 ||
	    emit_owned(c, d, &d->runtime, "runtime", "daemon-runtime.te") < 0 ||
	    emit_reads(c, d) < 0 || emit_connects(c, d) < 0)
		return -1;
	return 0;
}

int
emit_daemons(struct emit_ctx *c)
{
	size_t i;

	for (i = 0; i < c->spec->ndaemons; i++)
		if (emit_daemon(c, &c->spec->daemons[i]) < 0)
			return -1;
	return 0;
}

void
emit_daemon_domain(const char *name, char buf[EMIT_DOMAIN_MAX])
{
	snprintf(buf, EMIT_DOMAIN_MAX, "postfix_%s_t", name);
}
