/*
 * scan_ctx - what every scan detector works with: the configuration, the
 * policy it is compared with, and the model the findings go into.
 * Filled by scan_run.c; used by scan_services.c, scan_endpoint.c,
 * scan_dirs.c and scan_ports.c.
 */
#ifndef PFSEL_SCAN_CTX_H
#define PFSEL_SCAN_CTX_H

#include "pfconf_config.h"
#include "policyinfo.h"
#include "scan_model.h"
#include "why.h"

struct scan_ctx {
	const struct pfconf *conf;
	struct policyinfo *pi;
	const char *module; /* the spec's [module] name */
	struct scan_model *model;
	char *queue_dir;   /* expanded, main.cf level */
	char *daemon_dir;  /* expanded, main.cf level */
	char *servers_map; /* policy/servers.map */
	char *daemons_map; /* policy/postfix-daemons.map */
};

/* policy/servers.map lists domain as serving protocol ("milter",
 * "policy", "sasl", "lmtp", "smtp"). */
int scan_serves(const struct scan_ctx *sc, const char *domain,
                const char *protocol);
/* The domain a Postfix daemon runs in (policy/postfix-daemons.map), or
 * NULL; caller frees. */
char *scan_daemon_domain(const struct scan_ctx *sc, const char *daemon);

/* The daemon a service runs: its command's last path component. */
const char *scan_daemon_name(const struct pfconf_service *s);
/* A stock Postfix daemon (as shipped in daemon_directory). */
int scan_is_stock_daemon(const char *name);

/* Expanded parameter for svc (NULL: main.cf level); NULL with why. */
char *scan_param(struct scan_ctx *sc, const struct pfconf_service *svc,
                 const char *name, struct why *why);
/* "main.cf:N: name = value" for comments; caller frees. */
char *scan_where(struct scan_ctx *sc, const struct pfconf_service *svc,
                 const char *name);
/* "master.cf:N: service type ... command" for comments; caller frees. */
char *scan_service_where(struct scan_ctx *sc, const struct pfconf_service *s);

/* A Unix socket path as the client process sees it: relative to the
 * queue directory, or inside it when the client runs chrooted. */
char *scan_socket_path(struct scan_ctx *sc, const char *path, int chroot);

/* The type the policy's file contexts give path ("" when none). */
char *scan_file_type(struct scan_ctx *sc, const char *path);
/* The domain whose private files are labelled type (X_t for X_exec_t,
 * X_data_t, X_runtime_t, ...), if the policy has it; caller frees. */
char *scan_domain_of(struct scan_ctx *sc, const char *type);

/* Run the service, endpoint and port detectors on a postmulti instance
 * (its sections join the same spec); its errors become notes. */
void scan_instance(struct scan_ctx *sc, struct pfconf *inst);

int scan_services(struct scan_ctx *sc, struct why *why);
int scan_endpoints(struct scan_ctx *sc, struct why *why);
int scan_dirs(struct scan_ctx *sc, struct why *why);
int scan_ports(struct scan_ctx *sc, struct why *why);
int scan_tables(struct scan_ctx *sc, struct why *why);

#endif
