/*
 * scan_endpoint - the sockets Postfix daemons connect to, shared by the
 * detectors that find them: scan_milters.c (smtpd_milters,
 * non_smtpd_milters), scan_smtpd.c (check_policy_service, Dovecot SASL)
 * and scan_transports.c (LMTP transports, content filters).
 *
 * scan_record() turns an endpoint into a [milter] or [socket] section,
 * merged by endpoint; the serving domain comes from the policy (socket
 * label, port type) or the well-known table (scan_known.h), and a section
 * whose server nobody can name is written commented out with the reason.
 */
#ifndef PFSEL_SCAN_ENDPOINT_H
#define PFSEL_SCAN_ENDPOINT_H

#include "scan_ctx.h"

struct scan_endpoint {
	int is_unix;
	char *path; /* is_unix: as the client sees it */
	char *host; /* inet: may be NULL */
	int port;
};

/* How a detector found an endpoint. */
struct scan_use {
	int is_milter;
	const char *client;   /* Postfix daemon that connects */
	const char *hint;     /* section name when no known server */
	const char *fallback; /* server when the policy says nothing */
	const char *fallback_why;
	int strong_hint;      /* hint beats the well-known name */
	char *where;          /* the configuration line, for the comment */
	const char *protocol; /* spoken on the socket (policy/servers.map) */
};

/* A server address: "unix:PATH", "local:PATH", "inet:HOST:PORT", or
 * (policy, LMTP) a bare path or host:port; -1 when unparsable.  A Unix
 * path is resolved as a client with this chroot setting sees it. */
int scan_endpoint_parse(struct scan_ctx *sc, const char *text, int chroot,
                        struct scan_endpoint *ep);
void scan_endpoint_free(struct scan_endpoint *ep);
/* The section ep went into, NULL when a master.cf service serves it. */
struct scan_section *scan_record(struct scan_ctx *sc, struct scan_endpoint *ep,
                                 const struct scan_use *u);

/* Words of a Postfix list (blanks and commas separate, {} groups). */
char **scan_list_words(const char *v, size_t *n);
void scan_words_free(char **w, size_t n);
int scan_has_word(const char *list, const char *word);
/* "{ inet:host:port, option = value }" -> "inet:host:port" */
char *scan_group_head(const char *w);
/* The service runs this Postfix daemon. */
int scan_is_daemon(const struct pfconf_service *s, const char *name);

int scan_milters(struct scan_ctx *sc, const struct pfconf_service *s,
                 struct why *why);
int scan_policies(struct scan_ctx *sc, const struct pfconf_service *s,
                  struct why *why);
int scan_sasl(struct scan_ctx *sc, const struct pfconf_service *s,
              struct why *why);
int scan_transports(struct scan_ctx *sc, struct why *why);

#endif
