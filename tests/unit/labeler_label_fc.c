/*
 * labeler_label_fc - unit tests of labeler/label_fc.c: reading
 * file_contexts and .subs text the way libselinux does, and saying
 * file:line when a line is malformed.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "label_fc.h"
#include "unit_fixture.h"
#include "xalloc.h"

static int
parse(struct label_fc *fc, const char *text, struct why *why)
{
	memset(fc, 0, sizeof(*fc));
	return label_fc_parse(fc, "fc", text, strlen(text), why);
}

static void
test_fields(void **state)
{
	struct label_fc fc;
	struct why why;

	(void)state;
	assert_int_equal(parse(&fc,
	                       "# comment\n"
	                       "\n"
	                       "/var/spool/postfix(/"
	                       ".*)?\tsystem_u:object_r:postfix_spool_t:s0\n"
	                       "  /srv\t-d\tsystem_u:object_r:var_t:s0   \n"
	                       "/a/sock -s <<none>>\n",
	                       &why),
	                 0);
	assert_int_equal(fc.nspecs, 3);
	assert_string_equal(fc.specs[0].regex, "/var/spool/postfix(/.*)?");
	assert_int_equal(fc.specs[0].mode, 0);
	assert_string_equal(fc.specs[0].context,
	                    "system_u:object_r:postfix_spool_t:s0");
	assert_int_equal(fc.specs[0].line, 3);
	assert_string_equal(fc.specs[0].file, "fc");
	assert_string_equal(fc.specs[1].regex, "/srv");
	assert_int_equal(fc.specs[1].mode, S_IFDIR);
	assert_int_equal(fc.specs[1].line, 4);
	assert_int_equal(fc.specs[2].mode, S_IFSOCK);
	assert_string_equal(fc.specs[2].context, "<<none>>");
	label_fc_free(&fc);
}

static void
test_modes(void **state)
{
	(void)state;
	assert_int_equal(label_fc_mode("--"), S_IFREG);
	assert_int_equal(label_fc_mode("-d"), S_IFDIR);
	assert_int_equal(label_fc_mode("-l"), S_IFLNK);
	assert_int_equal(label_fc_mode("-p"), S_IFIFO);
	assert_int_equal(label_fc_mode("-c"), S_IFCHR);
	assert_int_equal(label_fc_mode("-b"), S_IFBLK);
	assert_int_equal(label_fc_mode("-x"), -1);
	assert_int_equal(label_fc_mode(""), -1);
}

static void
test_errors_name_the_line(void **state)
{
	struct label_fc fc;
	struct why why;

	(void)state;
	assert_int_equal(parse(&fc, "/a ctx\n/b -q ctx\n", &why), -1);
	assert_string_equal(why.text, "fc:2: unknown file type \"-q\"");
	label_fc_free(&fc);
	assert_int_equal(parse(&fc, "/a\n", &why), -1);
	assert_non_null(strstr(why.text, "fc:1: expected"));
	label_fc_free(&fc);
	assert_int_equal(parse(&fc, "/a -- b c d\n", &why), -1);
	assert_non_null(strstr(why.text, "fc:1: expected"));
	label_fc_free(&fc);
	/* An embedded NUL must not hide the rest of a line. */
	memset(&fc, 0, sizeof(fc));
	assert_int_equal(label_fc_parse(&fc, "fc", "/a c\n/b\0x c\n", 12, &why),
	                 -1);
	assert_non_null(strstr(why.text, "line 2: NUL byte"));
	label_fc_free(&fc);
}

static void
test_subs(void **state)
{
	struct label_fc fc = {0};
	struct why why;
	const char *t = "# aliases\n/var/run /run\n\n/srv/mail /var/mail\n";

	(void)state;
	assert_int_equal(label_fc_parse_subs(&fc, "s", t, strlen(t), &why), 0);
	assert_int_equal(fc.nsubs, 2);
	assert_string_equal(fc.subs[1].src, "/srv/mail");
	assert_string_equal(fc.subs[1].dst, "/var/mail");
	assert_int_equal(label_fc_parse_subs(&fc, "s", "/a\n", 3, &why), -1);
	assert_string_equal(why.text, "s:1: expected \"SRC DST\"");
	label_fc_free(&fc);
}

/* label_fc_load reads the same companion files as selabel_open(3). */
static void
test_load_companions(void **state)
{
	char *dir = unit_tmpdir("labeler_label_fc");
	const char *names[] = {"file_contexts", "file_contexts.local",
	                       "file_contexts.subs_dist",
	                       "file_contexts.homedirs"};
	const char *texts[] = {"/a x:y:a_t:s0\n", "/b x:y:b_t:s0\n", "/c /a\n",
	                       "/home/u x:y:h_t:s0\n"};
	struct label_fc fc;
	struct why why;
	char *base;
	size_t i;

	(void)state;
	base = xasprintf("%s/file_contexts", dir);
	assert_int_equal(label_fc_load(&fc, base, &why), -1);
	assert_non_null(strstr(why.text, "no such file"));
	for (i = 0; i < 4; i++)
		free(unit_write(dir, names[i], texts[i]));
	assert_int_equal(label_fc_load(&fc, base, &why), 0);
	assert_int_equal(fc.nspecs, 3);
	assert_int_equal(fc.nsubs, 1);
	assert_string_equal(fc.specs[1].regex, "/home/u"); /* .homedirs */
	assert_string_equal(fc.specs[2].regex, "/b");      /* .local */
	assert_non_null(strstr(fc.specs[2].file, "file_contexts.local"));
	label_fc_free(&fc);
	unit_rmtree(dir);
	free(dir);
	free(base);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fields),
	    cmocka_unit_test(test_modes),
	    cmocka_unit_test(test_errors_name_the_line),
	    cmocka_unit_test(test_subs),
	    cmocka_unit_test(test_load_companions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
