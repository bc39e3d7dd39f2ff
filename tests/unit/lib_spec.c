/*
 * lib_spec - unit tests of the spec parser and its checks (lib/spec*.c):
 * what a good spec turns into, and that each kind of bad value is
 * refused with its line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"
#include "spec_check.h"
#include "unit_fixture.h"

static struct spec *
parse(const char *text, struct why *why)
{
	return spec_parse("t.ini", text, strlen(text), why);
}

static void
test_full_spec(void **state)
{
	const char *text = "[module]\nname = site\n"
			   "[daemon helper]   ; a comment\n"
			   "command = /usr/libexec/postfix/helper\n"
			   "reads = /etc/a.conf /etc/b.conf\n"
			   "connect = dkim\n"
			   "[milter dkim]\n"
			   "socket = unix:/run/opendkim/opendkim.sock\n"
			   "server = dkim_milter_t\n"
			   "[milter rspamd]\n"
			   "socket = inet:127.0.0.1:11332\n"
			   "command = /usr/bin/rspamd\n"
			   "[queue]\ndirectory = /srv/spool\n"
			   "[instance out]\nconfig_directory = /etc/postfix-out\n"
			   "queue_directory = /var/spool/postfix-out\n"
			   "[log]\nmaillog_file = /var/log/m.log\nwriter = master\n"
			   "[virtual]\nmailbox_base = /srv/vmail\n"
			   "[port alt]\nport = tcp/2525-2526\ntype = smtp_port_t\n"
			   "override = yes\n";
	struct why why;
	struct spec *s = parse(text, &why);

	(void)state;
	assert_non_null(s);
	assert_string_equal(s->module, "site");
	assert_int_equal(s->ndaemons, 1);
	assert_int_equal(s->daemons[0].reads.count, 2);
	assert_string_equal(s->daemons[0].reads.items[1].path, "/etc/b.conf");
	assert_int_equal(s->daemons[0].reads.items[1].at.line, 5);
	assert_int_equal(s->nsockets, 2);
	assert_int_equal(s->sockets[0].endpoint.kind, ENDPOINT_UNIX);
	assert_string_equal(s->sockets[1].endpoint.host, "127.0.0.1");
	assert_int_equal(s->sockets[1].endpoint.port, 11332);
	assert_int_equal(s->ninstances, 2);
	assert_string_equal(s->instances[0].name, "");
	assert_int_equal(s->log->writer, LOG_WRITER_MASTER);
	/* The explicit port and the implicit one of the inet milter. */
	assert_int_equal(s->nports, 2);
	assert_int_equal(s->ports[0].high, 2526);
	assert_true(s->ports[0].override);
	assert_true(s->ports[1].implicit);
	assert_string_equal(s->ports[1].type, "milter_port_t");
	assert_int_equal(s->ports[1].low, 11332);
	spec_free(s);
}

static void
test_trees(void **state)
{
	const char *text = "[module]\nname = m\n"
			   "[virtual]\nmailbox_base = /srv/vmail\n"
			   "[queue]\ndirectory = /srv/vmail/spool\n"
			   "[log]\nmaillog_file = /var/log/postfix/mail.log\n";
	struct why why;
	struct spec *s = parse(text, &why);
	size_t n, i;
	char **t;

	(void)state;
	assert_non_null(s);
	t = spec_trees(s, &n);
	/* The queue inside /srv/vmail is covered by it. */
	assert_int_equal(n, 2);
	assert_string_equal(t[0], "/srv/vmail");
	assert_string_equal(t[1], "/var/log/postfix");
	for (i = 0; i < n; i++)
		free(t[i]);
	free(t);
	spec_free(s);
	/* A spec of ports only labels no file. */
	s = parse("[module]\nname = m\n[port p]\nport = tcp/2525\n"
		  "type = smtp_port_t\n",
		  &why);
	assert_non_null(s);
	t = spec_trees(s, &n);
	assert_int_equal(n, 0);
	free(t);
	spec_free(s);
}

/* Each bad spec fails at the given line with the given words. */
static void
test_errors(void **state)
{
	static const struct {
		const char *text;
		const char *message;
	} cases[] = {
	    {"[module]\nname = m\n[x y]\n", "t.ini:3: unknown section [x y]"},
	    {"[module]\nname = m\n[daemon]\n", "t.ini:3: section [daemon] needs"},
	    {"[module]\nname = m\n[log q]\n", "t.ini:3: section [log q] takes"},
	    {"name = m\n", "t.ini:1: key \"name\" outside any section"},
	    {"[module]\nname = m\n[port p]\nport = tcp/0\ntype = x_t\n",
	     "t.ini:4: port in \"tcp/0\""},
	    {"[module]\nname = m\n[port p]\nport = tcp/9-8\ntype = x_t\n",
	     "t.ini:4: port range \"tcp/9-8\" is reversed"},
	    {"[module]\nname = m\n[port p]\nport = icmp/9\ntype = x_t\n",
	     "t.ini:4: unknown protocol"},
	    {"[module]\nname = m\n[port p]\nport = tcp/9\ntype = x\n",
	     "t.ini:5: invalid type \"x\""},
	    {"[module]\nname = m\n[port p]\nport = tcp/9\n",
	     "t.ini:4: [port p] needs type ="},
	    {"[module]\nname = m\n[milter x]\nsocket = tcp:1\nserver = a_t\n",
	     "t.ini:4: socket \"tcp:1\" is not"},
	    {"[module]\nname = m\n[milter x]\nsocket = inet:host:99999\n"
	     "server = a_t\n",
	     "t.ini:4: socket \"inet:host:99999\": port"},
	    {"[module]\nname = m\n[milter x]\nsocket = unix:/r/x\n",
	     "t.ini:3: [milter x] needs server = "},
	    {"[module]\nname = m\n[socket x]\nsocket = unix:/r/x\n",
	     "t.ini:3: [socket x] needs server = (an existing domain) or "
	     "command = (a new one); a server on another host needs socket = "
	     "inet:HOST:PORT"},
	    {"[module]\nname = m\n[socket x]\nsocket = inet:127.0.0.2:99\n"
	     "port_type = a_t\n",
	     "t.ini:3: [socket x] needs server = "},
	    {"[module]\nname = m\n[socket x]\nsocket = inet:h:99\n"
	     "port_type = a_t\nserver = a_t\ncommand = /usr/bin/x\n",
	     "t.ini:7: command = only makes a new domain"},
	    {"[module]\nname = m\n[milter x]\nsocket = inet:h:99\n"
	     "keys = /var/lib/x\n",
	     "t.ini:5: keys = needs the milter on this host"},
	    {"[module]\nname = m\n[socket x]\nsocket = inet:1.2.3.4:99\n"
	     "server = a_t\n",
	     "t.ini:4: an inet socket needs port_type ="},
	    {"[module]\nname = m\n[virtual]\nmailbox_base = /srv/v\n"
	     "[queue]\ndirectory = /srv/v\n",
	     "t.ini:6: /srv/v is already labeled by line 4"},
	    {"[module]\nname = m\n[log]\nwriter = syslog\n",
	     "t.ini:4: writer must be postlogd or master"},
	    {"[module]\nname = m\n[port p]\nport = tcp/9\ntype = a_t\n"
	     "override = maybe\n",
	     "t.ini:6: expected yes or no"},
	    {"[module]\nname = m\n[module]\n", "t.ini:3: duplicate section"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct why why;
		struct spec *s = parse(cases[i].text, &why);

		if (s != NULL)
			fail_msg("case %zu parsed", i);
		if (strstr(why.text, cases[i].message) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, why.text,
				 cases[i].message);
	}
}

/* Long lines up to the documented 4000 bytes are fine; longer are not. */
static void
test_long_lines(void **state)
{
	char text[9000], path[1200];
	struct why why;
	struct spec *s;

	(void)state;
	memset(path, 'a', sizeof(path) - 1);
	path[0] = '/';
	path[sizeof(path) - 1] = '\0';
	snprintf(text, sizeof(text),
		 ";%03990d\n[module]\nname = m\n[virtual]\nmailbox_base = %s\n",
		 0, path);
	s = parse(text, &why);
	if (s == NULL)
		fail_msg("%s", why.text);
	assert_string_equal(s->virtual_->mailbox_base.path, path);
	spec_free(s);
	snprintf(text, sizeof(text), ";%05000d\n[module]\nname = m\n", 0);
	assert_null(parse(text, &why));
	assert_non_null(strstr(why.text, "t.ini:1: line too long"));
}

static void
test_path_checks(void **state)
{
	static const char *const bad[] = {
	    "relative", "/", "/a/", "/a//b", "/a/./b", "/a/../b", "/a b",
	    "/a\nb",	"/a'b", "/a\"b", "/a`b",  "/a$b",    "/a\\b", "/a#b",
	    "/a\x7f",	"/\xc3\xa9", "/a(b)", "/a,b", "/a[b]", "/a*",
	    "/var/log/esyscmd(id)x", "/var/log/define(x_t,etc_t)y",
	};
	static const char *const good[] = {"/srv/vmail", "/a.b+c@d:e=f~g%h",
					   "/var/log/mail-1_2.log",
					   "/var/log/dnl/divert"};
	struct why why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (spec_check_path(bad[i], &why) == 0)
			fail_msg("accepted bad path %zu", i);
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (spec_check_path(good[i], &why) != 0)
			fail_msg("refused %s: %s", good[i], why.text);
}

static void
test_replaces(void **state)
{
	const char *text = "[module]\nname = site\n"
			   "[daemon helper]\ncommand = /usr/libexec/postfix/h\n"
			   "data = /var/lib/mysql\n"
			   "replaces = mysqld_db_t mysqld_runtime_t\n"
			   "[milter m]\nserver = dkim_milter_t\n"
			   "socket = unix:/run/m/m.sock\nreplaces = a_t\n"
			   "[queue]\ndirectory = /srv/q\nreplaces = b_t\n"
			   "[instance o]\nconfig_directory = /etc/o\n"
			   "queue_directory = /srv/o\nreplaces = c_t\n"
			   "[log]\nmaillog_file = /var/log/m\nreplaces = d_t\n"
			   "[virtual]\nmailbox_base = /srv/v\nreplaces = e_t\n";
	struct why why;
	struct spec *s = parse(text, &why);

	(void)state;
	assert_non_null(s);
	assert_int_equal(s->daemons[0].replaces.count, 2);
	assert_string_equal(s->daemons[0].replaces.items[1].path,
			    "mysqld_runtime_t");
	assert_string_equal(s->sockets[0].replaces.items[0].path, "a_t");
	assert_string_equal(s->instances[0].replaces.items[0].path, "b_t");
	assert_string_equal(s->instances[1].replaces.items[0].path, "c_t");
	assert_string_equal(s->log->replaces.items[0].path, "d_t");
	assert_string_equal(s->virtual_->replaces.items[0].path, "e_t");
	spec_free(s);
	s = parse("[module]\nname = m\n[virtual]\nmailbox_base = /srv/v\n"
		  "replaces = etc_t define(x)\n",
		  &why);
	assert_null(s);
	assert_non_null(strstr(why.text, "t.ini:5: invalid name"));
}

/* Issue 13 point 11: a server on another host, a service of its own. */
static void
test_remote_and_service(void **state)
{
	const char *text = "[module]\nname = m\n"
			   "[socket remote]\nsocket = inet:policy.example:10040\n"
			   "port_type = a_t\n"
			   "[milter rspamd]\nsocket = inet:rspamd:11332\n"
			   "[socket spf]\nsocket = unix:/run/spf/s\n"
			   "command = /usr/sbin/spfd\n"
			   "[socket here]\nsocket = inet:localhost:99\n"
			   "port_type = a_t\nserver = b_t\n";
	struct why why;
	struct spec *s = parse(text, &why);

	(void)state;
	assert_non_null(s);
	assert_int_equal(s->sockets[0].remote, 1);
	assert_int_equal(s->sockets[1].remote, 1);
	assert_string_equal(s->sockets[1].port_type, "milter_port_t");
	assert_int_equal(s->sockets[2].remote, 0);
	assert_string_equal(s->sockets[2].command.path, "/usr/sbin/spfd");
	assert_int_equal(s->sockets[3].remote, 0);
	spec_free(s);
}

static void
test_identifiers(void **state)
{
	struct why why;

	(void)state;
	assert_int_equal(spec_check_identifier("a_1", 32, &why), 0);
	assert_int_equal(spec_check_identifier("_a", 32, &why), -1);
	assert_int_equal(spec_check_identifier("aB", 32, &why), -1);
	assert_int_equal(spec_check_identifier("a-b", 32, &why), -1);
	assert_int_equal(
	    spec_check_identifier("abcdefghijklmnopqrstuvwxyzabcdefg", 32, &why),
	    -1);
	assert_int_equal(spec_check_type("smtp_port_t", &why), 0);
	assert_int_equal(spec_check_type("smtp_port", &why), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_full_spec),
	    cmocka_unit_test(test_trees),
	    cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_long_lines),
	    cmocka_unit_test(test_path_checks),
	    cmocka_unit_test(test_identifiers),
	    cmocka_unit_test(test_replaces),
	    cmocka_unit_test(test_remote_and_service),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
