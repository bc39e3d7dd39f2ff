/*
 * scan_ports - inet services on ports the policy does not type for their
 * daemon.  smtpd(8) and postscreen(8) bind as postfix_smtpd_t and need
 * smtp_port_t; a port the policy leaves generic gets a [port] label, one
 * it gives another type (10025 is amavisd_send_port_t in refpolicy) gets
 * override = yes, with a comment saying what it replaces.
 * Called by scan_run.c.
 */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_file.h"
#include "scan_ctx.h"
#include "xalloc.h"

/* Port types that only say "some port": adding a label is no override. */
static int
generic_port_type(const char *t)
{
	return policy_file_has("generic-port-types", NULL, t);
}

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
	struct scan_section *sec;
	int created;

	if (strcmp(type, "smtp_port_t") == 0) {
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
		scan_set(sec, "type", "smtp_port_t");
		if (generic_port_type(type)) {
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
