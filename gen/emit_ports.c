/*
 * emit_ports - [port NAME] and the implicit ports of inet sockets: the
 * type must exist; the label itself is applied by the installer (a .te
 * module cannot carry portcon), so the module only records it.
 *
 * A [port] section is for a master.cf service the master cannot bind:
 * master(8) binds every inet service as postfix_master_t.  A port the
 * policy gives a specific type the master may already bind (10025 is
 * amavisd_send_port_t, for a content filter's reinjection smtpd) needs
 * no section, and retyping it would only take it from the domains that
 * use that type (amavis_t connects there): a section retyping it to
 * another type the master binds is refused, whatever override says.
 * A generic port (unreserved_port_t) is nobody's: labeling it
 * takes nothing away.
 */
#include <stdlib.h>
#include <string.h>

#include "emit_ctx.h"
#include "policy_file.h"
#include "ports.h"

/* Refuse a port the section retypes although the master binds it. */
static int
check_needed(struct emit_ctx *c, const struct spec_port *p)
{
	int port, rc = 0;

	const char *class = ctx_str(c, "%s_socket", p->proto);
	/* The master's domain binds every inet service.  A section retyping
	 * the port to a type the master may not bind is not for a Postfix
	 * service; the installer's port rules decide it. */
	const char *master = policy_daemon_domain("master");

	if (!policyinfo_allows(c->pi, master, p->type, class, "name_bind"))
		return 0;
	for (port = p->low; port <= p->high && rc == 0; port++) {
		char *type = policyinfo_port_type(c->pi, p->proto, port);

		if (strcmp(type, p->type) != 0 && !port_type_is_generic(type) &&
		    policyinfo_allows(c->pi, master, type, class, "name_bind"))
			rc = ctx_fail(c, p->at,
			              "[port %s] %s/%d: the policy types it "
			              "%s, which %s may already "
			              "bind; drop the section (retyping the "
			              "port would take it from the domains "
			              "that use %s)",
			              p->name, p->proto, port, type, master,
			              type);
		free(type);
	}
	return rc;
}

int
emit_ports(struct emit_ctx *c)
{
	struct fragment_vars v;
	size_t i;

	for (i = 0; i < c->spec->nports; i++) {
		const struct spec_port *p = &c->spec->ports[i];

		if (ctx_check_port_type(c, p->type, p->at) < 0 ||
		    (!p->implicit && check_needed(c, p) < 0))
			return -1;
		ctx_vars(c, &v, p->at);
		fragment_set(&v, "NAME", p->name);
		fragment_set(&v, "PORT_T", p->type);
		fragment_set(
		    &v, "PORT",
		    p->low == p->high
		        ? ctx_str(c, "%s/%d", p->proto, p->low)
		        : ctx_str(c, "%s/%d-%d", p->proto, p->low, p->high));
		if (ctx_te(c, "port.te", &v) < 0)
			return -1;
	}
	return 0;
}
