/*
 * scan_ports - inet services on ports the master may not bind.  master(8)
 * binds every inet service of master.cf as postfix_master_t and hands
 * the socket to smtpd(8) or postscreen(8).  A port whose current type the
 * policy already lets postfix_master_t bind needs nothing, whatever that
 * type is (10025 is amavisd_send_port_t in refpolicy and Fedora's policy,
 * which the master binds; retyping it would only take it from amavis).
 * Any other port gets a [port] label smtp_port_t: plainly where the
 * policy leaves it generic, with override = yes and a comment saying what
 * it replaces where the policy gives it another type.
 * Called by scan_run.c.
 */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_file.h"
#include "ports.h"
#include "scan_ctx.h"
#include "xalloc.h"

/* The port of an inet service name: "smtp", "2525", "host:port". */
static int
service_port(const char *name)
{
	const char *colon = strrchr(name, ':');
	const char *p = colon ? colon + 1 : name;
	struct servent *se;
	char *end;
	long n = strtol(p, &end, 10);

	if (*p && *end == 0)
		return n >= 1 && n <= 65535 ? (int)n : -1;
	if ((se = getservbyname(p, "tcp")) == NULL)
		return -1;
	return ntohs((unsigned short)se->s_port);
}

static void
smtp_port(struct scan_ctx *sc, const struct pfconf_service *s, int port)
{
	char *type = policyinfo_port_type(sc->pi, "tcp", port);
	char *where = scan_service_where(sc, s), key[32], name[48];
	/* the master's domain binds every inet service; the SMTP
	 * services' port type is the one a [port] section proposes */
	const char *master = policy_daemon_domain("master");
	const char *smtp_port = policy_type("smtp-port");
	struct scan_section *sec;
	int created;

	if (policyinfo_allows(sc->pi, master, type, "tcp_socket",
	                      "name_bind")) {
		if (strcmp(type, smtp_port) != 0)
			scan_info(sc->model,
			          "%s: tcp/%d is %s, which %s "
			          "may already bind: no [port] needed",
			          where, port, type, master);
		free(type);
		free(where);
		return;
	}
	snprintf(key, sizeof(key), "tcp/%d", port);
	snprintf(name, sizeof(name), "%s_%d", scan_daemon_name(s), port);
	sec = scan_section(sc->model, SCAN_PORT, name, key, &created);
	scan_comment(sec, "from %s", where);
	if (created) {
		scan_set(sec, "port", "%s", key);
		scan_set(sec, "type", "%s", smtp_port);
		if (port_type_is_generic(type)) {
			scan_comment(sec,
			             "the policy leaves tcp/%d generic (%s)",
			             port, type);
			scan_set(sec, "override", "no");
		} else {
			scan_comment(
			    sec,
			    "the policy types tcp/%d %s: this replaces "
			    "that label, so check nothing else needs it",
			    port, type);
			scan_set(sec, "override", "yes");
		}
	}
	free(type);
	free(where);
}

int
scan_ports(struct scan_ctx *sc, struct why *why)
{
	size_t i;

	(void)why;
	for (i = 0; i < sc->conf->master.count; i++) {
		const struct pfconf_service *s = &sc->conf->master.items[i];
		const char *daemon = scan_daemon_name(s);
		int port;

		if (strcmp(s->field[PF_TYPE], "inet") != 0)
			continue;
		port = service_port(s->field[PF_SERVICE]);
		if (port < 0) {
			char *where = scan_service_where(sc, s);

			scan_note(sc->model,
			          "%s: no TCP port for service name "
			          "\"%s\"",
			          where, s->field[PF_SERVICE]);
			free(where);
		} else if (strcmp(daemon, "smtpd") == 0 ||
		           strcmp(daemon, "postscreen") == 0) {
			smtp_port(sc, s, port);
		} else {
			char *where = scan_service_where(sc, s);
			char *type = policyinfo_port_type(sc->pi, "tcp", port);

			scan_note(sc->model,
			          "%s: %s listens on tcp/%d (%s); pfsel knows "
			          "the port type only for smtpd and postscreen",
			          where, daemon, port, type);
			free(type);
			free(where);
		}
	}
	return 0;
}
