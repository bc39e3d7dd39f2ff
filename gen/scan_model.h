/*
 * scan_model - what the scan found, before it is written as a spec.
 *
 * Detectors add sections (kind, name, "key = value" lines, the comments
 * naming their source lines) and notes ("# not handled: ..." for what no
 * section describes).  Milters and sockets are merged by endpoint, so a
 * milter named in smtpd_milters and non_smtpd_milters is one section with
 * clients "smtpd cleanup".  scan_write() prints the spec.
 * Used by the scan_*.c detectors and scan_run.c.
 */
#ifndef PFSEL_SCAN_MODEL_H
#define PFSEL_SCAN_MODEL_H

#include <stddef.h>

#include "spec.h"
#include "strbuf.h"

enum scan_kind {
	SCAN_QUEUE,
	SCAN_INSTANCE,
	SCAN_LOG,
	SCAN_VIRTUAL,
	SCAN_DAEMON,
	SCAN_MILTER,
	SCAN_SOCKET,
	SCAN_PORT,
	SCAN_NKINDS
};

struct scan_section {
	enum scan_kind kind;
	char name[SPEC_NAME_MAX + 1];
	char *key;              /* merge key (endpoint, port), may be NULL */
	struct strbuf comments; /* "# ..." lines */
	struct strbuf body;     /* "key = value" lines, without clients */
	char **clients;         /* milter/socket clients, merged */
	size_t nclients;
	int disabled; /* written commented out: the admin must finish it */
	char *server; /* the server = it names, NULL when none */
};

struct scan_model {
	struct scan_section *items;
	size_t count;
	/* A name a new section of this kind may not take: the type emit
	 * would make for it is the target policy's already (NULL: any). */
	int (*name_refused)(void *arg, enum scan_kind kind, const char *name);
	void *refused_arg;
	struct strbuf notes; /* "# not handled: ..." lines */
	struct strbuf info;  /* "# ..." lines about what needs nothing */
};

/*
 * The section of this kind with this merge key, or a new one named after
 * want (made an identifier and unique).  *created tells which.
 */
struct scan_section *scan_section(struct scan_model *m, enum scan_kind kind,
                                  const char *want, const char *key,
                                  int *created);
void scan_add_client(struct scan_section *s, const char *client);
/* text, or its start ended between words and marked " [...]" when it is
 * longer than max (one word longer than max is kept whole); caller
 * frees. */
char *scan_shorten(const char *text, size_t max);
void scan_comment(struct scan_section *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void scan_set(struct scan_section *s, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void scan_note(struct scan_model *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void scan_info(struct scan_model *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* NAME made a spec identifier: lower case, [-.:] and others to '_'. */
void scan_ident(const char *in, char out[SPEC_NAME_MAX + 1]);

void scan_write(const struct scan_model *m, const char *module,
                const char *config_dir, struct strbuf *out);
void scan_model_free(struct scan_model *m);

#endif
