/*
 * gen_devel_headers - unit tests of gen/devel_headers.c: the interfaces
 * and templates of *.if files and the macros of *.spt files in a devel
 * tree are found, at any depth and after leading blanks; other words,
 * other files and unterminated names are not.
 */
#include <stdlib.h>
#include <string.h>

#include "devel_headers.h"
#include "unit_fixture.h"

static void
test_index(void **state)
{
	char *dir = unit_tmpdir("pfsel-devel");
	struct devel_headers *h;
	struct why why;

	(void)state;
	free(unit_write(dir, "include/contrib/dkim.if",
	                "## <summary>dkim</summary>\n"
	                "interface(`dkim_admin',`\n"
	                "\tgen_require(`type dkim_t;')\n"
	                "')\n"
	                "  template(`dkim_template',`\n"
	                "')\n"
	                "interface(`dkim_broken\n"));
	free(unit_write(dir, "include/support/misc.spt",
	                "define(`stream_connect_pattern',`\n')\n"));
	free(unit_write(dir, "include/contrib/dkim.te",
	                "interface(`not_a_header',`')\n"));

	h = devel_headers_open(dir, &why);
	assert_non_null(h);
	assert_true(devel_headers_defines(h, "dkim_admin"));
	assert_true(devel_headers_defines(h, "dkim_template"));
	assert_true(devel_headers_defines(h, "stream_connect_pattern"));
	assert_false(devel_headers_defines(h, "dkim_stream_connect"));
	assert_false(devel_headers_defines(h, "dkim_broken"));
	assert_false(devel_headers_defines(h, "not_a_header"));
	assert_false(devel_headers_defines(h, "gen_require"));
	devel_headers_close(h);
	unit_rmtree(dir);
	free(dir);
}

static void
test_empty(void **state)
{
	struct why why;

	(void)state;
	assert_null(devel_headers_open("/nonexistent/pfsel", &why));
	assert_non_null(strstr(why.text, "no interface definitions"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_index),
	                                   cmocka_unit_test(test_empty)};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
