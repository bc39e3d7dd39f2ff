/*
 * pfconf_defaults - Postfix defaults for unset parameters; see
 * pfconf_defaults.h.
 *
 * The built-in values are Debian 12's Postfix 3.7 defaults (postconf -d)
 * for the parameters the scan reads; myhostname comes from uname(2) as in
 * Postfix.  postconf runs with a fixed argv, no shell, stderr discarded.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pfconf_defaults.h"
#include "strbuf.h"
#include "xalloc.h"

static const char *const builtin[][2] = {
    {"command_directory", "/usr/sbin"},
    {"compatibility_level", "0"},
    {"config_directory", "/etc/postfix"},
    {"content_filter", ""},
    {"daemon_directory", "/usr/lib/postfix/sbin"},
    {"data_directory", "/var/lib/postfix"},
    {"default_transport", "smtp"},
    {"lmtp_sasl_path", ""},
    {"local_transport", "local:$myhostname"},
    {"mail_name", "Postfix"},
    {"mail_owner", "postfix"},
    {"mailbox_transport", ""},
    {"maillog_file", ""},
    {"meta_directory", "/etc/postfix"},
    {"milter_default_action", "tempfail"},
    {"multi_instance_directories", ""},
    {"multi_instance_enable", "no"},
    {"multi_instance_name", ""},
    {"mydomain", "localdomain"},
    {"myorigin", "$myhostname"},
    {"non_smtpd_milters", ""},
    {"postlog_service_name", "postlog"},
    {"queue_directory", "/var/spool/postfix"},
    {"relay_transport", "relay"},
    {"shlib_directory", "/usr/lib/postfix"},
    {"smtpd_client_restrictions", ""},
    {"smtpd_data_restrictions", ""},
    {"smtpd_end_of_data_restrictions", ""},
    {"smtpd_etrn_restrictions", ""},
    {"smtpd_helo_restrictions", ""},
    {"smtpd_milters", ""},
    {"smtpd_recipient_restrictions", ""},
    {"smtpd_relay_restrictions",
     "${{$compatibility_level} <level {1} ? {} : {permit_mynetworks, "
     "permit_sasl_authenticated, defer_unauth_destination}}"},
    {"smtpd_restriction_classes", ""},
    {"smtpd_sasl_path", "smtpd"},
    {"smtpd_sasl_type", "cyrus"},
    {"smtpd_sender_restrictions", ""},
    {"transport_maps", ""},
    {"virtual_mailbox_base", ""},
    {"virtual_transport", "virtual"},
};

void
pfconf_defaults_builtin(struct pfconf_table *t)
{
	struct utsname u;
	size_t i;

	for (i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
		pfconf_table_set(t, builtin[i][0], builtin[i][1], 0);
	if (uname(&u) == 0) {
		const char *dot = strchr(u.nodename, '.');

		pfconf_table_set(t, "myhostname", u.nodename, 0);
		if (dot && dot[1])
			pfconf_table_set(t, "mydomain", dot + 1, 0);
	}
}

/* Run postconf -d and collect its stdout; -1 when it cannot run. */
static int
run_postconf(struct strbuf *out)
{
	static const char *const paths[] = {"/usr/sbin/postconf",
	                                    "/usr/local/sbin/postconf"};
	const char *prog = NULL;
	int fds[2], status;
	char buf[8192];
	ssize_t n;
	size_t i;
	pid_t pid;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]) && !prog; i++)
		if (access(paths[i], X_OK) == 0)
			prog = paths[i];
	if (prog == NULL || pipe2(fds, O_CLOEXEC) < 0)
		return -1;
	if ((pid = fork()) < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(fds[1], 1);
		if (null >= 0)
			dup2(null, 2);
		execl(prog, "postconf", "-d", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0)
		strbuf_addmem(out, buf, (size_t)n);
	close(fds[0]);
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	return 0;
}

int
pfconf_defaults_load(struct pfconf_table *t, enum pfconf_defaults_source source)
{
	struct strbuf out = STRBUF_INIT;
	char *line, *save = NULL;
	size_t before = t->count;

	if (source == PFCONF_DEFAULTS_AUTO && run_postconf(&out) == 0) {
		for (line = strtok_r(out.data, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			char *eq = strstr(line, " =");

			if (eq == NULL)
				continue;
			*eq = 0;
			eq += 2;
			if (*eq == ' ')
				eq++;
			pfconf_table_set(t, line, eq, 0);
		}
	}
	strbuf_free(&out);
	if (t->count > before + 100)
		return 1;
	pfconf_defaults_builtin(t);
	return 0;
}
