/*
 * lib_policy_file - unit tests of lib/policy_file.c: which lines of a
 * policy/ map name a value (label-guard's "KIND VALUE" lines, with
 * NAME* prefixes, and generic-types' bare names), and reading a map
 * through PFSEL_DATADIR.
 */
#include <stdlib.h>

#include "policy_file.h"
#include "unit_fixture.h"

static void
test_lists(void **state)
{
	const char *guard = "# program sh (a comment)\n"
	                    "program\tsh\n"
	                    "program python*\n"
	                    "path\t/usr/bin\n"
	                    "programs\tbash\n"
	                    "program\tlast";

	(void)state;
	assert_true(policy_file_lists(guard, "program", "sh"));
	assert_false(policy_file_lists(guard, "program", "shx"));
	assert_false(policy_file_lists(guard, "program", "s"));
	assert_true(policy_file_lists(guard, "program", "python3.11"));
	assert_true(policy_file_lists(guard, "program", "python"));
	assert_false(policy_file_lists(guard, "program", "pytho"));
	assert_false(policy_file_lists(guard, "program", "bash"));
	assert_true(policy_file_lists(guard, "program", "last"));
	assert_false(policy_file_lists(guard, "program", "/usr/bin"));
	assert_true(policy_file_lists(guard, "path", "/usr/bin"));
	assert_false(policy_file_lists(guard, "path", "/usr"));
	assert_false(policy_file_lists("", "program", "sh"));
}

static void
test_bare_names(void **state)
{
	const char *generic = "# Types too broad\nroot_t\nbin_t\n";

	(void)state;
	assert_true(policy_file_lists(generic, NULL, "bin_t"));
	assert_true(policy_file_lists(generic, NULL, "root_t"));
	assert_false(policy_file_lists(generic, NULL, "bin"));
	assert_false(policy_file_lists(generic, NULL, "init_exec_t"));
}

/* "*X" a suffix, "*X*" a part (review_risk's key material). */
static void
test_patterns(void **state)
{
	const char *roles = "key\t*_key_t*\nkey *_keys_t\n"
	                    "any\t*\nmail postfix_*\n";

	(void)state;
	assert_true(policy_file_lists(roles, "key", "sshd_key_t"));
	assert_true(policy_file_lists(roles, "key", "a_key_tmp_t"));
	assert_true(policy_file_lists(roles, "key", "ssh_keys_t"));
	assert_false(policy_file_lists(roles, "key", "ssh_keys_tmp_t"));
	assert_false(policy_file_lists(roles, "key", "_key_"));
	assert_true(policy_file_lists(roles, "any", ""));
	assert_true(policy_file_lists(roles, "any", "etc_t"));
	assert_true(policy_file_lists(roles, "mail", "postfix_"));
	assert_false(policy_file_lists(roles, "mail", "postfi"));
	assert_false(policy_file_lists(roles, "mail", "my_postfix_t"));
}

static void
test_read(void **state)
{
	struct why why;
	char *text;

	(void)state;
	unit_tree_datadir();
	text = policy_file_read("label-guard", &why);
	assert_non_null(text);
	assert_true(policy_file_lists(text, "program", "bash"));
	free(text);
	assert_null(policy_file_read("no-such-map", &why));
}

/* The maps the programs share, read once: review, scan and emit agree. */
static void
test_has(void **state)
{
	(void)state;
	unit_tree_datadir();
	assert_true(policy_file_has("generic-port-types", NULL, "port_t"));
	assert_true(
	    policy_file_has("generic-port-types", NULL, "ephemeral_port_t"));
	assert_false(policy_file_has("generic-port-types", NULL, "smtp_port_t"));
	assert_true(policy_file_has("generic-types", NULL, "default_t"));
	assert_true(policy_file_has("generic-types", NULL, "bin_t"));
	assert_false(policy_file_has("generic-types", NULL, "shadow_t"));
	assert_true(
	    policy_file_has("type-roles", "key-material", "sshd_key_t"));
	assert_true(policy_file_has("type-roles", "mail-tree", "mail_spool_t"));
	assert_false(policy_file_has("type-roles", "mail-tree", "var_t"));
}

/* A field of a map line: doctor's client ports, a daemon's domain. */
static void
test_field(void **state)
{
	char *f;

	(void)state;
	unit_tree_datadir();
	f = policy_file_field("type-roles", "port-client", "relayhost", 1);
	assert_string_equal(f, "smtp");
	free(f);
	f = policy_file_field("type-roles", "port-client", "relayhost", 2);
	assert_string_equal(f, "smtp_port_t");
	free(f);
	assert_null(
	    policy_file_field("type-roles", "port-client", "relayhost", 3));
	assert_null(policy_file_field("type-roles", "port-client", "relay", 1));
	f = policy_file_field("postfix-daemons.map", NULL, "cleanup", 1);
	assert_string_equal(f, "postfix_cleanup_t");
	free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lists),    cmocka_unit_test(test_bare_names),
	    cmocka_unit_test(test_patterns), cmocka_unit_test(test_read),
	    cmocka_unit_test(test_has),      cmocka_unit_test(test_field),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
