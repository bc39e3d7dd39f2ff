/*
 * labeler_label_report - unit tests of labeler/label_report.c: the
 * setfiles-compatible lines and JSON for names no terminal should be
 * trusted with (the encodings themselves: lib_quote.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "label_report.h"
#include "unit_fixture.h"

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
	/* A newline in a name cannot start a line; ESC never goes out. */
	label_report_change(&o, "/r/a\nWould relabel /x", "u:r:\x1b:s0",
	                    "u:r:t:s0", 0);
	assert_string_equal(strbuf_str(&o.sb),
	                    "Would relabel /r/a\\nWould relabel /x from "
	                    "u:r:\\x1b:s0 to u:r:t:s0\n");
	strbuf_reset(&o.sb);
	label_report_refused(&o, "/r/h", "u:r:shadow_t:s0", "u:r:t:s0", 2,
	                     "shadow_t");
	assert_string_equal(strbuf_str(&o.sb),
	                    "Not relabeling /r/h from u:r:shadow_t:s0 to "
	                    "u:r:t:s0: it has 2 links and its type shadow_t "
	                    "is not one the file contexts of these trees give "
	                    "(a hard link to a file outside them?)\n");
	strbuf_reset(&o.sb);
	o.json = 1;
	label_report_change(&o, "/r/\xff", NULL, "u:r:t:s0", 0);
	assert_string_equal(
	    strbuf_str(&o.sb),
	    "{\"path\":\"/r/\\udcff\",\"from\":null,"
	    "\"to\":\"u:r:t:s0\",\"action\":\"would relabel\"}\n");
	strbuf_reset(&o.sb);
	label_report_refused(&o, "/r/h", "u:r:shadow_t:s0", "u:r:t:s0", 2,
	                     "shadow_t");
	assert_string_equal(
	    strbuf_str(&o.sb),
	    "{\"path\":\"/r/h\",\"from\":\"u:r:shadow_t:s0\",\"to\":"
	    "\"u:r:t:s0\",\"action\":\"refused\",\"links\":2,\"reason\":"
	    "\"hard link with a type foreign to the trees\"}\n");
	strbuf_reset(&o.sb);
	label_out_free(&o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
