/*
 * scan_known - servers Postfix is commonly pointed at, by port, socket
 * path and port type, with the policy domain each runs in (when the
 * distribution policy has one) and its usual program.  Guesses are
 * written into the spec as such, for the admin to confirm.
 * Used by scan_endpoint.c; the knowledge is policy/helpers.map.
 */
#ifndef PFSEL_SCAN_KNOWN_H
#define PFSEL_SCAN_KNOWN_H

struct scan_known {
	const char *name;    /* section name */
	const char *server;  /* domain, NULL when the policy has none */
	const char *command; /* usual program (Debian), NULL if unknown */
	const char *what;    /* for the comment */
};

const struct scan_known *scan_known_port(int port);
const struct scan_known *scan_known_path(const char *path);
/* The domain serving ports of this type, e.g. postgrey_t, or NULL. */
const char *scan_known_port_type(const char *port_type);

#endif
