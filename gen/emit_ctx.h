/*
 * emit_ctx - state and helpers shared by the emit_*.c files (internal to
 * the emitter; see emit.h).
 */
#ifndef PFSEL_GEN_EMIT_CTX_H
#define PFSEL_GEN_EMIT_CTX_H

#include <sys/types.h>

#include "emit.h"
#include "fragment.h"

struct emit_ctx {
	const struct spec *spec;
	struct policyinfo *pi;
	struct module_text *out;
	struct why *why;
	char *daemon_map;    /* policy/postfix-daemons.map */
	char *milter_map;    /* policy/milters.map */
	char *generic_types; /* policy/generic-types */
	char *guard_map;     /* policy/label-guard */
	char *fc_text;       /* the target's file contexts, read when needed */
	char **pool;         /* strings to free at the end */
	size_t npool;
};

/* A formatted string owned by the context. */
const char *ctx_str(struct emit_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* "FILE:LINE" of a spec origin. */
const char *ctx_origin(struct emit_ctx *c, struct spec_origin at);
/* Variables every fragment may use: MODULE, SPEC, ORIGIN. */
void ctx_vars(struct emit_ctx *c, struct fragment_vars *v,
              struct spec_origin at);
/* Postfix's default queue_directory, whose labels a moved queue copies. */
#define STOCK_QUEUE "/var/spool/postfix"

/*
 * The type path (a file of the given st_mode type, 0 for any) has once
 * this module is installed, freed by the caller, NULL when none: a path
 * inside a queue the spec moves or adds ([queue], [instance]) takes the
 * type the policy gives the same place under the stock queue, one inside
 * an instance's configuration or data tree that tree's type; any other
 * path the type the target policy gives it.  Every decision about an
 * existing path asks this, so that a section sees what the spec's other
 * sections make of it (a socket in a moved queue's private/).
 */
char *ctx_file_type(struct emit_ctx *c, const char *path, mode_t mode);
/* The type of ctx_file_type() when another section of the spec decides
 * it, else NULL; freed by the caller. */
char *ctx_own_type(struct emit_ctx *c, const char *path, mode_t mode);
/* A type policy/label-guard protects (Postfix's own, keys, ...). */
int ctx_protected_type(struct emit_ctx *c, const char *type);
/* Set PATH, PATH_RE, BASENAME and PARENT_T (may fail: no parent type). */
int ctx_path_vars(struct emit_ctx *c, struct fragment_vars *v, const char *path,
                  struct spec_origin at);
int ctx_te(struct emit_ctx *c, const char *file, struct fragment_vars *v);
int ctx_fc(struct emit_ctx *c, const char *file, struct fragment_vars *v);
int ctx_if(struct emit_ctx *c, const char *file, struct fragment_vars *v);
/*
 * Let domain reach path: search on every ancestor directory type the
 * domain cannot search yet.  When domain is an attribute, probe names a
 * member type to ask the policy about (else probe is NULL).
 */
int ctx_search(struct emit_ctx *c, const char *domain, const char *probe,
               const char *path, struct spec_origin at);
/* A column of a policy/ map file for a key (column 0), or NULL. */
const char *ctx_map(struct emit_ctx *c, const char *map, const char *key,
                    int column);
/* Fail with "FILE:LINE: ..." */
int ctx_fail(struct emit_ctx *c, struct spec_origin at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The domain of a Postfix daemon name or a [daemon] of the spec. */
const char *ctx_client_domain(struct emit_ctx *c, const char *name);
/* Fail unless type exists in the policy. */
int ctx_need_type(struct emit_ctx *c, const char *type, struct spec_origin at,
                  const char *what);
/* Fail if a type this module declares already exists in a policy that
 * does not hold an earlier version of the module. */
int ctx_new_type(struct emit_ctx *c, const char *type, struct spec_origin at);

/* A path a section labels, for the guard (emit_guard.c). */
struct label_claim {
	const char *what; /* "[daemon x] log", as in messages */
	const char *path;
	int tree;           /* path(/.*)? rather than the path alone */
	int program;        /* a command = that gets an entry point type */
	const char *server; /* the section's server domain, or NULL */
	const struct spec_list *replaces;
	struct spec_origin at;
};
/*
 * Append the .fc fragment that labels claim->path, then refuse (before
 * anything is written) a path the target policy keeps: see emit_guard.c.
 */
int ctx_label(struct emit_ctx *c, const char *fragment, struct fragment_vars *v,
              const struct label_claim *claim);
/*
 * The same guard for a claim whose .fc lines the caller appended itself
 * since fc_start (a moved queue's line and its subdirectories' lines).
 */
int ctx_guard(struct emit_ctx *c, const struct label_claim *claim,
              size_t fc_start);
/* Fail unless server is a confined domain of the policy. */
int ctx_check_server(struct emit_ctx *c, const char *server,
                     struct spec_origin at);
/* Fail unless type is a port type of the policy. */
int ctx_check_port_type(struct emit_ctx *c, const char *type,
                        struct spec_origin at);

int emit_daemons(struct emit_ctx *c);
int emit_sockets(struct emit_ctx *c);
int emit_socket_client(struct emit_ctx *c, const struct spec_socket *k,
                       const char *client, struct spec_origin at);
int emit_instances(struct emit_ctx *c);
int emit_log(struct emit_ctx *c);
int emit_virtual(struct emit_ctx *c);
int emit_ports(struct emit_ctx *c);

#endif
