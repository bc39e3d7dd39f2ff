/*
 * doctor - "pfsel-label doctor": the troubleshooting path of the
 * Postfix-and-SELinux guide as one command (pfsel-label(1), DOCTOR).
 *
 * The guide asks, in order: is it SELinux at all, which part of SELinux,
 * and what do the denials say.  cmd_doctor.c runs one check per concept,
 * each in a file of its own, and prints what they found:
 *
 *   doctor_status.c    SELinux mode, policy, MLS, auditd and its log
 *   doctor_modules.c   installed pfsel modules (manifests)
 *   doctor_part.c      dontaudit rules, permissive mail domains
 *   doctor_procs.c     Postfix, milter and helper processes' domains
 *   doctor_trees.c     labels of the trees main.cf names
 *   doctor_ports.c     ports of master.cf's inet services
 *   doctor_booleans.c  the mail booleans, one line each
 *   doctor_denials.c   the audit log's denials through review
 *   doctor_access.c    what the policy file allows a domain
 *   doctor_since.c     --since and the times of audit records
 *   doctor_output.c    text and JSON
 *
 * A check records facts (what it saw) and findings (what is wrong: a
 * severity, the evidence, the command that fixes it).  Values pfsel did
 * not write (paths, contexts, log fields) are kept as they are and
 * quoted once, by doctor_output.c (quote.h).
 */
#ifndef PFSEL_DOCTOR_H
#define PFSEL_DOCTOR_H

#include <stddef.h>
#include <stdio.h>

#include "pfconf_config.h"
#include "review_policy.h"
#include "selroot.h"

enum doctor_section {
	DOCTOR_SELINUX, /* is it SELinux? */
	DOCTOR_PART,    /* which part of SELinux? */
	DOCTOR_DENIALS, /* the denials */
	DOCTOR_SECTIONS,
};

enum doctor_severity {
	DOCTOR_WARNING, /* may break mail, or hides what does */
	DOCTOR_ERROR,   /* breaks mail under enforcing */
};

struct doctor_fact {
	int section;
	char *name;
	char *value;
};

struct doctor_finding {
	int section;
	int severity;
	char *check;     /* a short stable name: "labels", "port", ... */
	char *summary;   /* one line */
	char **evidence; /* lines */
	size_t nevidence;
	char **fix;     /* the command's words, NULL-terminated; or NULL */
	char *fix_note; /* what to do when no one command does it */
};

struct doctor {
	/* What to look at, set by cmd_doctor.c. */
	const char *root; /* NULL: the running system */
	int live;         /* the running system: /proc, libselinux, auditd */
	double since;     /* denials logged at or after this time */
	struct selroot sr;
	struct rv_policy *pol; /* NULL when the policy file cannot be read */
	struct pfconf conf;
	int have_conf;
	char *daemons_map; /* policy/postfix-daemons.map */
	char *servers_map; /* policy/servers.map */
	char **modules;    /* installed pfsel modules (doctor_modules) */
	size_t nmodules;
	/* Set by doctor_status(): -1 disabled, 0 permissive, 1 enforcing;
	 * for a root, what its etc/selinux/config says. */
	int mode;
	char *audit_log; /* auditd's log_file, ROOT-prefixed for a root */
	/* What the checks found. */
	struct doctor_fact *facts;
	size_t nfacts;
	struct doctor_finding *findings;
	size_t nfindings;
};

/* A fact: "name: value" under section. */
void doctor_fact(struct doctor *d, int section, const char *name,
                 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A finding with its one-line summary; add evidence and a fix to it. */
struct doctor_finding *doctor_finding(struct doctor *d, int section,
                                      int severity, const char *check,
                                      const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void doctor_evidence(struct doctor_finding *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The fixing command's words, NULL-terminated (copied). */
void doctor_fix(struct doctor_finding *f, const char *const *argv);
void doctor_fix_note(struct doctor_finding *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The command words of "pfsel-label apply [-r ROOT] path" and the like:
 * argv with -r ROOT put after its first two words when d has a root. */
void doctor_fix_rooted(const struct doctor *d, struct doctor_finding *f,
                       const char *const *argv);
void doctor_free(struct doctor *d);

/* A system_u context of type in role, with a level when the policy
 * has MLS (doctor_access.c); the caller frees it. */
char *doctor_context(struct doctor *d, const char *role, const char *type);
/* Whether the policy file lets domain do perms (space-separated) to an
 * object of type and class tclass. */
int doctor_allowed(struct doctor *d, const char *domain, const char *type,
                   const char *tclass, const char *perms);

/* A mail domain: one of the maps', postfix_*, or a pfsel module's. */
int doctor_mail_domain(const struct doctor *d, const char *type);

/* The checks, in the order cmd_doctor.c runs them. */
void doctor_status(struct doctor *d);
void doctor_modules(struct doctor *d);
void doctor_part(struct doctor *d);
void doctor_procs(struct doctor *d);
void doctor_trees(struct doctor *d);
void doctor_ports(struct doctor *d);
void doctor_booleans(struct doctor *d);
void doctor_denials(struct doctor *d);

/*
 * The time --since names: "boot", "@SECONDS" or a local
 * "YYYY-MM-DD[ HH:MM[:SS]]"; -1 when it is none of these.
 */
double doctor_since(const char *arg);
/* The time of an audit record line (audit(SECONDS.MS:SERIAL)); -1 when
 * the line holds none. */
double doctor_record_time(const char *line, size_t len);

void doctor_print_text(FILE *fp, const struct doctor *d);
void doctor_print_json(FILE *fp, const struct doctor *d);

#endif
