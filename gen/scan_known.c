/*
 * scan_known - well-known mail helpers; see scan_known.h.
 *
 * Ports are the projects' documented defaults (OpenDKIM 8891, OpenDMARC
 * 8893, Rspamd's milter proxy 11332, postgrey 10023, amavisd 10024,
 * spamd 783, clamd 3310) and two tutorial conventions seen in the test
 * configurations (OpenDKIM on 12301, Dovecot quota-status on 12340).
 */
#include <string.h>

#include "scan_known.h"

static const struct {
	int port;
	struct scan_known k;
} by_port[] = {
    {8891, {"opendkim", "dkim_milter_t", "/usr/sbin/opendkim", "OpenDKIM"}},
    {12301,
     {"opendkim", "dkim_milter_t", "/usr/sbin/opendkim",
      "OpenDKIM (port used by emailwiz and tutorials)"}},
    {8893, {"opendmarc", NULL, "/usr/sbin/opendmarc", "OpenDMARC"}},
    {11332, {"rspamd", NULL, "/usr/bin/rspamd", "Rspamd milter proxy"}},
    {10023, {"postgrey", "postgrey_t", "/usr/sbin/postgrey", "postgrey"}},
    {10024, {"amavis", "amavis_t", "/usr/sbin/amavisd-new", "amavisd-new"}},
    {783, {"spamd", "spamd_t", "/usr/sbin/spamd", "SpamAssassin spamd"}},
    {3310, {"clamd", "clamd_t", "/usr/sbin/clamd", "ClamAV clamd"}},
    {12340,
     {"dovecot_quota", "dovecot_t", NULL, "Dovecot quota-status service"}},
    {7777, {"iredapd", NULL, NULL, "iRedAPD policy server"}},
};

static const struct {
	const char *needle;
	struct scan_known k;
} by_path[] = {
    {"opendkim",
     {"opendkim", "dkim_milter_t", "/usr/sbin/opendkim", "OpenDKIM"}},
    {"opendmarc", {"opendmarc", NULL, "/usr/sbin/opendmarc", "OpenDMARC"}},
    {"rspamd", {"rspamd", NULL, "/usr/bin/rspamd", "Rspamd"}},
    {"spamass", {"spamass_milter", "spamass_milter_t", NULL, "spamass-milter"}},
    {"postgrey", {"postgrey", "postgrey_t", "/usr/sbin/postgrey", "postgrey"}},
    {"clamav", {"clamav_milter", NULL, NULL, "ClamAV milter"}},
    {"dovecot", {"dovecot", "dovecot_t", NULL, "Dovecot"}},
};

static const struct {
	const char *port_type, *server;
} by_port_type[] = {
    {"postgrey_port_t", "postgrey_t"},
    {"amavisd_recv_port_t", "amavis_t"},
    {"spamd_port_t", "spamd_t"},
    {"clamd_port_t", "clamd_t"},
    {"postfix_policyd_port_t", "postfix_policyd_t"},
    {"lmtp_port_t", "dovecot_t"},
};

const struct scan_known *
scan_known_port(int port)
{
	size_t i;

	for (i = 0; i < sizeof(by_port) / sizeof(by_port[0]); i++)
		if (by_port[i].port == port)
			return &by_port[i].k;
	return NULL;
}

const struct scan_known *
scan_known_path(const char *path)
{
	size_t i;

	for (i = 0; i < sizeof(by_path) / sizeof(by_path[0]); i++)
		if (strstr(path, by_path[i].needle))
			return &by_path[i].k;
	return NULL;
}

const char *
scan_known_port_type(const char *port_type)
{
	size_t i;

	for (i = 0; i < sizeof(by_port_type) / sizeof(by_port_type[0]); i++)
		if (strcmp(by_port_type[i].port_type, port_type) == 0)
			return by_port_type[i].server;
	return NULL;
}
