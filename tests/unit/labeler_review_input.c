/*
 * labeler_review_input - unit tests of labeler/review_input.c and
 * review_group.c: denials grouped by types and class, USER_AVC, the
 * join of SYSCALL/CWD/PATH records in either order, lines split across
 * reads, malformed input counted and skipped.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "review_group.h"
#include "review_input.h"

struct run {
	struct rv_table *t;
	struct rv_input *in;
	struct rv_group **g;
	size_t n;
};

static void
run(struct run *r, const char *text)
{
	r->t = rv_table_new();
	r->in = rv_input_new(r->t);
	rv_input_bytes(r->in, text, strlen(text));
	rv_input_finish(r->in);
	r->g = rv_table_groups(r->t, &r->n);
}

static void
done(struct run *r)
{
	rv_input_free(r->in);
	rv_table_free(r->t);
}

#define SC "scontext=system_u:system_r:postfix_pickup_t:s0 "
#define TC "tcontext=system_u:object_r:postfix_spool_maildrop_t:s0 "

static void
test_group_and_merge(void **state)
{
	struct run r;

	(void)state;
	run(&r, "type=AVC msg=audit(10.0:1): avc:  denied  { read } for " SC TC
	        "tclass=dir\n"
	        "type=AVC msg=audit(12.0:2): avc:  denied  { read write } for "
	        "comm=\"pickup\" " SC TC "tclass=dir\n"
	        "type=AVC msg=audit(11.0:3): avc:  denied  { read } for " SC TC
	        "tclass=file\n");
	assert_int_equal(r.n, 2);
	assert_string_equal(r.g[0]->stype, "postfix_pickup_t");
	assert_string_equal(r.g[0]->ttype, "postfix_spool_maildrop_t");
	assert_string_equal(r.g[0]->tclass, "dir");
	assert_int_equal(r.g[0]->count, 2);
	assert_int_equal(r.g[0]->nperms, 2);
	assert_int_equal(r.g[0]->nsets, 2); /* {read} and {read write} */
	assert_true(r.g[0]->first == 10.0 && r.g[0]->last == 12.0);
	assert_int_equal(r.g[0]->comms.n, 1);
	assert_string_equal(r.g[0]->comms.v[0], "pickup");
	assert_int_equal(rv_input_stats(r.in)->denials, 3);
	done(&r);
}

static void
test_event_join_both_orders(void **state)
{
	static const char *const logs[] = {
	    /* kernel order: AVC first */
	    "type=AVC msg=audit(1.0:283): avc:  denied  { read } for "
	    "comm=\"pickup\" name=\"maildrop\" " SC TC "tclass=dir\n"
	    "type=SYSCALL msg=audit(1.0:283): success=no "
	    "exe=\"/usr/libexec/postfix/pickup\"\n"
	    "type=CWD msg=audit(1.0:283):  cwd=\"/var/spool/postfix\"\n"
	    "type=PATH msg=audit(1.0:283): item=0 name=\"maildrop\"\n",
	    /* ausearch order: SYSCALL and friends first, hex values */
	    "type=SYSCALL msg=audit(1.0:283): success=no "
	    "exe=2F7573722F6C6962657865632F706F73746669782F7069636B7570\n"
	    "type=CWD msg=audit(1.0:283):  cwd=\"/var/spool/postfix\"\r\n"
	    "type=PATH msg=audit(1.0:283): item=0 name=\"maildrop\"\n"
	    "type=AVC msg=audit(1.0:283): avc:  denied  { read } for "
	    "name=\"maildrop\" " SC TC "tclass=dir",
	};
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		struct run r;

		run(&r, logs[i]);
		assert_int_equal(r.n, 1);
		assert_int_equal(r.g[0]->exes.n, 1);
		assert_string_equal(r.g[0]->exes.v[0],
		                    "/usr/libexec/postfix/pickup");
		assert_int_equal(r.g[0]->paths.n, 1);
		assert_string_equal(r.g[0]->paths.v[0],
		                    "/var/spool/postfix/maildrop");
		assert_int_equal(r.g[0]->success_no, 1);
		done(&r);
	}
}

static void
test_user_avc_and_errors(void **state)
{
	struct run r;

	(void)state;
	run(&r, "type=USER_AVC msg=audit(1.0:5): pid=1 uid=81 msg='avc:  "
	        "denied  { send_msg } for msgtype=signal "
	        "scontext=u:r:a_t:s0 tcontext=u:r:b_t:s0 tclass=dbus "
	        "exe=\"/usr/bin/dbus-daemon\"'\n"
	        "type=USER_AVC msg=audit(1.0:6): pid=1 msg='avc:  received "
	        "policyload notice (seqno=2)'\n"
	        "type=SELINUX_ERR msg=audit(1.0:7): security_compute_sid:  "
	        "invalid context u:r:c_t:s0 for scontext=u:r:a_t:s0\n"
	        "type=SELINUX_ERR msg=audit(1.0:8): security_compute_sid:  "
	        "invalid context u:r:d_t:s0 for scontext=u:r:a_t:s0\n"
	        "type=AVC msg=audit(1.0:9): avc:  denied  { } for " SC TC
	        "tclass=dir\n"
	        "type=AVC msg=audit(1.0:10): avc:  denied  { read } for\n"
	        "type=AVC msg=audit(garbage\n");
	assert_int_equal(r.n, 1);
	assert_string_equal(r.g[0]->tclass, "dbus");
	assert_int_equal(r.g[0]->user_avc, 1);
	assert_string_equal(r.g[0]->exes.v[0], "/usr/bin/dbus-daemon");
	assert_int_equal(rv_input_stats(r.in)->user_avc, 2);
	assert_int_equal(rv_input_stats(r.in)->other_user_avc, 1);
	assert_int_equal(rv_input_stats(r.in)->selinux_err, 2);
	assert_int_equal(rv_input_stats(r.in)->malformed, 3);
	{
		size_t n;
		const struct rv_err *e = rv_input_errs(r.in, &n);

		assert_int_equal(n, 1);
		assert_string_equal(e[0].what,
		                    "security_compute_sid: invalid context");
		assert_int_equal(e[0].count, 2);
	}
	done(&r);
}

static void
test_split_reads(void **state)
{
	const char *line = "type=AVC msg=audit(1.0:1): avc:  denied  { read } "
	                   "for " SC TC "tclass=dir\n";
	struct rv_table *t = rv_table_new();
	struct rv_input *in = rv_input_new(t);
	size_t i, n;

	(void)state;
	for (i = 0; i < strlen(line); i++)
		rv_input_bytes(in, line + i, 1);
	rv_input_bytes(in, line, strlen(line) - 1); /* no final newline */
	rv_input_finish(in);
	rv_table_groups(t, &n);
	assert_int_equal(n, 1);
	assert_int_equal(rv_input_stats(in)->denials, 2);
	assert_int_equal(rv_input_stats(in)->lines, 2);
	rv_input_free(in);
	rv_table_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_group_and_merge),
	    cmocka_unit_test(test_event_join_both_orders),
	    cmocka_unit_test(test_user_avc_and_errors),
	    cmocka_unit_test(test_split_reads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
