/*
 * spec - the pfsel spec: what a Postfix site adds beyond the stock policy.
 *
 * The spec is a small INI file (format in pfsel-spec(5)), parsed with
 * inih and validated completely before anyone uses it: identifiers,
 * absolute paths without characters that could escape m4 or regex
 * quoting, port ranges, duplicates.  Every item remembers the file:line
 * it came from so that generated rules and error messages can name it.
 * Shared by pfsel-gen (emission, install) and pfsel-label (--spec, review).
 */
#ifndef PFSEL_SPEC_H
#define PFSEL_SPEC_H

#include <stddef.h>

#include "why.h"

#define SPEC_NAME_MAX 32

/* Where a value came from, for messages and rule comments. */
struct spec_origin {
	const char *file; /* points into struct spec */
	int line;
};

struct spec_path {
	char *path; /* absolute, validated */
	struct spec_origin at;
};

struct spec_list {
	struct spec_path *items;
	size_t count;
};

/*
 * Every section that labels paths may name, in replaces =, the types the
 * policy already gives those paths that it takes over; pfsel-gen refuses
 * to relabel a path of any other specific type (gen/emit_guard.c).
 */

struct spec_daemon {
	char name[SPEC_NAME_MAX + 1];
	struct spec_origin at; /* the section header */
	struct spec_path command;
	struct spec_path log;     /* path NULL when absent */
	struct spec_path data;    /* path NULL when absent */
	struct spec_path runtime; /* path NULL when absent */
	struct spec_list reads;
	struct spec_list connect; /* names of [milter]/[socket] sections */
	struct spec_list replaces;
};

enum spec_endpoint_kind { ENDPOINT_UNIX, ENDPOINT_INET };

struct spec_endpoint {
	enum spec_endpoint_kind kind;
	char *path; /* ENDPOINT_UNIX: absolute socket path */
	char *host; /* ENDPOINT_INET: may be NULL */
	int port;   /* ENDPOINT_INET */
	struct spec_origin at;
};

/* [milter NAME] and [socket NAME] share one shape. */
struct spec_socket {
	char name[SPEC_NAME_MAX + 1];
	int is_milter;
	struct spec_origin at;
	struct spec_endpoint endpoint;
	char *server;    /* existing domain type, or NULL */
	char *port_type; /* ENDPOINT_INET: the port's type */
	struct spec_origin server_at;
	struct spec_path command; /* a new domain: milter or service */
	struct spec_path keys;    /* milter private data, path may be NULL */
	struct spec_list clients; /* Postfix daemon names, e.g. "smtpd" */
	struct spec_list replaces;
	/* Client-only: an inet server on another host, neither server =
	 * nor command = (Postfix only connects). */
	int remote;
};

struct spec_instance {
	char name[SPEC_NAME_MAX + 1]; /* "" for the main instance's [queue] */
	struct spec_origin at;
	struct spec_path config_directory; /* NULL for [queue] */
	struct spec_path queue_directory;
	struct spec_path data_directory; /* may be NULL */
	struct spec_list replaces;
};

enum spec_log_writer { LOG_WRITER_POSTLOGD, LOG_WRITER_MASTER };

struct spec_log {
	struct spec_origin at;
	struct spec_path maillog_file;
	enum spec_log_writer writer;
	struct spec_list replaces;
};

struct spec_virtual {
	struct spec_origin at;
	struct spec_path mailbox_base;
	struct spec_list replaces;
};

struct spec_port {
	char name[SPEC_NAME_MAX + 1];
	struct spec_origin at;
	char proto[8]; /* tcp, udp, sctp, dccp */
	int low, high;
	char *type;
	int override;
	int implicit; /* made for an inet [milter]/[socket] endpoint */
};

struct spec {
	char *file; /* the spec's path as given */
	char module[SPEC_NAME_MAX + 1];
	struct spec_origin module_at;
	struct spec_daemon *daemons;
	size_t ndaemons;
	struct spec_socket *sockets;
	size_t nsockets;
	struct spec_instance *instances; /* [queue] first when present */
	size_t ninstances;
	struct spec_log *log;          /* NULL when absent */
	struct spec_virtual *virtual_; /* NULL when absent */
	struct spec_port *ports;
	size_t nports;
};

/* Parse and validate; NULL with why set ("file:line: ...") on error. */
struct spec *spec_load(const char *path, struct why *why);
/* The same from memory; name is used in messages. */
struct spec *spec_parse(const char *name, const char *text, size_t len,
                        struct why *why);
void spec_free(struct spec *spec);

/* host names this host (loopback, localhost, or none). */
int spec_host_is_local(const char *host);

/*
 * The directory trees whose labels the spec's module defines, deduplicated,
 * without nesting (a tree inside another is dropped).  The caller frees the
 * array and its strings.
 */
char **spec_trees(const struct spec *spec, size_t *count);

#endif
