/*
 * pfconf_config - one Postfix configuration directory: main.cf, master.cf
 * and the defaults, with parameter lookup the way a Postfix daemon sees it.
 *
 * A service sees its own -o overrides first, then main.cf, then the
 * defaults; $service_name is the service's name.  config_directory is the
 * directory read, as with `postconf -c DIR`.
 * Called by pfsel-gen (gen/cmd_scan.c, gen/pfconf_print.c, the
 * gen/scan_*.c detectors) and pfsel-label doctor (labeler/doctor_trees.c,
 * labeler/doctor_ports.c): both read one parser of main.cf and master.cf.
 */
#ifndef PFSEL_PFCONF_CONFIG_H
#define PFSEL_PFCONF_CONFIG_H

#include "pfconf_defaults.h"
#include "pfconf_expand.h"
#include "pfconf_main.h"
#include "pfconf_master.h"
#include "why.h"

struct pfconf {
	char *dir;
	char *main_file;   /* DIR/main.cf, as named in messages */
	char *master_file; /* DIR/master.cf */
	char *main_label;  /* "main.cf" in comments; the path for instances */
	char *master_label;
	struct pfconf_main main;
	struct pfconf_master master;
	struct pfconf_table fixed;    /* config_directory */
	struct pfconf_table derived;  /* defaults Postfix computes: mydomain */
	struct pfconf_table defaults; /* shared, not owned when borrowed */
	int defaults_borrowed;
	int defaults_from_postconf;
};

/* Load DIR; defaults NULL loads them (see pfconf_defaults.h), else they
 * are borrowed (postmulti instances share the main instance's). */
int pfconf_load(struct pfconf *c, const char *dir,
                enum pfconf_defaults_source source,
                const struct pfconf_table *defaults, struct why *why);
/* The same from memory, for tests and fuzzing; master may be NULL. */
int pfconf_load_text(struct pfconf *c, const char *dir, const char *main_cf,
                     const char *master_cf, enum pfconf_defaults_source source,
                     struct why *why);
void pfconf_free(struct pfconf *c);
/* Name the files by their paths in origins (postmulti instances),
 * relative to base when they lie below it. */
void pfconf_label_by_path(struct pfconf *c, const char *base);

/* The scope a service (NULL: the main.cf level) looks names up in. */
void pfconf_scope(const struct pfconf *c, const struct pfconf_service *svc,
                  struct pfconf_table *svc_names, struct pfconf_scope *sc);

/* Expanded value of name at main.cf level or for svc; NULL with why
 * ("file:line: name: reason") on an expansion error.  Undefined: "". */
char *pfconf_get(const struct pfconf *c, const struct pfconf_service *svc,
                 const char *name, struct why *why);

/* Where name's value comes from: "main.cf:N", "master.cf:N" (an -o of
 * svc) or "main.cf (default)"; the caller frees it. */
char *pfconf_origin(const struct pfconf *c, const struct pfconf_service *svc,
                    const char *name);

#endif
