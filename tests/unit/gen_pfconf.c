/*
 * gen_pfconf - unit tests of pfsel's main.cf/master.cf reader
 * (gen/pfconf_*.c): Postfix's logical lines, name = value splitting,
 * every $-expansion form, master.cf columns and -o overrides, and the
 * file:line of each kind of error.  The integration test
 * 60-scan-postconf holds the same reader against the real postconf.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pfconf_config.h"
#include "pfconf_expand.h"
#include "pfconf_lines.h"
#include "pfconf_main.h"
#include "pfconf_master.h"
#include "unit_fixture.h"

/* Load main.cf/master.cf text with the built-in defaults. */
static int
load(struct pfconf *c, const char *main_cf, const char *master_cf,
     struct why *why)
{
	return pfconf_load_text(c, "/etc/pf", main_cf, master_cf,
	                        PFCONF_DEFAULTS_BUILTIN, why);
}

/* The expanded main.cf value of name; the test frees it. */
static char *
get(const char *main_cf, const char *name)
{
	struct pfconf c;
	struct why why;
	char *v;

	assert_int_equal(load(&c, main_cf, NULL, &why), 0);
	v = pfconf_get(&c, NULL, name, &why);
	if (v == NULL)
		v = strdup(why.text);
	pfconf_free(&c);
	return v;
}

static void
expect(const char *main_cf, const char *name, const char *want)
{
	char *v = get(main_cf, name);

	assert_string_equal(v, want);
	free(v);
}

static void
test_lines(void **state)
{
	struct pfconf_lines l;
	struct why why;
	const char *t = "# c\na = 1\n  2\n# inside\n\t3\n\n  \nb = x\n"
	                "   \n c\n";

	(void)state;
	assert_int_equal(pfconf_lines_split(&l, "f", t, strlen(t), &why), 0);
	assert_int_equal(l.count, 2);
	assert_string_equal(l.items[0].text, "a = 1  2\t3");
	assert_int_equal(l.items[0].line, 2);
	assert_string_equal(l.items[1].text, "b = x c");
	assert_int_equal(l.items[1].line, 8);
	pfconf_lines_free(&l);

	/* Continuation text with nothing before it: Postfix drops it. */
	t = "  a = 1\nb = 2\n";
	assert_int_equal(pfconf_lines_split(&l, "f", t, strlen(t), &why), 0);
	assert_int_equal(l.count, 1);
	assert_int_equal(l.ndropped, 1);
	assert_int_equal(l.dropped[0].line, 1);
	pfconf_lines_free(&l);
}

static void
test_main_values(void **state)
{
	(void)state;
	expect("a   =   x  y  \nb=c\n", "a", "x  y");
	expect("a = 1\na = 2\n", "a", "2"); /* the last entry wins */
	expect("a = v\nb = $a/${a}/$(a)\n", "b", "v/v/v");
	expect("a = v\ne =\nb = ${a?y}|${e?y}|${u?y}|${a:n}|${e:n}|${u:n}\n",
	       "b", "y||||n|n");
	expect("a = v\nb = ${a?{x $a}}|${u:{ y }}\n", "b", "x v|y");
	expect("a = v\nb = ${a?{1}:{2}}${u?{1}:{2}}\n", "b", "12");
	expect("b = $$a $$\n", "b", "$a $");
	expect("b = ${{1} == {1} ? {yes} : {no}} ${{3.6} <level {3.10} ? "
	       "{lt}}\n",
	       "b", "yes lt");
	expect("b = $undefined/x\n", "b", "/x");
	/* Raw parameters are never expanded (as postconf -x shows). */
	expect("mailbox_command = /bin/p -a \"$EXTENSION\"\n",
	       "mailbox_command", "/bin/p -a \"$EXTENSION\"");
	/* Built-in defaults, and mydomain derived from myhostname. */
	expect("b = $queue_directory\n", "b", "/var/spool/postfix");
	expect("myhostname = mx.example.org\nb = $mydomain\n", "b",
	       "example.org");
	expect("b = $config_directory\n", "b", "/etc/pf");
}

static void
test_expand_errors(void **state)
{
	(void)state;
	expect("x = 1\na = $b\nb = $a\n", "a",
	       "/etc/pf/main.cf:2: a: unreasonable macro call nesting: \"b\"");
	expect("a = ${b\n", "a",
	       "/etc/pf/main.cf:1: a: truncated macro reference: \"${b\"");
	expect("a = x $\n", "a",
	       "/etc/pf/main.cf:1: a: empty macro name: \"x $\"");
	expect("a = ${b:{x}:{y}}\n", "a",
	       "/etc/pf/main.cf:1: a: unexpected input at: \"...:{y}\"");
	expect("a = ${{x} < {1} ? {y}}\n", "a",
	       "/etc/pf/main.cf:1: a: non-numerical operand in \"{x} < {1} ? "
	       "{y}\"");
}

/* Doubling at each level: stopped by the work budget, not the stack. */
static void
test_expand_blowup(void **state)
{
	char text[4096] = "";
	size_t i;
	char *v;

	(void)state;
	for (i = 0; i < 40; i++) {
		char line[64];

		snprintf(line, sizeof(line), "p%zu = $p%zu$p%zu\n", i, i + 1,
		         i + 1);
		strcat(text, line);
	}
	v = get(text, "p0");
	assert_non_null(strstr(v, "too large"));
	free(v);
}

static void
test_main_errors(void **state)
{
	struct pfconf c;
	struct why why;

	(void)state;
	assert_int_equal(load(&c, "a = 1\n{{ if .X }}\n", NULL, &why), -1);
	assert_string_equal(why.text,
	                    "/etc/pf/main.cf:2: missing '=' after attribute "
	                    "name: \"{{ if .X }}\"");
	pfconf_free(&c);
	assert_int_equal(load(&c, "= 1\n", NULL, &why), -1);
	assert_string_equal(why.text, "/etc/pf/main.cf:1: missing attribute "
	                              "name: \"= 1\"");
	pfconf_free(&c);
	/* a list brace never closed, even after a closed one; an unclosed
	 * "${" is left to the expansion */
	assert_int_equal(
	    load(&c, "a = 1\nm = {x} {\n inet:h:1\n", NULL, &why), -1);
	assert_string_equal(why.text, "/etc/pf/main.cf:2: m: missing '}' in "
	                              "\"{x} { inet:h:1\"");
	pfconf_free(&c);
	assert_int_equal(load(&c, "m = {${a}} x\nn = ${b\n", NULL, &why), 0);
	pfconf_free(&c);
}

static void
test_master(void **state)
{
	struct pfconf c;
	struct why why;
	const struct pfconf_service *s;
	char *v, *args;
	const char *m =
	    "smtp inet n - y - - smtpd\n"
	    "  -o { smtpd_milters = inet:a:1 , inet:b:2 }\n"
	    "  -o syslog_name=postfix/$service_name\n"
	    "127.0.0.1:10025 inet n - n - - smtpd -o content_filter=\n"
	    "[::1]:2525 inet n - - - - smtpd\n"
	    "spf unix - n n - 0 spawn user=nobody argv=/usr/bin/spf { a b }\n";

	(void)state;
	assert_int_equal(load(&c, "smtpd_milters = inet:c:3\n", m, &why), 0);
	assert_int_equal(c.master.count, 4);
	s = pfconf_master_find(&c.master, "smtp", "inet");
	assert_non_null(s);
	assert_int_equal(s->chroot, 1);
	v = pfconf_get(&c, s, "smtpd_milters", &why);
	assert_string_equal(v, "inet:a:1 , inet:b:2");
	free(v);
	v = pfconf_get(&c, s, "syslog_name", &why);
	assert_string_equal(v, "postfix/smtp");
	free(v);
	/* Other services see main.cf. */
	s = pfconf_master_find(&c.master, "127.0.0.1:10025", NULL);
	assert_non_null(s);
	assert_int_equal(s->chroot, 0);
	v = pfconf_get(&c, s, "smtpd_milters", &why);
	assert_string_equal(v, "inet:c:3");
	free(v);
	assert_non_null(pfconf_master_find(&c.master, "[::1]:2525", "inet"));
	s = pfconf_master_find(&c.master, "spf", "unix");
	args = pfconf_service_args_text(s);
	assert_string_equal(args, "user=nobody argv=/usr/bin/spf {a b}");
	free(args);
	pfconf_free(&c);
}

static void
test_master_errors(void **state)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
	    {"# x\nsmtp inet n - y - -\n",
	     "/etc/pf/master.cf:2: bad field count: 7 of the 8 columns"},
	    {"smtp inet n - y - - smtpd -o { a = b\n",
	     "/etc/pf/master.cf:1: missing '}'"},
	    {"smtp tcp n - y - - smtpd\n",
	     "/etc/pf/master.cf:1: invalid type field \"tcp\""},
	    {"smtp inet n - maybe - - smtpd\n",
	     "/etc/pf/master.cf:1: invalid chroot field \"maybe\""},
	    {"smtp inet n - y 1x - smtpd\n",
	     "/etc/pf/master.cf:1: invalid wakeup field \"1x\""},
	    {"a unix n - y - PH_X smtp\n",
	     "/etc/pf/master.cf:1: invalid process_limit field \"PH_X\""},
	    {"smtp inet n - y - - smtpd -o\n",
	     "/etc/pf/master.cf:1: -o without name=value"},
	    {"smtp inet n - y - - smtpd -o foo\n",
	     "/etc/pf/master.cf:1: \"-o foo\": need -o name=value"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct pfconf c;
		struct why why;

		assert_int_equal(load(&c, "", cases[i].text, &why), -1);
		if (strncmp(why.text, cases[i].want, strlen(cases[i].want)))
			fail_msg("case %zu: got \"%s\"", i, why.text);
		pfconf_free(&c);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lines),
	    cmocka_unit_test(test_main_values),
	    cmocka_unit_test(test_expand_errors),
	    cmocka_unit_test(test_expand_blowup),
	    cmocka_unit_test(test_main_errors),
	    cmocka_unit_test(test_master),
	    cmocka_unit_test(test_master_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
