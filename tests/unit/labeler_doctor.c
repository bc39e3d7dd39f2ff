/*
 * labeler_doctor - unit tests of pfsel-label doctor's pieces that take
 * no system: the time of an audit record and --since (doctor_since.c),
 * which domains are mail domains (doctor_report.c), and the output
 * (doctor_output.c): one line per evidence whatever a value holds, fix
 * commands as the shell reads them back, JSON that parses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doctor.h"
#include "unit_fixture.h"
#include "xalloc.h"

static double
rec(const char *line)
{
	return doctor_record_time(line, strlen(line));
}

static void
test_record_time(void **state)
{
	(void)state;
	assert_true(rec("type=AVC msg=audit(1700000001.100:501): avc: ") ==
	            1700000001.1);
	assert_true(rec("type=AVC msg=audit(1700000001:7): x") == 1700000001);
	/* Not a record time: no serial, no digits, cut short, none. */
	assert_true(rec("msg=audit(1700000001.100)") < 0);
	assert_true(rec("msg=audit(:5)") < 0);
	assert_true(rec("msg=audit(17") < 0);
	assert_true(rec("audit[42]: AVC avc: denied") < 0);
	assert_true(rec("") < 0);
	/* The length bounds the scan: what lies beyond is not read. */
	assert_true(doctor_record_time("audit(12:3)", 8) < 0);
	assert_true(doctor_record_time("audit(12:3)", 9) == 12);
}

static void
test_since(void **state)
{
	struct tm tm;
	time_t t;

	(void)state;
	assert_true(doctor_since("@1700000002") == 1700000002);
	assert_true(doctor_since("@1.5") == 1.5);
	assert_true(doctor_since("@") < 0);
	assert_true(doctor_since("@-3") < 0);
	assert_true(doctor_since("@12x") < 0);
	assert_true(doctor_since("yesterday") < 0);
	assert_true(doctor_since("2026-13-01") < 0);
	assert_true(doctor_since("2026-01-02 03:04:05 junk") < 0);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 126, tm.tm_mon = 0, tm.tm_mday = 2, tm.tm_hour = 3;
	tm.tm_min = 4, tm.tm_sec = 5, tm.tm_isdst = -1;
	t = mktime(&tm);
	assert_true(doctor_since("2026-01-02 03:04:05") == (double)t);
	assert_true(doctor_since("2026-01-02 03:04") == (double)(t - 5));
	assert_true(doctor_since("boot") > 0);
}

static void
test_mail_domain(void **state)
{
	struct doctor d;
	char *mods[] = {xstrdup("site"), NULL};

	(void)state;
	memset(&d, 0, sizeof(d));
	d.daemons_map =
	    xstrdup("# comment postfix_x_t\nsmtpd\tpostfix_smtpd_t\n");
	d.servers_map = xstrdup("dkim_milter_t\t\tmilter\ndovecot_t lmtp\n");
	d.modules = mods;
	d.nmodules = 1;
	assert_true(doctor_mail_domain(&d, "postfix_smtpd_t"));
	assert_true(doctor_mail_domain(&d, "postfix_anything_t"));
	assert_true(doctor_mail_domain(&d, "dkim_milter_t"));
	assert_true(doctor_mail_domain(&d, "dovecot_t"));
	assert_true(doctor_mail_domain(&d, "site_sitedaemon_t"));
	assert_false(doctor_mail_domain(&d, "dkim_milter"));
	assert_false(doctor_mail_domain(&d, "dovecot_deliver_t"));
	assert_false(doctor_mail_domain(&d, "sitex_t"));
	assert_false(doctor_mail_domain(&d, "smtpd"));
	assert_false(doctor_mail_domain(&d, "sshd_t"));
	d.modules = NULL;
	d.nmodules = 0;
	free(mods[0]);
	doctor_free(&d);
}

/* Print d to memory. */
static char *
printed(const struct doctor *d, int json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (json)
		doctor_print_json(fp, d);
	else
		doctor_print_text(fp, d);
	fclose(fp);
	return buf;
}

static void
test_output(void **state)
{
	struct doctor d;
	struct doctor_finding *f;
	const char *fix[] = {"pfsel-label", "apply", "/srv/it's here", NULL};
	const char *bad[] = {"restorecon", "-v", "/q/a\nb", NULL};
	char *out;

	(void)state;
	memset(&d, 0, sizeof(d));
	out = printed(&d, 0);
	assert_non_null(strstr(out, "doctor: nothing to fix found\n"));
	free(out);
	doctor_fact(&d, DOCTOR_SELINUX, "SELinux", "disabled");
	f = doctor_finding(&d, DOCTOR_PART, DOCTOR_ERROR, "labels",
	                   "1 file under %s", "/srv/it's here");
	doctor_evidence(f, "%s is %s", "/srv/x\n  [ERROR] forged",
	                "u:r:\x1b:s0");
	doctor_fix(f, fix);
	f = doctor_finding(&d, DOCTOR_DENIALS, DOCTOR_WARNING, "denial", "x");
	doctor_fix(f, bad);
	doctor_fix_note(f, "then \x07restart");
	out = printed(&d, 0);
	assert_non_null(
	    strstr(out, "== Is it SELinux? ==\n  SELinux: disabled\n"));
	assert_non_null(
	    strstr(out, "  [ERROR] labels: 1 file under /srv/it's here\n"
	                "      /srv/x\\n  [ERROR] forged is u:r:\\x1b:s0\n"
	                "      fix: pfsel-label apply '/srv/it'\\''s here'\n"));
	/* A word a terminal cannot show: not a command to paste. */
	assert_non_null(strstr(out, "      fix: restorecon -v </q/a\\nb>\n"
	                            "       or: then \\x07restart\n"));
	assert_non_null(
	    strstr(out, "\ndoctor: 2 findings (1 error, 1 warning)\n"));
	assert_null(strchr(out, '\x1b'));
	assert_null(strchr(out, '\x07'));
	free(out);
	out = printed(&d, 1);
	assert_non_null(strstr(
	    out, "\"fix\":[\"pfsel-label\",\"apply\",\"/srv/it's here\"]"));
	assert_non_null(strstr(out, "\"/srv/x\\n  [ERROR] forged is "
	                            "u:r:\\u001b:s0\""));
	assert_non_null(strstr(out, "\"errors\":1,\"warnings\":1}\n"));
	free(out);
	doctor_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_record_time),
	    cmocka_unit_test(test_since),
	    cmocka_unit_test(test_mail_domain),
	    cmocka_unit_test(test_output),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
