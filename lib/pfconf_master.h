/*
 * pfconf_master - master.cf as Postfix reads it.
 *
 * Each logical line is a service: eight columns (service, type, private,
 * unpriv, chroot, wakeup, maxproc, command) and the command's arguments.
 * "{ ... }" groups an argument that holds blanks; "-o name=value" and
 * "-o { name = value }" override main.cf for that service.  Service names
 * may be "127.0.0.1:10025" or "[::1]:2525" for inet services.
 * Called by pfconf_config.c; fuzzed by fuzz_gen_mastercf.c.
 */
#ifndef PFSEL_PFCONF_MASTER_H
#define PFSEL_PFCONF_MASTER_H

#include <stddef.h>

#include "pfconf_table.h"
#include "why.h"

enum pfconf_field {
	PF_SERVICE,
	PF_TYPE,
	PF_PRIVATE,
	PF_UNPRIV,
	PF_CHROOT,
	PF_WAKEUP,
	PF_MAXPROC,
	PF_COMMAND,
	PF_NFIELDS
};

struct pfconf_service {
	char *field[PF_NFIELDS]; /* as written, "-" kept */
	char **args;             /* after the command, braces removed */
	size_t nargs;
	struct pfconf_table overrides; /* -o name=value, line = service line */
	int line;
	int chroot; /* the chroot column with Postfix's default ("-" = n) */
};

struct pfconf_master {
	struct pfconf_service *items;
	size_t count;
	int *dropped; /* lines Postfix ignores (leading whitespace) */
	size_t ndropped;
};

int pfconf_master_parse(struct pfconf_master *m, const char *file,
                        const char *text, size_t len, struct why *why);
void pfconf_master_free(struct pfconf_master *m);

/* The service NAME of type TYPE (NULL: any type), or NULL. */
const struct pfconf_service *pfconf_master_find(const struct pfconf_master *m,
                                                const char *name,
                                                const char *type);

/* The argument words as postconf -M prints them (after the command). */
char *pfconf_service_args_text(const struct pfconf_service *s);

#endif
