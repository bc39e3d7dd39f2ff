/*
 * doctor_ports - the ports of master.cf and main.cf against the policy:
 * master(8) binds every inet service's socket as postfix_master_t, so a
 * port whose type it may not name_bind fails at start; and the clients
 * of inet milters (smtpd, cleanup) and of the relayhost (smtp) must be
 * allowed to name_connect to their server's port.  Called by
 * cmd_doctor.c; the port labels and the answers come from the policy
 * file (review_policy.h), so a root's own port records count.
 */
#include <netdb.h>
#include <stdlib.h>
#include <string.h>

#include "doctor.h"
#include "policy_file.h"
#include "strbuf.h"
#include "xalloc.h"

#define MAX_TYPES 32

/* The port of "smtp", "2525", "127.0.0.1:10030", "[::1]:2525"; -1. */
static int
port_of(const char *name)
{
	const char *colon = strrchr(name, ':');
	const char *p = colon ? colon + 1 : name;
	struct servent *se;
	char *end;
	long n;

	if (*p == '\0')
		return -1;
	n = strtol(p, &end, 10);
	if (*end == '\0')
		return n >= 1 && n <= 65535 ? (int)n : -1;
	if ((se = getservbyname(p, "tcp")) == NULL)
		return -1;
	return ntohs((unsigned short)se->s_port);
}

/*
 * The type of tcp/port, the unlabeled port type when no port record
 * names it: the policy's initial SID for ports.
 */
static const char *
port_type(struct doctor *d, int port)
{
	const char *t =
	    sepolicy_port_type(rv_policy_sepolicy(d->pol), "tcp", port);

	return t != NULL ? t : policy_type("unlabeled-port");
}

/* Whether domain may perm (name_bind, name_connect) tcp/port. */
static int
may(struct doctor *d, const char *domain, const char *perm, int port)
{
	return doctor_allowed(d, domain, port_type(d, port), "tcp_socket",
	                      perm);
}

/* The port types domain may perm, the preferred one first. */
static int
usable_types(struct doctor *d, const char *domain, const char *perm,
             const char *prefer, const char **names)
{
	struct sepolicy *sp = rv_policy_sepolicy(d->pol);
	uint16_t cls = sepolicy_class(sp, "tcp_socket");
	/* Roles stay here, types come from policy/: object_r is the role
	 * the kernel and libsepol fix for every object, system_r the
	 * daemons' role in refpolicy and Fedora's policy (the access check
	 * needs a valid context; type enforcement decides the answer). */
	char *scon = doctor_context(d, "system_r", domain);
	/* tcon lends only user, role and level: the unlabeled port type,
	 * the one every policy has for ports */
	char *tcon =
	    doctor_context(d, "object_r", policy_type("unlabeled-port"));
	int n = rv_policy_port_types(d->pol, scon, tcon, cls,
	                             sepolicy_perm(sp, cls, perm), names,
	                             MAX_TYPES),
	    i;

	for (i = 1; i < n; i++)
		if (strcmp(names[i], prefer) == 0) {
			names[i] = names[0];
			names[0] = prefer;
		}
	free(scon);
	free(tcon);
	return n;
}

static void
port_finding(struct doctor *d, const char *who, const char *domain,
             const char *perm, int port, const char *prefer, const char *where)
{
	const char *types[MAX_TYPES];
	int n = usable_types(d, domain, perm, prefer, types), i;
	struct doctor_finding *f;
	char num[16];
	struct strbuf sb = STRBUF_INIT;

	f = doctor_finding(d, DOCTOR_PART, DOCTOR_ERROR, "port",
	                   "%s: %s on tcp/%d, whose type %s %s may not %s",
	                   where, who, port, port_type(d, port), domain, perm);
	doctor_evidence(f, "tcp/%d is %s in %s", port, port_type(d, port),
	                sepolicy_path(rv_policy_sepolicy(d->pol)));
	if (n == 0) {
		doctor_fix_note(f, "no port type of this policy allows it: "
		                   "a [port] section of the pfsel spec with a "
		                   "type of its own");
		return;
	}
	for (i = 0; i < n && i < 6; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", types[i]);
	doctor_evidence(f, "types %s may %s: %s%s", domain, perm, sb.data,
	                n > 6 ? ", ..." : "");
	strbuf_free(&sb);
	snprintf(num, sizeof(num), "%d", port);
	{
		const char *fix[] = {"semanage", "port", "-a", "-t", types[0],
		                     "-p",       "tcp",  num,  NULL};
		doctor_fix(f, fix);
	}
	doctor_fix_note(f,
	                "[port] with port = tcp/%d and type = %s in the "
	                "pfsel spec, then pfsel-gen install%s",
	                port, types[0], d->root ? " --root ROOT" : "");
}

static void
inet_services(struct doctor *d, int *checked)
{
	const char *master = policy_daemon_domain("master");
	size_t i;

	for (i = 0; i < d->conf.master.count; i++) {
		const struct pfconf_service *s = &d->conf.master.items[i];
		int port;
		char *where;

		if (strcmp(s->field[PF_TYPE], "inet") != 0)
			continue;
		port = port_of(s->field[PF_SERVICE]);
		where = xasprintf("%s:%d", d->conf.master_file, s->line);
		if (port < 0)
			doctor_fact(d, DOCTOR_PART, "port",
			            "%s: service \"%s\" has no TCP port here",
			            where, s->field[PF_SERVICE]);
		/* the master's domain binds every inet service; the SMTP
		 * services' port type is the one to propose first */
		else if (!may(d, master, "name_bind", port))
			port_finding(d, s->field[PF_COMMAND], master,
			             "name_bind", port,
			             policy_type("smtp-port"), where);
		else
			(*checked)++;
		free(where);
	}
}

/*
 * The inet clients of one main.cf parameter: the daemon connecting and
 * the port type to propose come from policy/type-roles (port-client),
 * the daemon's domain from postfix-daemons.map.
 */
static void
param_clients(struct doctor *d, const char *param, int *checked)
{
	char *daemon = policy_file_field("type-roles", "port-client", param, 1);
	char *prefer = policy_file_field("type-roles", "port-client", param, 2);
	char *domain =
	    daemon ? policy_file_field("postfix-daemons.map", NULL, daemon, 1)
	           : NULL;
	int relayhost = strcmp(param, "relayhost") == 0;
	struct why why;
	char *v =
	    domain && prefer ? pfconf_get(&d->conf, NULL, param, &why) : NULL;
	char *save = NULL, *w;

	for (w = v ? strtok_r(v, " \t,", &save) : NULL; w != NULL;
	     w = strtok_r(NULL, " \t,", &save)) {
		int port;
		char *where;

		/* milters: inet:HOST:PORT; relayhost: [HOST]:PORT */
		if (!relayhost && strncmp(w, "inet:", 5) != 0)
			continue;
		if (relayhost && strrchr(w, ':') == NULL)
			continue; /* the smtp port, allowed */
		port = port_of(w);
		if (port < 0)
			continue;
		where = pfconf_origin(&d->conf, NULL, param);
		if (!may(d, domain, "name_connect", port))
			port_finding(d, param, domain, "name_connect", port,
			             prefer, where);
		else
			(*checked)++;
		free(where);
	}
	free(v);
	free(daemon);
	free(prefer);
	free(domain);
}

/*
 * The inet clients main.cf names: milters and the relayhost, whose
 * values C parses (inet:HOST:PORT, [HOST]:PORT).
 */
static void
clients(struct doctor *d, int *checked)
{
	static const char *const params[] = {"smtpd_milters",
	                                     "non_smtpd_milters", "relayhost"};
	size_t i;

	for (i = 0; i < sizeof(params) / sizeof(params[0]); i++)
		param_clients(d, params[i], checked);
}

void
doctor_ports(struct doctor *d)
{
	int checked = 0;

	if (d->pol == NULL || !d->have_conf) {
		doctor_fact(d, DOCTOR_PART, "ports", "not checked: %s",
		            d->pol == NULL ? "no policy file could be read"
		                           : "no Postfix configuration");
		return;
	}
	inet_services(d, &checked);
	clients(d, &checked);
	doctor_fact(d, DOCTOR_PART, "ports",
	            "%d inet service and client port%s allowed", checked,
	            checked == 1 ? "" : "s");
}
