/*
 * doctor_procs - the domains Postfix's and its helpers' processes run
 * in, from /proc/PID/attr/current and /proc/PID/exe.  Called by
 * cmd_doctor.c on the running system only (a root has no processes).
 *
 * Two mistakes show here.  A program whose executable the file contexts
 * give a mail domain's entry point type (NAME_exec_t for a mail domain
 * NAME_t) but that runs in a domain that starts programs
 * (policy/type-roles: init, the master, ...) did not enter its domain:
 * its label on disk is wrong, or it was started before the label was
 * fixed.  And a program master(8) runs from outside
 * Postfix's daemon_directory that stays in postfix_master_t runs with
 * the master's rights: it wants a domain of its own ([daemon] in the
 * pfsel spec).
 */
#include <dirent.h>
#include <selinux/label.h>
#include <selinux/selinux.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doctor.h"
#include "policy_file.h"
#include "read_file.h"
#include "xalloc.h"

/* A domain that starts programs (policy/type-roles "starter"). */
static int
wrong_domain(const char *type)
{
	return policy_file_has("type-roles", "starter", type);
}

/* The type field of a context, copied. */
static char *
type_of(const char *con)
{
	const char *a = strchr(con, ':'), *b, *c;

	if (a == NULL || (b = strchr(a + 1, ':')) == NULL)
		return NULL;
	c = strchr(b + 1, ':');
	return c ? xstrndup(b + 1, (size_t)(c - b - 1)) : xstrdup(b + 1);
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * An entry point type of a mail domain: NAME_exec_t of a domain NAME_t
 * doctor_mail_domain() knows.  "_exec_t" stays here: it is the naming
 * rule of refpolicy's domain templates (and Fedora's), which a policy
 * file would only restate.  The helpers' type (postfix_exec_t), of the
 * programs that run in the master's domain with no domain of their own
 * (postfix-daemons.map), names no postfix_t to enter.
 */
static int
mail_entry_point(const struct doctor *d, const char *type)
{
	size_t n = strlen(type);
	char *domain;
	int rc;

	if (!ends_with(type, "_exec_t") ||
	    strcmp(type, policy_type("helper-exec")) == 0)
		return 0;
	domain = xasprintf("%.*s_t", (int)(n - 7), type);
	rc = doctor_mail_domain(d, domain);
	free(domain);
	return rc;
}

/*
 * A shell or another program of the system's command directories, which
 * master(8) and Postfix's scripts run in their own domain: never one to
 * give a domain of its own (review never proposes a [daemon] for one
 * either).
 */
static int
system_program(const char *type)
{
	return type == NULL ||
	       policy_file_has("type-roles", "shared-program", type);
}

/* Inside dir (a Postfix directory parameter's value)? */
static int
under(const char *path, const char *dir)
{
	size_t n = dir ? strlen(dir) : 0;

	return n > 0 && strncmp(path, dir, n) == 0 && path[n] == '/';
}

struct procs {
	struct doctor *d;
	struct selabel_handle *fc;
	char *daemon_dir, *command_dir;
	int seen, mail;
};

static void
one(struct procs *ps, const char *pid)
{
	char *p, *con = NULL, *domain = NULL, *fc_con = NULL, *fc_type = NULL,
	         *cur_con = NULL, *cur_type = NULL;
	char exe[4096];
	ssize_t n;
	size_t len;
	struct why why;
	struct doctor_finding *f;

	p = xasprintf("/proc/%s/attr/current", pid);
	if (read_file(p, &con, &len, &why) < 0) {
		free(p);
		return;
	}
	free(p);
	con[strcspn(con, "\n")] = '\0';
	p = xasprintf("/proc/%s/exe", pid);
	n = readlink(p, exe, sizeof(exe) - 1);
	free(p);
	if (n <= 0 || (domain = type_of(con)) == NULL)
		goto out;
	exe[n] = '\0';
	ps->seen++;
	if (doctor_mail_domain(ps->d, domain))
		ps->mail++;
	if (!wrong_domain(domain))
		goto out;
	if (ps->fc != NULL && selabel_lookup_raw(ps->fc, &fc_con, exe, 0) == 0)
		fc_type = type_of(fc_con);
	if (lgetfilecon_raw(exe, &cur_con) > 0)
		cur_type = type_of(cur_con);
	/* The master's own program runs in the master's domain: it
	 * entered it. */
	if (fc_type != NULL && mail_entry_point(ps->d, fc_type) &&
	    (strcmp(domain, policy_daemon_domain("master")) != 0 ||
	     strcmp(fc_type, policy_type("master-exec")) != 0)) {
		const char *fix[] = {"restorecon", "-v", exe, NULL};

		f = doctor_finding(ps->d, DOCTOR_PART, DOCTOR_ERROR, "process",
		                   "%s (pid %s) runs as %s: it did not enter "
		                   "the domain of %s",
		                   exe, pid, domain, fc_type);
		doctor_evidence(f, "/proc/%s/attr/current: %s", pid, con);
		doctor_evidence(f, "%s is %s, file contexts say %s", exe,
		                cur_con ? cur_con : "(no label)", fc_con);
		if (cur_type != NULL && strcmp(cur_type, fc_type) == 0)
			doctor_fix_note(f, "the label is right now: restart "
			                   "the service that runs it");
		else {
			doctor_fix(f, fix);
			doctor_fix_note(f, "then restart the service that "
			                   "runs it");
		}
	} else if (strcmp(domain, policy_daemon_domain("master")) == 0 &&
	           !under(exe, ps->daemon_dir) &&
	           !under(exe, ps->command_dir) && !system_program(cur_type)) {
		f = doctor_finding(ps->d, DOCTOR_PART, DOCTOR_ERROR, "process",
		                   "%s (pid %s) runs as %s: "
		                   "master(8) runs it without a domain of its "
		                   "own",
		                   exe, pid, domain);
		doctor_evidence(f, "/proc/%s/attr/current: %s", pid, con);
		doctor_evidence(f, "%s is %s", exe,
		                cur_con ? cur_con : "(no label)");
		doctor_fix_note(f, "a [daemon] section for it in the pfsel "
		                   "spec (pfsel-gen scan writes one from "
		                   "master.cf), then pfsel-gen install");
	}
out:
	free(con);
	free(domain);
	freecon(fc_con);
	free(fc_type);
	freecon(cur_con);
	free(cur_type);
}

void
doctor_procs(struct doctor *d)
{
	struct selinux_opt opt[] = {{SELABEL_OPT_PATH, d->sr.file_contexts}};
	struct procs ps;
	struct why why;
	struct dirent *e;
	DIR *dp;

	if (!d->live)
		return; /* doctor_status said the running system is not looked
		           at */
	if (d->mode < 0) {
		doctor_fact(d, DOCTOR_PART, "processes",
		            "not checked: SELinux is disabled, no process has "
		            "a domain");
		return;
	}
	memset(&ps, 0, sizeof(ps));
	ps.d = d;
	ps.fc = selabel_open(SELABEL_CTX_FILE, opt, 1);
	if (d->have_conf) {
		ps.daemon_dir =
		    pfconf_get(&d->conf, NULL, "daemon_directory", &why);
		ps.command_dir =
		    pfconf_get(&d->conf, NULL, "command_directory", &why);
	}
	if ((dp = opendir("/proc")) != NULL) {
		while ((e = readdir(dp)) != NULL)
			if (e->d_name[0] >= '1' && e->d_name[0] <= '9')
				one(&ps, e->d_name);
		closedir(dp);
	}
	doctor_fact(d, DOCTOR_PART, "processes",
	            "%d looked at, %d in mail domains", ps.seen, ps.mail);
	if (ps.fc != NULL)
		selabel_close(ps.fc);
	free(ps.daemon_dir);
	free(ps.command_dir);
}
