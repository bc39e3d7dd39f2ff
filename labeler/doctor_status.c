/*
 * doctor_status - "Is it SELinux?": what sestatus shows, through
 * libselinux, and whether auditd records the denials.  Called first by
 * cmd_doctor.c; sets d->mode and d->audit_log for the other checks.
 *
 * For a root (-r) nothing live is asked: the mode is what
 * ROOT/etc/selinux/config configures, the policy is its file.
 */
#include <selinux/selinux.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doctor.h"
#include "read_file.h"
#include "xalloc.h"

static const char *
mode_name(int mode)
{
	return mode < 0 ? "disabled" : mode == 0 ? "permissive" : "enforcing";
}

/* "KEY = value" or "KEY=value" of a small config file; NULL if absent. */
static char *
config_value(const char *path, const char *key)
{
	char *text, *line, *save = NULL, *val = NULL;
	size_t len, kl = strlen(key);
	struct why why;

	if (read_file(path, &text, &len, &why) < 0)
		return NULL;
	for (line = strtok_r(text, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		char *p = line + strspn(line, " \t"), *end;

		if (strncmp(p, key, kl) != 0)
			continue;
		p += kl;
		p += strspn(p, " \t");
		if (*p != '=')
			continue;
		p++;
		p += strspn(p, " \t");
		end = p + strlen(p);
		while (end > p && strchr(" \t\r", end[-1]) != NULL)
			end--;
		free(val); /* the last one wins */
		val = xstrndup(p, (size_t)(end - p));
	}
	free(text);
	return val;
}

static int
mode_of(const char *s)
{
	return s == NULL                          ? -2
	       : strcasecmp(s, "enforcing") == 0  ? 1
	       : strcasecmp(s, "permissive") == 0 ? 0
	       : strcasecmp(s, "disabled") == 0   ? -1
	                                          : -2;
}

static void
live_status(struct doctor *d, int configured)
{
	char *type = NULL;

	if (is_selinux_enabled() <= 0) {
		d->mode = -1;
		doctor_fact(d, DOCTOR_SELINUX, "SELinux",
		            "disabled: the kernel enforces nothing, so a mail "
		            "problem here is not SELinux's; what follows is "
		            "what would happen once it is enabled");
		return;
	}
	d->mode = security_getenforce() == 1 ? 1 : 0;
	doctor_fact(d, DOCTOR_SELINUX, "SELinux", "enabled, %s%s",
	            mode_name(d->mode),
	            d->mode == 0 ? ": denials are logged but nothing is "
	                           "refused, so they say what enforcing "
	                           "would break"
	                         : "");
	if (selinux_getpolicytype(&type) == 0) {
		doctor_fact(d, DOCTOR_SELINUX, "loaded policy", "%s", type);
		free(type);
	}
	doctor_fact(d, DOCTOR_SELINUX, "MLS", "%s",
	            is_selinux_mls_enabled() == 1 ? "enabled" : "disabled");
	doctor_fact(d, DOCTOR_SELINUX, "deny_unknown", "%s",
	            security_deny_unknown() == 1 ? "denied" : "allowed");
	doctor_fact(d, DOCTOR_SELINUX, "max kernel policy version", "%d",
	            security_policyvers());
	if (configured == 1 && d->mode == 0) {
		struct doctor_finding *f = doctor_finding(
		    d, DOCTOR_SELINUX, DOCTOR_WARNING, "mode",
		    "SELinux is permissive, but the configuration says "
		    "enforcing: someone ran setenforce 0");
		const char *fix[] = {"setenforce", "1", NULL};

		doctor_evidence(f, "getenforce: Permissive; "
		                   "/etc/selinux/config: SELINUX=enforcing");
		doctor_fix(f, fix);
	}
}

/* auditd's pid, from its pid file; 0 when it is not running. */
static long
auditd_pid(void)
{
	char *text, *comm;
	size_t len;
	long pid;
	struct why why;
	int running;

	if (read_file("/run/auditd.pid", &text, &len, &why) < 0)
		return 0;
	pid = strtol(text, NULL, 10);
	free(text);
	if (pid <= 0)
		return 0;
	comm = xasprintf("/proc/%ld/comm", pid);
	running = read_file(comm, &text, &len, &why) == 0;
	free(comm);
	if (!running)
		return 0;
	running = strncmp(text, "auditd", 6) == 0;
	free(text);
	return running ? pid : 0;
}

static void
audit_status(struct doctor *d)
{
	char *conf = selroot_path(&d->sr, "/etc/audit/auditd.conf");
	char *file = config_value(conf, "log_file");
	char *format = config_value(conf, "log_format");

	d->audit_log = selroot_path(
	    &d->sr, file != NULL ? file : "/var/log/audit/audit.log");
	if (d->live) {
		long pid = auditd_pid();

		if (pid > 0)
			doctor_fact(d, DOCTOR_SELINUX, "auditd",
			            "running (pid %ld)", pid);
		else if (d->mode >= 0) {
			struct doctor_finding *f = doctor_finding(
			    d, DOCTOR_SELINUX, DOCTOR_WARNING, "auditd",
			    "auditd is not running: denials go to the "
			    "kernel log only, without the records that "
			    "name paths and programs");
			const char *fix[] = {"systemctl", "start", "auditd",
			                     NULL};

			doctor_evidence(f,
			                "no auditd process (/run/auditd.pid)");
			doctor_fix(f, fix);
		} else
			doctor_fact(d, DOCTOR_SELINUX, "auditd", "not running");
	}
	doctor_fact(d, DOCTOR_SELINUX, "audit log format", "%s",
	            format != NULL ? format : "RAW (auditd.conf sets none)");
	doctor_fact(d, DOCTOR_SELINUX, "audit log", "%s %s", d->audit_log,
	            access(d->audit_log, R_OK) == 0 ? "(readable)"
	                                            : "(cannot be read)");
	free(conf);
	free(file);
	free(format);
}

void
doctor_status(struct doctor *d)
{
	char *config = selroot_path(&d->sr, "/etc/selinux/config");
	char *mode = config_value(config, "SELINUX");
	int configured = mode_of(mode);

	doctor_fact(d, DOCTOR_SELINUX, "configured mode", "%s",
	            configured == -2 ? "unknown" : mode_name(configured));
	if (d->live) {
		live_status(d, configured);
	} else {
		d->mode = configured == -2 ? 1 : configured;
		doctor_fact(d, DOCTOR_SELINUX, "running system",
		            "not looked at (-r): processes, the loaded "
		            "policy and auditd are the host's, not the root's");
	}
	doctor_fact(d, DOCTOR_SELINUX, "policy", "%s (%s)", d->sr.policy_type,
	            d->sr.binary_policy ? d->sr.binary_policy
	                                : "no policy file");
	audit_status(d);
	free(config);
	free(mode);
}
