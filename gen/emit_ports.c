/*
 * emit_ports - [port NAME] and the implicit ports of inet sockets: the
 * type must exist; the label itself is applied by the installer (a .te
 * module cannot carry portcon), so the module only records it.
 */
#include "emit_ctx.h"

int
emit_ports(struct emit_ctx *c)
{
	struct fragment_vars v;
	size_t i;

	for (i = 0; i < c->spec->nports; i++) {
		const struct spec_port *p = &c->spec->ports[i];

		if (ctx_check_port_type(c, p->type, p->at) < 0)
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
