/*
 * labeler_audit_record - unit tests of review/audit_record.c: finding
 * records in every log format pfsel-label review accepts, and reading
 * their fields.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit_record.h"
#include "unit_fixture.h"

static int
recs(const char *line, struct audit_rec *r)
{
	return audit_line_records(line, strlen(line), r, AUDIT_MAX_RECS);
}

static int
body_is(const struct audit_rec *r, const char *s)
{
	return (size_t)(r->end - r->body) == strlen(s) &&
	       memcmp(r->body, s, strlen(s)) == 0;
}

static void
test_raw(void **state)
{
	struct audit_rec r[AUDIT_MAX_RECS];

	(void)state;
	assert_int_equal(recs("type=AVC msg=audit(1166045975.667:1129): avc:  "
	                      "denied  { write } for x=1  \r",
	                      r),
	                 1);
	assert_int_equal(r[0].type, AR_AVC);
	assert_int_equal(r[0].serial, 1129);
	assert_true(audit_rec_time(&r[0]) > 1166045975.6 &&
	            audit_rec_time(&r[0]) < 1166045975.7);
	assert_int_equal(r[0].interpreted, 0);
	assert_int_equal(r[0].node.n, 0);
	assert_true(body_is(&r[0], "avc:  denied  { write } for x=1"));
}

/*
 * Stamps of every length the fast paths take (8 to 12 digits of
 * seconds, serials up to 12 digits) and just past them (the general
 * path), on a line long enough for the 32-byte stamp scan and on one
 * too short for it.  Milliseconds count modulo 1000.
 */
static void
test_stamp_lengths(void **state)
{
	static const struct {
		const char *stamp;
		unsigned long serial;
		double time;
	} t[] = {
	    {"1.5:7", 7, 1.005},
	    {"99999999.5:1", 1, 99999999.005},
	    {"123456789.250:12", 12, 123456789.25},
	    {"1166045975.667:1129", 1129, 1166045975.667},
	    {"12345678901.001:999999999999", 999999999999ul, 12345678901.001},
	    {"123456789012.999:3", 3, 123456789012.999},
	    {"1234567890123.500:4", 4, 1234567890123.5},
	    {"1166045975.667:1234567890123", 1234567890123ul, 1166045975.667},
	    {"1166045975.1234567890123:8", 8, 1166045975.123},
	};
	static const char *const after[] = {
	    "", " avc:  denied  { read } for  pid=1 comm=\"x\""};
	struct audit_rec r[AUDIT_MAX_RECS];
	char line[256];
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		for (k = 0; k < 2; k++) {
			snprintf(line, sizeof(line),
			         "type=AVC msg=audit(%s):%s", t[i].stamp,
			         after[k]);
			assert_int_equal(recs(line, r), 1);
			assert_int_equal(r[0].serial, t[i].serial);
			assert_int_equal(r[0].interpreted, 0);
			assert_true(audit_rec_time(&r[0]) == t[i].time);
		}
}

static void
test_node_with_spaces(void **state)
{
	struct audit_rec r[AUDIT_MAX_RECS];

	(void)state;
	assert_int_equal(recs("node=mail host.example type=SYSCALL "
	                      "msg=audit(1.5:7): exe=\"/x\"",
	                      r),
	                 1);
	assert_int_equal(r[0].type, AR_SYSCALL);
	assert_int_equal(r[0].node.n, strlen("mail host.example"));
	assert_memory_equal(r[0].node.p, "mail host.example", r[0].node.n);
}

static void
test_glued(void **state)
{
	struct audit_rec r[AUDIT_MAX_RECS];

	(void)state;
	assert_int_equal(
	    recs("node=a type=PATH msg=audit(1.1:74): item=0 name=\"/etc/x\" "
	         "node=b type=CWD msg=audit(1.1:74):  cwd=\"/\"",
	         r),
	    2);
	assert_int_equal(r[0].type, AR_PATH);
	assert_true(body_is(&r[0], "item=0 name=\"/etc/x\""));
	assert_int_equal(r[1].type, AR_CWD);
	assert_memory_equal(r[1].node.p, "b", 1);
	assert_true(body_is(&r[1], "cwd=\"/\""));
}

static void
test_syslog_dmesg_journal(void **state)
{
	struct audit_rec r[AUDIT_MAX_RECS];

	(void)state;
	assert_int_equal(recs("Nov 25 01:02:03 mx kernel: audit: type=1400 "
	                      "audit(1.0:9): avc:  denied  { read }",
	                      r),
	                 1);
	assert_int_equal(r[0].type, AR_AVC);
	assert_int_equal(r[0].serial, 9);
	assert_int_equal(recs("[  12.345] audit: type=1107 audit(2.0:10): "
	                      "pid=1 msg='avc: denied'",
	                      r),
	                 1);
	assert_int_equal(r[0].type, AR_USER_AVC);
	/* 2006 kernels: no type= at all */
	assert_int_equal(
	    recs("Sep 12 08:26:43 h kernel: audit(1158064002.046:4)"
	         ": avc:  denied  { read } for pid=2",
	         r),
	    1);
	assert_int_equal(r[0].type, AR_AVC);
	assert_int_equal(r[0].serial, 4);
}

static void
test_ausearch_i(void **state)
{
	struct audit_rec r[AUDIT_MAX_RECS];
	struct tm tm = {.tm_year = 125,
	                .tm_mon = 10,
	                .tm_mday = 1,
	                .tm_hour = 22,
	                .tm_min = 8,
	                .tm_sec = 25};

	(void)state;
	assert_int_equal(recs("type=AVC msg=audit(11/01/2025 22:08:25.962:14) "
	                      ": avc:  denied  { net_admin } for pid=1360",
	                      r),
	                 1);
	assert_int_equal(r[0].serial, 14);
	assert_int_equal(r[0].interpreted, 1);
	assert_int_equal((long)audit_rec_time(&r[0]), (long)timegm(&tm));
	assert_true(body_is(&r[0], "avc:  denied  { net_admin } for pid=1360"));
	/* day first with dots */
	assert_int_equal(recs("type=AVC msg=audit(01.11.2025 22:08:25.962:15) "
	                      ": avc: denied { x }",
	                      r),
	                 1);
	assert_int_equal((long)audit_rec_time(&r[0]), (long)timegm(&tm));
	/* two-digit years: C's MM/DD/YY and en_GB's DD/MM/YY (a first
	 * field above 12 is a day); milliseconds kept */
	tm.tm_mday = 14;
	assert_int_equal(recs("type=AVC msg=audit(11/14/25 22:08:25.962:16) "
	                      ": avc: denied { x }",
	                      r),
	                 1);
	assert_true(audit_rec_time(&r[0]) == (double)timegm(&tm) + 0.962);
	assert_int_equal(recs("type=AVC msg=audit(14/11/25 22:08:25.962:17) "
	                      ": avc: denied { x }",
	                      r),
	                 1);
	assert_true(audit_rec_time(&r[0]) == (double)timegm(&tm) + 0.962);
}

/*
 * journalctl's form: no stamp, no serial; only the three SELinux types
 * are taken, and a prefix that is not exactly "audit[DIGITS]: " or
 * "audit: " is no record.
 */
static void
test_journalctl(void **state)
{
	struct audit_rec r[AUDIT_MAX_RECS];

	(void)state;
	assert_int_equal(recs("Nov 03 16:25:28 host audit[294288]: AVC avc:  "
	                      "denied  { read } for x=1 \r",
	                      r),
	                 1);
	assert_int_equal(r[0].type, AR_AVC);
	assert_null(r[0].stamp);
	assert_true(audit_rec_time(&r[0]) == 0);
	assert_true(body_is(&r[0], "avc:  denied  { read } for x=1"));
	assert_int_equal(recs("h audit: USER_AVC pid=1 msg='avc:  denied'", r),
	                 1);
	assert_int_equal(r[0].type, AR_USER_AVC);
	assert_true(body_is(&r[0], "pid=1 msg='avc:  denied'"));
	assert_int_equal(recs("h audit[1]: SELINUX_ERR op=x", r), 1);
	assert_int_equal(r[0].type, AR_SELINUX_ERR);
	/* a SYSCALL without its serial cannot be joined: not taken */
	assert_int_equal(recs("h audit[1]: SYSCALL arch=c000003e", r), 0);
	assert_int_equal(recs("h audit[x]: AVC avc:  denied", r), 0);
	assert_int_equal(recs("h audit[1]:AVC avc:", r), 0);
	assert_int_equal(recs("h audit[1]: AVC", r), 0);
	assert_int_equal(recs("h audit[12345678901]: AVC avc: x", r), 0);
	assert_int_equal(recs("h auditd audit: AVC avc: x", r), 1);
	assert_int_equal(recs("ends with audit", r), 0);
	assert_int_equal(recs("audit[", r), 0);
}

static void
test_enriched_and_malformed(void **state)
{
	struct audit_rec r[AUDIT_MAX_RECS];

	(void)state;
	assert_int_equal(
	    recs("type=CWD msg=audit(1.0:3): cwd=\"/\"\x1dUID=\"root\" "
	         "type=AVC msg=audit(1.0:3): avc:",
	         r),
	    1);
	assert_true(body_is(&r[0], "cwd=\"/\""));
	assert_int_equal(recs("type=AVC msg=audit(garbage", r), -1);
	assert_int_equal(recs("type=AVC msg=audit(1.0:x): avc:", r), -1);
	assert_int_equal(recs("hello world", r), 0);
	assert_int_equal(recs("", r), 0);
}

static void
test_fields(void **state)
{
	const char *body =
	    "avc:  denied  { read write } for  pid=7 "
	    "comm=\"a b\" name=2F746D70 saddr={ x y } msg='in ner'";
	const char *p = body, *end = body + strlen(body);
	struct audit_rec rec = {.interpreted = 0};
	struct audit_field f;
	char text[64];

	(void)state;
	assert_true(audit_next_field(&p, end, &f));
	assert_memory_equal(f.key.p, "pid", 3);
	assert_memory_equal(f.val.p, "7", 1);
	assert_true(audit_next_field(&p, end, &f));
	assert_int_equal(f.quote, '"');
	audit_value_text(&rec, &f, text, sizeof(text));
	assert_string_equal(text, "a b");
	assert_true(audit_next_field(&p, end, &f));
	audit_value_text(&rec, &f, text, sizeof(text));
	assert_string_equal(text, "/tmp"); /* hex decoded */
	rec.interpreted = 1;
	audit_value_text(&rec, &f, text, sizeof(text));
	assert_string_equal(text, "2F746D70"); /* ausearch -i decoded it */
	assert_true(audit_next_field(&p, end, &f));
	assert_int_equal(f.quote, '{');
	assert_int_equal(f.val.n, strlen(" x y "));
	assert_true(audit_next_field(&p, end, &f));
	assert_int_equal(f.quote, '\'');
	assert_int_equal(f.val.n, strlen("in ner"));
	assert_false(audit_next_field(&p, end, &f));
	/* truncated output */
	audit_value_text(&rec, &f, text, 3);
	assert_int_equal(strlen(text), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_raw),
	    cmocka_unit_test(test_stamp_lengths),
	    cmocka_unit_test(test_node_with_spaces),
	    cmocka_unit_test(test_glued),
	    cmocka_unit_test(test_syslog_dmesg_journal),
	    cmocka_unit_test(test_ausearch_i),
	    cmocka_unit_test(test_journalctl),
	    cmocka_unit_test(test_enriched_and_malformed),
	    cmocka_unit_test(test_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
