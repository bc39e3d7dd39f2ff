/*
 * gen_fcquote - unit tests of gen/fcquote.c: every regex metacharacter
 * escaped, the whole m4-quoted.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "fcquote.h"

static void
check(const char *path, const char *want)
{
	char *got = fc_quote_path(path);

	assert_string_equal(got, want);
	free(got);
}

static void
test_quote(void **state)
{
	(void)state;
	check("/srv/vmail", "`/srv/vmail'");
	check("/etc/mylogd.conf", "`/etc/mylogd\\.conf'");
	check("/a+b*c?d", "`/a\\+b\\*c\\?d'");
	check("/a(b)[c]{d}", "`/a\\(b\\)\\[c\\]\\{d\\}'");
	check("/a^b|c", "`/a\\^b\\|c'");
	check("/dnl/gen_context", "`/dnl/gen_context'");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(test_quote)};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
