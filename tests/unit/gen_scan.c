/*
 * gen_scan - unit tests of the scan detectors (gen/scan_*.c) on small
 * configurations held in memory, against the machine's policy (read
 * only): identifiers, merging of one milter used by smtpd and cleanup,
 * chroot path rules, no_milters, remote and unknown servers written
 * commented out, site daemons and port labels.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"
#include "scan_model.h"
#include "unit_fixture.h"

/* One policy for the whole run: libsepol keeps global state per load. */
static struct policyinfo *policy;

static int
open_policy(void **state)
{
	struct why why;

	(void)state;
	unit_tree_datadir(); /* scan reads policy/servers.map */
	if ((policy = policyinfo_open(NULL, &why)) == NULL)
		fail_msg("policy: %s", why.text);
	return 0;
}

static int
close_policy(void **state)
{
	(void)state;
	policyinfo_close(policy);
	return 0;
}

static const char *master_base = "smtp inet n - y - - smtpd\n"
                                 "cleanup unix n - y - 0 cleanup\n"
                                 "lmtp unix - - y - - lmtp\n"
                                 "smtp unix - - y - - smtp\n"
                                 "relay unix - - y - - smtp\n"
                                 "local unix - n n - - local\n"
                                 "virtual unix - n n - - virtual\n";

/* The spec scan writes for these files (built-in defaults). */
static char *
scan(const char *main_cf, const char *extra_master)
{
	struct scan_options opt = {"/etc/pf", "t", NULL,
	                           PFCONF_DEFAULTS_BUILTIN};
	struct strbuf out = STRBUF_INIT;
	char master[4096];
	struct pfconf c;
	struct why why;

	snprintf(master, sizeof(master), "%s%s", master_base, extra_master);
	assert_int_equal(pfconf_load_text(&c, "/etc/pf", main_cf, master,
	                                  PFCONF_DEFAULTS_BUILTIN, &why),
	                 0);
	if (scan_run(&c, &opt, policy, &out, &why) < 0)
		fail_msg("scan: %s", why.text);
	pfconf_free(&c);
	return strbuf_detach(&out);
}

static void
has(const char *spec, const char *text)
{
	if (strstr(spec, text) == NULL)
		fail_msg("missing \"%s\" in:\n%s", text, spec);
}

static void
lacks(const char *spec, const char *text)
{
	if (strstr(spec, text) != NULL)
		fail_msg("unexpected \"%s\" in:\n%s", text, spec);
}

/* Long comments end between words, marked; one long word stays whole. */
static void
test_shorten(void **state)
{
	static const struct {
		const char *in;
		size_t max;
		const char *want;
	} cases[] = {
	    {"short enough", 12, "short enough"},
	    {"alpha beta gamma delta", 15, "alpha [...]"},
	    {"alpha beta gamma delta", 16, "alpha beta [...]"},
	    {"alpha  beta\tgamma", 16, "alpha [...]"},
	    {"/a/very/long/path/name rest", 10, "/a/very/long/path/name [...]"},
	    {"/a/very/long/path/name  ", 10, "/a/very/long/path/name"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = scan_shorten(cases[i].in, cases[i].max);

		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

static void
test_ident(void **state)
{
	char out[SPEC_NAME_MAX + 1];

	(void)state;
	scan_ident("policyd-spf", out);
	assert_string_equal(out, "policyd_spf");
	scan_ident("127.0.0.1:10025", out);
	assert_string_equal(out, "x_127_0_0_1_10025");
	scan_ident("Postfix-Out", out);
	assert_string_equal(out, "postfix_out");
	scan_ident("a-very-long-name-that-goes-on-and-on-and-on", out);
	assert_int_equal(strlen(out), SPEC_NAME_MAX);
}

static void
test_milter_merge_and_chroot(void **state)
{
	char *s;

	(void)state;
	s = scan("smtpd_milters = unix:/run/opendkim/opendkim.sock\n"
	         "non_smtpd_milters = $smtpd_milters\n",
	         "");
	/* Both users are chrooted: the path is inside the queue. */
	has(s, "[milter opendkim]\n"
	       "socket = unix:/var/spool/postfix/run/opendkim/opendkim.sock\n"
	       "server = dkim_milter_t\nclients = smtpd cleanup\n");
	has(s, "# from main.cf:1: smtpd_milters = unix:/run/opendkim/");
	has(s, "# from main.cf:2: non_smtpd_milters = $smtpd_milters");
	free(s);
}

static void
test_override_and_no_milters(void **state)
{
	char *s;

	(void)state;
	s = scan(
	    "",
	    "2525 inet n - n - - smtpd -o smtpd_milters=inet:127.0.0.1:8891\n"
	    "10025 inet n - n - - smtpd -o smtpd_milters=inet:127.0.0.1:11332"
	    " -o receive_override_options=no_milters\n");
	has(s, "socket = inet:127.0.0.1:8891\n");
	has(s, "# from master.cf:8: 2525 -o smtpd_milters=inet:127.0.0.1:8891");
	lacks(s, "11332");
	/* smtpd on generic 2525 gets a port label; on 10025, whose
	 * amavisd_send_port_t the master may already bind, none (amavis
	 * must keep connecting to it) */
	has(s, "[port smtpd_2525]\nport = tcp/2525\ntype = smtp_port_t\n"
	       "override = no\n");
	lacks(s, "[port smtpd_10025]");
	has(s, "tcp/10025 is amavisd_send_port_t, which postfix_master_t may "
	       "already bind: no [port] needed");
	free(s);
}

static void
test_unknown_and_remote(void **state)
{
	char *s;

	(void)state;
	s = scan("smtpd_milters = inet:filter:11332\n"
	         "smtpd_recipient_restrictions = check_policy_service "
	         "inet:127.0.0.1:9999\n",
	         "");
	/* a server on another host: an active client-only section */
	has(s, "[milter rspamd]\nsocket = inet:filter:11332\n"
	       "clients = smtpd\n");
	lacks(s, "# [milter rspamd]");
	has(s, "served on another host (filter)");
	has(s, "# [socket policy_9999]\n# socket = inet:127.0.0.1:9999\n");
	has(s, "unknown server");
	free(s);
	/* local: is a Unix socket too; the chrooted smtp service sees it in
	 * the queue directory, the non-chrooted 2525 where it is */
	s = scan("smtpd_milters = local:/run/spamass/spamass.sock\n"
	         "transport_maps = hash:/etc/postfix/transport\n",
	         "2525 inet n - n - - smtpd\n");
	has(s, "[milter spamass_milter]\n"
	       "socket = unix:/var/spool/postfix/run/spamass/spamass.sock\n");
	has(s, "[milter spamass_milter_2]\n"
	       "socket = unix:/run/spamass/spamass.sock\n"
	       "server = spamass_milter_t\n");
	has(s, "# not handled: main.cf:2: transport_maps = "
	       "hash:/etc/postfix/transport: the transports");
	free(s);
}

static void
test_daemons_and_dirs(void **state)
{
	char *s;

	(void)state;
	s = scan("queue_directory = /srv/q\nvirtual_mailbox_base = /srv/v\n"
	         "maillog_file = /var/log/pf.log\n"
	         "smtpd_sasl_auth_enable = yes\nsmtpd_sasl_type = dovecot\n"
	         "smtpd_sasl_path = private/auth\n",
	         "logd unix - n n - 1 /opt/logd/bin/logd\n"
	         "helper unix - n n - 1 helper\n"
	         "pipe1 unix - n n - - pipe user=x argv=/usr/bin/spamc -f\n");
	has(s, "[queue]\ndirectory = /srv/q\n");
	has(s, "[virtual]\nmailbox_base = /srv/v\n");
	has(s, "[log]\nmaillog_file = /var/log/pf.log\nwriter = master\n");
	has(s, "[daemon logd]\ncommand = /opt/logd/bin/logd\n");
	has(s, "[daemon helper]\ncommand = /usr/lib/postfix/sbin/helper\n");
	has(s, "[socket dovecot_auth]\nsocket = unix:/srv/q/private/auth\n"
	       "server = dovecot_t\n");
	has(s, "pipe(8) runs /usr/bin/spamc as x; labelled spamc_exec_t");
	free(s);
}

/*
 * A spawn(8) service running an interpreter: the interpreter is every
 * domain's, so the section is written commented out, naming the script
 * to run instead.  A service whose name would make a domain the policy
 * has (Debian's postfix_policyd_t) gets another name.
 */
static void
test_spawn_shared_program_and_taken_name(void **state)
{
	char *s;

	(void)state;
	s = scan("", "py unix - n n - 0 spawn user=nobody "
	             "argv=/usr/bin/python3 /usr/local/lib/py/p.py\n"
	             "policyd unix - n n - 0 spawn user=nobody "
	             "argv=/usr/local/sbin/pd\n");
	has(s, "# [daemon py]\n# command = /usr/bin/python3\n");
	has(s, "# /usr/bin/python3 is shared by every domain");
	has(s, "# run /usr/local/lib/py/p.py itself");
	lacks(s, "\n[daemon py]");
	if (policyinfo_has_type(policy, "postfix_policyd_t")) {
		has(s, "\n[daemon policyd_2]\ncommand = /usr/local/sbin/pd\n");
		lacks(s, "[daemon policyd]");
	} else
		has(s, "\n[daemon policyd]\ncommand = /usr/local/sbin/pd\n");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ident),
	    cmocka_unit_test(test_shorten),
	    cmocka_unit_test(test_milter_merge_and_chroot),
	    cmocka_unit_test(test_override_and_no_milters),
	    cmocka_unit_test(test_unknown_and_remote),
	    cmocka_unit_test(test_daemons_and_dirs),
	    cmocka_unit_test(test_spawn_shared_program_and_taken_name),
	};

	return cmocka_run_group_tests(tests, open_policy, close_policy);
}
