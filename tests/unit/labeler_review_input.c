/*
 * labeler_review_input - unit tests of review/review_input.c and
 * review_group.c: denials grouped by types and class, USER_AVC, the
 * join of SYSCALL/CWD/PATH records in either order, lines split across
 * reads, malformed input counted and skipped, a log read in two pieces
 * and merged equal to the log read whole.
 */
#include <stdio.h>
#include <string.h>

#include "review_group.h"
#include "review_input.h"
#include "unit_fixture.h"

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
	/* dbus-daemon asked for the subject: not the subject's program */
	assert_int_equal(r.g[0]->exes.n, 0);
	assert_int_equal(rv_input_stats(r.in)->user_avc, 2);
	assert_int_equal(rv_input_stats(r.in)->other_user_avc, 1);
	assert_int_equal(rv_input_stats(r.in)->selinux_err, 2);
	assert_int_equal(rv_input_stats(r.in)->malformed, 3);
	/* "{ }" and a denial without contexts; not the broken header */
	assert_int_equal(rv_input_stats(r.in)->unread_denials, 2);
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

/* The first stretch of a log and the rest, as review_pieces.c cuts it:
 * at an event boundary.  The second piece meets the perms, contexts and
 * examples in another order, so merging must map its indexes. */
static const char piece1[] =
    "type=AVC msg=audit(5.0:1): avc:  denied  { read } for comm=\"a\" " SC TC
    "tclass=dir\n"
    "type=SYSCALL msg=audit(5.0:1): success=no exe=\"/bin/a\"\n"
    "type=SELINUX_ERR msg=audit(5.0:2): security_compute_sid:  invalid "
    "context u:r:c_t:s0 for scontext=u:r:a_t:s0\n"
    "type=AVC msg=audit(6.0:3): avc:  denied  { getattr } for "
    "scontext=u:r:x_t:s0 tcontext=u:r:y_t:s0 tclass=file\n";
static const char piece2[] =
    "type=AVC msg=audit(2.0:4): avc:  denied  { write read } for "
    "comm=\"b\" "
    "scontext=staff_u:system_r:postfix_pickup_t:s0 " TC "tclass=dir\n"
    "type=SYSCALL msg=audit(2.0:4): success=yes exe=\"/bin/b\"\n"
    "type=AVC msg=audit(9.0:5): avc:  denied  { read } for comm=\"a\" " SC TC
    "tclass=dir permissive=1\n"
    "type=AVC msg=audit(9.0:6): avc:  denied  { open } for "
    "scontext=u:r:z_t:s0 tcontext=u:r:y_t:s0 tclass=file\n"
    "type=SELINUX_ERR msg=audit(9.0:7): security_compute_sid:  invalid "
    "context u:r:d_t:s0 for scontext=u:r:a_t:s0\n"
    "garbage audit(\n";

static void
assert_same_examples(const struct rv_examples *a, const struct rv_examples *b)
{
	int i;

	assert_int_equal(a->n, b->n);
	assert_int_equal(a->more, b->more);
	for (i = 0; i < a->n; i++)
		assert_string_equal(a->v[i], b->v[i]);
}

/* The permissions of a request, as text: bit order differs by table. */
static void
set_text(const struct rv_group *g, const struct rv_permset *ps, char *out,
         size_t cap)
{
	int i;

	out[0] = '\0';
	for (i = 0; i < g->nperms; i++)
		if (ps->bits >> i & 1) {
			strncat(out, g->perms[i], cap - strlen(out) - 2);
			strcat(out, " ");
		}
}

static void
assert_same_group(const struct rv_group *a, const struct rv_group *b)
{
	char ta[256], tb[256];
	int i;

	assert_string_equal(a->stype, b->stype);
	assert_string_equal(a->ttype, b->ttype);
	assert_string_equal(a->tclass, b->tclass);
	assert_int_equal(a->count, b->count);
	assert_true(a->first == b->first && a->last == b->last);
	assert_int_equal(a->nperms, b->nperms);
	assert_int_equal(a->nctx, b->nctx);
	for (i = 0; i < a->nctx; i++) {
		assert_string_equal(a->scons[i], b->scons[i]);
		assert_string_equal(a->tcons[i], b->tcons[i]);
	}
	assert_int_equal(a->nsets, b->nsets);
	for (i = 0; i < a->nsets; i++) {
		set_text(a, &a->sets[i], ta, sizeof(ta));
		set_text(b, &b->sets[i], tb, sizeof(tb));
		assert_string_equal(ta, tb);
		assert_int_equal(a->sets[i].count, b->sets[i].count);
		assert_int_equal(a->sets[i].ctx, b->sets[i].ctx);
	}
	assert_int_equal(a->permissive, b->permissive);
	assert_int_equal(a->success_yes, b->success_yes);
	assert_int_equal(a->success_no, b->success_no);
	assert_same_examples(&a->comms, &b->comms);
	assert_same_examples(&a->exes, &b->exes);
}

static void
test_pieces_merge(void **state)
{
	char whole[sizeof(piece1) + sizeof(piece2)];
	struct run one, a, b;
	const struct rv_stats *s1, *s2;
	const struct rv_err *e1, *e2;
	size_t i, n1, n2;

	(void)state;
	strcpy(whole, piece1);
	strcat(whole, piece2);
	run(&one, whole);
	run(&a, piece1);
	run(&b, piece2);
	rv_input_merge(a.in, b.in);
	a.g = rv_table_groups(a.t, &a.n);
	assert_int_equal(a.n, one.n);
	assert_int_equal(a.n, 3);
	for (i = 0; i < a.n; i++)
		assert_same_group(a.g[i], one.g[i]);
	/* the merge really mapped: {write read} came second */
	assert_int_equal(a.g[0]->nperms, 2);
	assert_int_equal(a.g[0]->nctx, 2);
	assert_true(a.g[0]->first == 2.0 && a.g[0]->last == 9.0);
	s1 = rv_input_stats(a.in);
	s2 = rv_input_stats(one.in);
	assert_int_equal(s1->lines, s2->lines);
	assert_int_equal(s1->avc, s2->avc);
	assert_int_equal(s1->denials, s2->denials);
	assert_int_equal(s1->selinux_err, s2->selinux_err);
	assert_int_equal(s1->malformed, s2->malformed);
	e1 = rv_input_errs(a.in, &n1);
	e2 = rv_input_errs(one.in, &n2);
	assert_int_equal(n1, 1);
	assert_int_equal(n2, 1);
	assert_int_equal(e1[0].count, 2);
	assert_int_equal(e1[0].count, e2[0].count);
	done(&b);
	done(&a);
	done(&one);
}

/* Read text in reads of step bytes, with the AVX2 line scan or not. */
static void
run_steps(struct run *r, const char *text, size_t step, int portable)
{
	size_t len = strlen(text), off, n;

	r->t = rv_table_new();
	r->in = rv_input_new(r->t);
	if (portable)
		rv_input_portable(r->in);
	for (off = 0; off < len; off += n) {
		n = len - off < step ? len - off : step;
		rv_input_bytes(r->in, text + off, n);
	}
	rv_input_finish(r->in);
	r->g = rv_table_groups(r->t, &r->n);
}

/*
 * The line scan marks 64-byte blocks (32 bytes a compare with AVX2)
 * and scans the tail bytewise: with the records' '(' and 0x1D and the
 * newlines moved across every offset of a block, a glued record, a
 * line of more '(' than are handed on, and reads of odd sizes, both
 * scans find the same records as one read of the whole text.
 */
static void
test_scans_agree(void **state)
{
	static char text[64 * 1024];
	static const size_t steps[] = {64, 100, 4099, sizeof(text)};
	struct run whole, r;
	size_t used = 0, i, k, pad;
	int portable;

	(void)state;
	for (pad = 0; pad < 70; pad++) {
		char p[80];

		memset(p, 'x', pad);
		p[pad] = '\0';
		used += (size_t)snprintf(
		    text + used, sizeof(text) - used,
		    "type=AVC msg=audit(%zu.5:%zu): avc:  denied  { read } "
		    "for comm=\"a(%s)\" " SC TC "tclass=file\n"
		    "type=SYSCALL msg=audit(%zu.5:%zu): success=no "
		    "exe=\"/x\" key=(null)\x1d UID=\"root\"\n"
		    "node=n(%zu) type=AVC msg=audit(%zu.5:%zu): avc:  denied  "
		    "{ write } for " SC TC "tclass=dir type=AVC "
		    "msg=audit(%zu.5:%zu): avc:  denied  { open } for " SC TC
		    "tclass=dir\n",
		    pad, pad, p, pad, pad, pad, pad, 1000 + pad, pad,
		    2000 + pad);
	}
	for (k = 0; k < 40; k++)
		used +=
		    (size_t)snprintf(text + used, sizeof(text) - used, "(((((");
	used += (size_t)snprintf(text + used, sizeof(text) - used,
	                         " type=AVC msg=audit(1.5:9): avc:  denied  "
	                         "{ lock } for " SC TC "tclass=file\n");
	assert_true(used < sizeof(text) - 1);
	run(&whole, text);
	assert_int_equal(whole.n, 2);
	assert_int_equal(rv_input_stats(whole.in)->denials, 70 * 3 + 1);
	for (portable = 0; portable < 2; portable++)
		for (k = 0; k < sizeof(steps) / sizeof(steps[0]); k++) {
			run_steps(&r, text, steps[k], portable);
			assert_int_equal(r.n, whole.n);
			for (i = 0; i < r.n; i++)
				assert_same_group(r.g[i], whole.g[i]);
			assert_int_equal(rv_input_stats(r.in)->lines,
			                 rv_input_stats(whole.in)->lines);
			assert_int_equal(rv_input_stats(r.in)->denials,
			                 rv_input_stats(whole.in)->denials);
			done(&r);
		}
	done(&whole);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_group_and_merge),
	    cmocka_unit_test(test_event_join_both_orders),
	    cmocka_unit_test(test_user_avc_and_errors),
	    cmocka_unit_test(test_split_reads),
	    cmocka_unit_test(test_pieces_merge),
	    cmocka_unit_test(test_scans_agree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
