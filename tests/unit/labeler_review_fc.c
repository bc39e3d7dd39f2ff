/*
 * labeler_review_fc - unit tests of review/review_fc.c: the literal
 * prefix of file_contexts regexes, and a reduced handle answering every
 * lookup exactly as libselinux's full handle on the machine's policy
 * does (aliases from .subs_dist included).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <selinux/label.h>
#include <selinux/selinux.h>

#include "review_fc.h"
#include "unit_fixture.h"

static void
test_prefix(void **state)
{
	static const struct {
		const char *re, *want;
	} cases[] = {
	    {"/etc/auto\\.net", "/etc/auto.net"},
	    {"/var/spool/postfix(/.*)?", "/var/spool/postfix"},
	    {"/a?quota\\.(user|group)", ""},
	    {"/usr/lib/xorg/modules/.*", "/usr/lib/xorg/modules/"},
	    {"/home/[^/]+", "/home/"},
	    {"/dev/tty[0-9]*", "/dev/tty"},
	    {"/var/run/x+", "/var/run/x"},
	    {"/opt/a{2}", "/opt/"},
	};
	char out[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		rv_fc_literal_prefix(cases[i].re, strlen(cases[i].re), out,
		                     sizeof(out));
		assert_string_equal(out, cases[i].want);
	}
}

static void
test_same_answers(void **state)
{
	static const char *const paths[] = {
	    "/etc/auto.net",
	    "/etc/postfix/main.cf",
	    "/var/spool/postfix/maildrop",
	    "/var/run/sudo",
	    "/run/opendkim/opendkim.sock",
	    "/usr/lib/libGL.so.1.2",
	    "/lib/x86_64-linux-gnu/libc.so.6",
	    "/var/www/html/index.html",
	    "/var/log/postfix/mail.log",
	    "/home/user/.ssh/authorized_keys",
	    "/srv/vmail/example.org/joe",
	    "/usr/libexec/postfix/master",
	    "/usr/sbin/postfix",
	    "/tmp/x",
	    "/",
	};
	const char *fc = getenv("PFSEL_TEST_FC");
	struct selinux_opt opt = {SELABEL_OPT_PATH, NULL};
	struct selabel_handle *full, *reduced;
	size_t i;

	(void)state;
	if (fc == NULL)
		fc = "/etc/selinux/default/contexts/files/file_contexts";
	if (access(fc, R_OK) != 0)
		skip();
	opt.value = fc;
	full = selabel_open(SELABEL_CTX_FILE, &opt, 1);
	reduced = rv_fc_open(fc, paths, sizeof(paths) / sizeof(paths[0]));
	assert_non_null(full);
	assert_non_null(reduced);
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		static const mode_t modes[] = {S_IFREG, S_IFDIR, S_IFSOCK};
		size_t m;

		for (m = 0; m < 3; m++) {
			char *a = NULL, *b = NULL;
			int ra =
			    selabel_lookup_raw(full, &a, paths[i], modes[m]);
			int rb =
			    selabel_lookup_raw(reduced, &b, paths[i], modes[m]);

			assert_int_equal(ra, rb);
			if (ra == 0)
				assert_string_equal(a, b);
			freecon(a);
			freecon(b);
		}
	}
	selabel_close(full);
	selabel_close(reduced);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_prefix),
	    cmocka_unit_test(test_same_answers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
