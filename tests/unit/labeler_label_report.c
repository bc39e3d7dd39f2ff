/*
 * labeler_label_report - unit tests of labeler/label_report.c: the
 * setfiles-compatible lines and JSON for names no terminal should be
 * trusted with.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "label_report.h"

static const char *
json(const char *s)
{
	static struct strbuf sb;

	strbuf_free(&sb);
	label_json_string(&sb, s);
	return strbuf_str(&sb);
}

static void
test_json_strings(void **state)
{
	(void)state;
	assert_string_equal(json("/var/spool/a b"), "\"/var/spool/a b\"");
	assert_string_equal(json("q\"b\\"), "\"q\\\"b\\\\\"");
	assert_string_equal(json("new\nline\ttab"), "\"new\\nline\\ttab\"");
	assert_string_equal(json("\x01\x7f"), "\"\\u0001\\u007f\"");
	/* Valid UTF-8 passes; other bytes become U+DCXX, as PEP 383. */
	assert_string_equal(json("caf\xc3\xa9"), "\"caf\xc3\xa9\"");
	assert_string_equal(json("bad\xff\xfe"), "\"bad\\udcff\\udcfe\"");
	assert_string_equal(json("\xc3"), "\"\\udcc3\""); /* cut */
	/* U+00FF written in UTF-8 stays distinct from the byte 0xff. */
	assert_string_equal(json("\xc3\xbf"), "\"\xc3\xbf\"");
	assert_string_equal(json("\xe0\x80\x80"), "\"\\udce0\\udc80\\udc80\"");
	assert_string_equal(json("\xed\xa0\x80"), "\"\\udced\\udca0\\udc80\"");
	assert_string_equal(json("\xf0\x9f\x93\xa7"), "\"\xf0\x9f\x93\xa7\"");
	json(""); /* leaves sb empty-quoted; frees the last one */
}

static void
test_lines(void **state)
{
	struct label_out o;

	(void)state;
	label_out_init(&o, 0);
	label_report_change(&o, "/r/a b", NULL, "u:r:t:s0", 0);
	label_report_change(&o, "/r/c", "u:r:x:s0", "u:r:t:s0", 1);
	assert_string_equal(strbuf_str(&o.sb),
	                    "Would relabel /r/a b from (null) to u:r:t:s0\n"
	                    "Relabeled /r/c from u:r:x:s0 to u:r:t:s0\n");
	strbuf_reset(&o.sb);
	o.json = 1;
	label_report_change(&o, "/r/\xff", NULL, "u:r:t:s0", 0);
	assert_string_equal(
	    strbuf_str(&o.sb),
	    "{\"path\":\"/r/\\udcff\",\"from\":null,"
	    "\"to\":\"u:r:t:s0\",\"action\":\"would relabel\"}\n");
	strbuf_reset(&o.sb);
	label_out_free(&o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_json_strings),
	    cmocka_unit_test(test_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
