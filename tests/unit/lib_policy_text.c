/*
 * lib_policy_text - unit tests of lib/policy_text.c: the whitelist of
 * each shape, regex escaping and m4 quoting.
 */
#include <stdlib.h>

#include "policy_text.h"
#include "unit_fixture.h"

static void
check_regex(const char *path, const char *want)
{
	char *got = policy_text_fc_regex(path);

	assert_string_equal(got, want);
	free(got);
}

static void
test_fc_regex(void **state)
{
	(void)state;
	check_regex("/srv/vmail", "`/srv/vmail'");
	check_regex("/etc/mylogd.conf", "`/etc/mylogd\\.conf'");
	check_regex("/a+b*c?d", "`/a\\+b\\*c\\?d'");
	check_regex("/a(b)[c]{d}", "`/a\\(b\\)\\[c\\]\\{d\\}'");
	check_regex("/a^b|c", "`/a\\^b\\|c'");
	check_regex("/dnl/gen_context", "`/dnl/gen_context'");
}

static void
check_name(const char *name, const char *want)
{
	char *got = policy_text_name_string(name);
	struct why why;

	assert_string_equal(got, want);
	assert_int_equal(policy_text_check(POLICY_TEXT_QUOTED, got, &why), 0);
	free(got);
}

static void
test_name_string(void **state)
{
	struct why why;

	(void)state;
	/* No word a macro could have: plain, as selint and readers want. */
	check_name("mail.log", "\"mail.log\"");
	check_name("mylogd", "\"mylogd\"");
	/* m4 builtins, refpolicy's few macros without "_", any word with
	 * "_": m4-quoted. */
	check_name("dnl", "`\"dnl\"'");
	check_name("2dnl", "`\"2dnl\"'"); /* m4 reads 2, then dnl */
	check_name("x.divert", "`\"x.divert\"'");
	check_name("interface", "`\"interface\"'");
	check_name("my_log", "`\"my_log\"'");
	check_name("a.m4exit-1", "`\"a.m4exit-1\"'");
	check_name("dnl2", "\"dnl2\"");
	/* The gate refuses a plain string m4 could expand. */
	assert_int_equal(policy_text_check(POLICY_TEXT_QUOTED, "\"dnl\"", &why),
	                 -1);
	assert_int_equal(policy_text_check(POLICY_TEXT_QUOTED, "\"a_b\"", &why),
	                 -1);
	assert_int_equal(
	    policy_text_check(POLICY_TEXT_QUOTED, "\"a\"b\"", &why), -1);
}

static void
test_shapes(void **state)
{
	static const char not_path[] = "(),`'\"$#\\ \n\t;*[]{}|?^<>\x7f\xc3";
	static const char *const bad_comments[] = {
	    "/a(b", "/a)b", "/a,b",  "/a`b",  "/a'b",  "/a\"b",
	    "/a$b", "/a#b", "/a\\b", "/a\nb", "/a\rb", "/a;b",
	};
	struct why why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(not_path) - 1; i++)
		assert_false(policy_text_path_byte((unsigned char)not_path[i]));
	for (i = 0; i < sizeof(bad_comments) / sizeof(bad_comments[0]); i++)
		assert_int_equal(policy_text_check(POLICY_TEXT_COMMENT,
		                                   bad_comments[i], &why),
		                 -1);
	assert_int_equal(policy_text_check(POLICY_TEXT_COMMENT,
	                                   "d/spec.ini:4: [daemon x] log = "
	                                   "/var/log/x-1_2.log+@:=~%",
	                                   &why),
	                 0);
	assert_int_equal(
	    policy_text_check(POLICY_TEXT_WORD, "postfix_x_t", &why), 0);
	assert_int_equal(
	    policy_text_check(POLICY_TEXT_WORD, "define(a_t,etc_t)", &why), -1);
	assert_int_equal(policy_text_check(POLICY_TEXT_WORD, "A_t", &why), -1);
	assert_int_equal(policy_text_check(POLICY_TEXT_WORD, "", &why), -1);
	assert_int_equal(
	    policy_text_check(POLICY_TEXT_TYPE_SET, "{ a_t b_t }", &why), 0);
	assert_int_equal(
	    policy_text_check(POLICY_TEXT_TYPE_SET, "{ a_t\nb_t }", &why), -1);
	assert_int_equal(
	    policy_text_check(POLICY_TEXT_QUOTED, "`/a\\.b'", &why), 0);
	assert_int_equal(policy_text_check(POLICY_TEXT_QUOTED, "`a'b'", &why),
	                 -1);
	assert_int_equal(policy_text_check(POLICY_TEXT_QUOTED, "/a", &why), -1);
	assert_int_equal(policy_text_check(POLICY_TEXT_QUOTED, "`", &why), -1);
	assert_true(policy_text_path_byte('/'));
	assert_false(policy_text_path_byte('('));
	assert_false(policy_text_path_byte('\0'));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fc_regex),
	    cmocka_unit_test(test_name_string),
	    cmocka_unit_test(test_shapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
