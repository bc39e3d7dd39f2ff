/*
 * lib_policy_file - unit tests of lib/policy_file.c: which lines of a
 * policy/ map name a value (label-guard's "KIND VALUE" lines, with
 * NAME* prefixes, and generic-types' bare names), and reading a map
 * through PFSEL_DATADIR.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "policy_file.h"

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

static void
test_read(void **state)
{
	struct why why;
	char *text;

	(void)state;
	/* run from the top of the tree, unless told where it is */
	setenv("PFSEL_DATADIR", ".", 0);
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
	setenv("PFSEL_DATADIR", ".", 0);
	assert_true(policy_file_has("generic-port-types", NULL, "port_t"));
	assert_true(
	    policy_file_has("generic-port-types", NULL, "ephemeral_port_t"));
	assert_false(policy_file_has("generic-port-types", NULL, "smtp_port_t"));
	assert_true(policy_file_has("generic-types", NULL, "default_t"));
	assert_true(policy_file_has("generic-types", NULL, "bin_t"));
	assert_false(policy_file_has("generic-types", NULL, "shadow_t"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lists),
	    cmocka_unit_test(test_bare_names),
	    cmocka_unit_test(test_read),
	    cmocka_unit_test(test_has),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
