/*
 * gen_bundle - unit tests of gen/bundle.c: the bundle format read as
 * untrusted input (exact format, limits, file:line errors) and written
 * so that it reads back the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundle.h"
#include "unit_fixture.h"

#define GOOD                                                                \
	"# pfsel bundle 1\n"                                                \
	"module pfsel_site\n"                                               \
	"port tcp 2525 2525 smtp_port_t\n"                                  \
	"tree /var/log/mylogd\n"                                            \
	"spec 27\n"                                                         \
	"[module]\nname = pfsel_site\n\n"                                   \
	"pp 4\n"                                                            \
	"\x8f\xff\x7c\xf9\n"                                                \
	"end\n"

static int
parse(const char *text, size_t len, struct bundle *b, struct why *why)
{
	return bundle_parse("b", text, len, b, why);
}

static void
test_good(void **state)
{
	struct bundle b;
	struct why why;

	(void)state;
	assert_int_equal(parse(GOOD, sizeof(GOOD) - 1, &b, &why), 0);
	assert_string_equal(b.module, "pfsel_site");
	assert_int_equal(b.nports, 1);
	assert_string_equal(b.ports[0].proto, "tcp");
	assert_int_equal(b.ports[0].low, 2525);
	assert_string_equal(b.ports[0].type, "smtp_port_t");
	assert_int_equal(b.ntrees, 1);
	assert_string_equal(b.trees[0], "/var/log/mylogd");
	assert_int_equal(b.spec_len, 27);
	assert_memory_equal(b.spec, "[module]\nname = pfsel_site\n\n", 27);
	assert_int_equal(b.pp_len, 4);
	assert_memory_equal(b.pp, "\x8f\xff\x7c\xf9", 4);
	bundle_free(&b);
}

static void
test_round_trip(void **state)
{
	struct strbuf out = STRBUF_INIT;
	struct bundle b;
	struct why why;

	(void)state;
	assert_int_equal(parse(GOOD, sizeof(GOOD) - 1, &b, &why), 0);
	assert_int_equal(bundle_format(&b, &out, &why), 0);
	assert_int_equal(out.len, sizeof(GOOD) - 1);
	assert_memory_equal(out.data, GOOD, out.len);
	strbuf_free(&out);
	bundle_free(&b);
}

/* text with the first "from" replaced by "to" must be refused with
 * message (file:line included). */
static void
refused(const char *from, const char *to, const char *message)
{
	char text[512], *p;
	struct bundle b;
	struct why why;
	size_t n;

	p = strstr(GOOD, from);
	assert_non_null(p);
	n = (size_t)(p - GOOD);
	memcpy(text, GOOD, n);
	strcpy(text + n, to);
	strcat(text, p + strlen(from));
	assert_int_equal(parse(text, strlen(text), &b, &why), -1);
	assert_string_equal(why.text, message);
	assert_null(b.module);
}

static void
test_refused(void **state)
{
	(void)state;
	refused("# pfsel bundle 1", "# pfsel bundle 2",
	        "b:1: not a pfsel bundle (want \"# pfsel bundle 1\")");
	refused("module pfsel_site", "module Pfsel", "b:2: bad module name");
	refused("port tcp 2525 2525", "port tcp  2525 2525",
	        "b:3: malformed port record");
	refused("port tcp 2525 2525", "port tcp 2525 02525",
	        "b:3: bad port range");
	refused("port tcp 2525 2525", "port tcp 2526 2525",
	        "b:3: bad port range");
	refused("port tcp 2525 2525", "port icmp 2525 2525",
	        "b:3: unknown protocol");
	refused("smtp_port_t", "smtp_port_t;", "b:3: bad type");
	refused("tree /var/log/mylogd", "tree var/log",
	        "b:4: tree must be an absolute printable path");
	refused("tree /var/log/mylogd", "tree /var/\x1b[2J",
	        "b:4: tree must be an absolute printable path");
	refused("spec 27", "spec 99999999",
	        "b:5: bad spec length (at most 1048576)");
	refused("spec 27", "spec 30", "b:5: the spec blob is cut short");
	refused("pp 4", "pp x", "b:9: bad pp length (at most 16777216)");
	refused("pp 4", "p 4", "b:9: want \"pp LENGTH\"");
	refused("end\n", "end\nmore\n", "b:12: bytes after \"end\"");
	refused("end\n", "END\n", "b:11: want \"end\"");
	refused("end\n", "end", "b:11: last line has no newline");
	/* A port record after a tree record is out of place. */
	refused("tree /var/log/mylogd\n",
	        "tree /var/log/mylogd\nport udp 1 2 x_t\n",
	        "b:5: unknown or misplaced record");
}

static void
test_nul_and_cut(void **state)
{
	struct bundle b;
	struct why why;
	char text[sizeof(GOOD)];
	size_t n;

	(void)state;
	memcpy(text, GOOD, sizeof(GOOD));
	text[20] = '\0'; /* inside "module pfsel_site" */
	assert_int_equal(parse(text, sizeof(GOOD) - 1, &b, &why), -1);
	assert_string_equal(why.text, "b:2: line holds a NUL byte");
	/* Every prefix of a good bundle is refused, none crashes. */
	for (n = 0; n < sizeof(GOOD) - 1; n++)
		assert_int_equal(parse(GOOD, n, &b, &why), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_good),
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_refused),
	    cmocka_unit_test(test_nul_and_cut),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
