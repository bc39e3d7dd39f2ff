/*
 * gen_devel_headers - unit tests of gen/devel_headers.c: the interfaces
 * and templates of *.if files and the macros of *.spt files in a devel
 * tree are found, at any depth and after leading blanks; other words,
 * other files and unterminated names are not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "devel_headers.h"
#include "xalloc.h"

static void
write_text(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void
test_index(void **state)
{
	char dir[] = "/tmp/pfsel-devel.XXXXXX";
	char *p;
	struct devel_headers *h;
	struct why why;

	(void)state;
	assert_non_null(mkdtemp(dir));
	p = xasprintf("%s/include", dir);
	assert_int_equal(mkdir(p, 0755), 0);
	free(p);
	p = xasprintf("%s/include/contrib", dir);
	assert_int_equal(mkdir(p, 0755), 0);
	free(p);
	p = xasprintf("%s/include/support", dir);
	assert_int_equal(mkdir(p, 0755), 0);
	free(p);
	p = xasprintf("%s/include/contrib/dkim.if", dir);
	write_text(p, "## <summary>dkim</summary>\n"
	              "interface(`dkim_admin',`\n"
	              "\tgen_require(`type dkim_t;')\n"
	              "')\n"
	              "  template(`dkim_template',`\n"
	              "')\n"
	              "interface(`dkim_broken\n");
	free(p);
	p = xasprintf("%s/include/support/misc.spt", dir);
	write_text(p, "define(`stream_connect_pattern',`\n')\n");
	free(p);
	p = xasprintf("%s/include/contrib/dkim.te", dir);
	write_text(p, "interface(`not_a_header',`')\n");
	free(p);

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

	p = xasprintf("rm -rf %s", dir);
	assert_int_equal(system(p), 0);
	free(p);
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
