/*
 * lib_quote - unit tests of lib/util/quote.c: the text, shell and JSON forms
 * of values no terminal, shell or JSON reader should be trusted with.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quote.h"
#include "unit_fixture.h"

static struct strbuf out;

static const char *
run(void (*quote)(struct strbuf *, const char *), const char *s)
{
	strbuf_reset(&out);
	quote(&out, s);
	return strbuf_str(&out);
}

static const char *
text(const char *s)
{
	return run(quote_text, s);
}

static const char *
json(const char *s)
{
	return run(quote_json, s);
}

static const char *
shell(const char *s)
{
	return run(quote_shell, s);
}

static const char *
text_max(const char *s, size_t max)
{
	strbuf_reset(&out);
	quote_text_max(&out, s, max);
	return strbuf_str(&out);
}

static void
test_text(void **state)
{
	(void)state;
	assert_string_equal(text("/var/spool/a b"), "/var/spool/a b");
	assert_string_equal(text("new\nline\ttab\rcr"),
	                    "new\\nline\\ttab\\rcr");
	assert_string_equal(text("back\\slash"), "back\\\\slash");
	assert_string_equal(text("\x1b]0;t\x07\x1b[2J\x7f"),
	                    "\\x1b]0;t\\x07\\x1b[2J\\x7f");
	/* Printable UTF-8 passes; invalid bytes and C1 controls do not. */
	assert_string_equal(text("caf\xc3\xa9 \xf0\x9f\x93\xa7"),
	                    "caf\xc3\xa9 \xf0\x9f\x93\xa7");
	assert_string_equal(text("bad\xff\xc3"), "bad\\xff\\xc3");
	assert_string_equal(text("\xc2\x9b"), "\\xc2\\x9b"); /* U+009B CSI */
	assert_string_equal(text("\xe2\x80\xae"), "\\xe2\\x80\\xae"); /* RLO */
	assert_string_equal(text("\xe2\x80\xa8"), "\\xe2\\x80\\xa8"); /* LS */
	assert_string_equal(text("\xed\xa0\x80"), "\\xed\\xa0\\x80");
	assert_string_equal(text("\xe0\x80\xaf"), "\\xe0\\x80\\xaf");
	strbuf_reset(&out);
	quote_text_mem(&out, "a\0b", 3);
	assert_string_equal(strbuf_str(&out), "a\\x00b");
	strbuf_reset(&out);
	quote_message(&out, "a\\b\n\tc\x1b[2J\xff", 11);
	assert_string_equal(strbuf_str(&out), "a\\b\n\tc\\x1b[2J\\xff");
	assert_true(quote_text_plain("/srv/a b.c"));
	assert_false(quote_text_plain("a\\b"));
	assert_true(quote_printable("a\\b \xc3\xa9"));
	assert_false(quote_printable("a\nb"));
	assert_false(quote_printable("a\xff"));
}

static void
test_text_max(void **state)
{
	(void)state;
	assert_string_equal(text_max("abcdef", 6), "abcdef");
	assert_string_equal(text_max("abcdefg", 6), "abc...");
	/* Never half an escape or half a character. */
	assert_string_equal(text_max("ab\ncdefg", 7), "ab\\n...");
	assert_string_equal(text_max("ab\x1b"
	                             "cdefg",
	                             7),
	                    "ab...");
	assert_string_equal(text_max("ab\xc3\xa9"
	                             "cdefg",
	                             7),
	                    "ab\xc3\xa9...");
	assert_string_equal(text_max("a\xc3\xa9"
	                             "cdefg",
	                             5),
	                    "a...");
}

static void
test_shell(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const char *ok[] = {"restorecon", "-v", "/a b/it's", NULL};
	const char *bad[] = {"restorecon", "-v", "/a\nb", NULL};

	(void)state;
	assert_string_equal(shell("/etc/postfix/main.cf"),
	                    "/etc/postfix/main.cf");
	assert_string_equal(shell(""), "''");
	assert_string_equal(shell("a b"), "'a b'");
	assert_string_equal(shell("x';touch P;'"), "'x'\\'';touch P;'\\'''");
	assert_string_equal(shell("$(id)`id`\\"), "'$(id)`id`\\'");
	assert_int_equal(quote_command(&sb, ok), 0);
	assert_string_equal(strbuf_str(&sb), "restorecon -v '/a b/it'\\''s'");
	strbuf_reset(&sb);
	assert_int_equal(quote_command(&sb, bad), -1);
	assert_string_equal(strbuf_str(&sb), "restorecon -v </a\\nb>");
	strbuf_free(&sb);
}

static void
test_json(void **state)
{
	(void)state;
	assert_string_equal(json(NULL), "null");
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
	assert_string_equal(json("\xf4\x90\x80\x80"),
	                    "\"\\udcf4\\udc90\\udc80\\udc80\"");
	assert_string_equal(json("\xf0\x9f\x93\xa7"), "\"\xf0\x9f\x93\xa7\"");
	/* What a terminal would act on, as the same characters escaped. */
	assert_string_equal(json("\xc2\x9b\xe2\x80\xae"), "\"\\u009b\\u202e\"");
}

static int
done(void **state)
{
	(void)state;
	strbuf_free(&out);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text),
	    cmocka_unit_test(test_text_max),
	    cmocka_unit_test(test_shell),
	    cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests(tests, NULL, done);
}
