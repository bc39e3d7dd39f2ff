/*
 * labeler_label_memo - unit tests of labeler/label_memo.c: which specs
 * can match below a directory, the signatures that make two names
 * equivalent, and where the memo refuses to vouch.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "label_fc.h"
#include "label_memo.h"
#include "unit_label_fc.h"
#include "xalloc.h"

static const char *fc_text =
    "/var/spool(/.*)?\tu:r:var_spool_t:s0\n"                  /* 0 */
    "/var/spool/postfix.*\tu:r:postfix_spool_t:s0\n"          /* 1 */
    "/var/spool/postfix/pid(/.*)?\tu:r:run_t:s0\n"            /* 2 */
    "/var/spool/postfix/deferred(/.*)?\t-d\tu:r:d_t:s0\n"     /* 3 */
    "/var/spool/postfix/deferred/[^/]+/special\tu:r:s_t:s0\n" /* 4 */
    "/srv/([^/]*/)?www(/.*)?\tu:r:www_t:s0\n"                 /* 5 */
    "/home/[^/]+/\\.forward\tu:r:fwd_t:s0\n"                  /* 6 */
    "/a|/var/spool/postfix/x\tu:r:alt_t:s0\n";                /* 7 */

struct fixture {
	struct label_fc fc;
	struct label_memo *m;
	void *td;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	unit_label_fc(&f->fc, "fc", fc_text);
	f->m = label_memo_new(&f->fc, 1);
	assert_non_null(f->m); /* PCRE2 comes with libselinux */
	f->td = label_memo_thread_data(f->m);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	label_memo_thread_free(f->td);
	label_memo_free(f->m);
	label_fc_free(&f->fc);
	free(f);
	return 0;
}

static int
has(const struct label_memo_dir *md, uint32_t spec)
{
	size_t i;

	for (i = 0; i < md->ncand; i++)
		if (md->cand[i] == spec)
			return 1;
	return 0;
}

static void
test_candidates_narrow(void **state)
{
	struct fixture *f = *state;
	struct label_memo_dir top, postfix, deferred, hashed;

	label_memo_dir_init(f->m, f->td, &top, NULL, "/var/spool");
	assert_true(top.usable);
	assert_true(has(&top, 0) && has(&top, 1) && has(&top, 2));
	assert_false(has(&top, 5) || has(&top, 6));
	assert_true(has(&top, 7)); /* top-level '|': no prefix, kept */
	label_memo_dir_init(f->m, f->td, &postfix, &top, "/var/spool/postfix");
	label_memo_dir_init(f->m, f->td, &deferred, &postfix,
	                    "/var/spool/postfix/deferred");
	assert_true(has(&deferred, 3) && has(&deferred, 4));
	assert_false(has(&deferred, 2)); /* pid(/.*)? cannot match here */
	label_memo_dir_init(f->m, f->td, &hashed, &deferred,
	                    "/var/spool/postfix/deferred/A");
	/*
	 * 0, 1, 3, 4 and 7: selabel anchors "^/a|/var/spool/postfix/x$", so
	 * the second branch is not anchored at the start and can match the
	 * end of any key; the partial match rightly keeps it.
	 */
	assert_int_equal(hashed.ncand, 5);
	assert_true(has(&hashed, 7));
	assert_false(has(&hashed, 2) || has(&hashed, 5));
	label_memo_dir_free(&hashed);
	label_memo_dir_free(&deferred);
	label_memo_dir_free(&postfix);
	label_memo_dir_free(&top);
}

static uint64_t
sig_of(struct fixture *f, const struct label_memo_dir *md, const char *key)
{
	uint64_t s;

	assert_int_equal(label_memo_sig(f->m, f->td, md, key, strlen(key), &s),
	                 0);
	return s;
}

static void
test_signatures(void **state)
{
	struct fixture *f = *state;
	struct label_memo_dir md;
	const char *d = "/var/spool/postfix/deferred/A";
	char *ctx;

	label_memo_dir_init(f->m, f->td, &md, NULL, d);
	/* Two queue files: same specs match, so one answer serves both. */
	assert_int_equal(sig_of(f, &md, "/var/spool/postfix/deferred/A/4AB"),
	                 sig_of(f, &md, "/var/spool/postfix/deferred/A/4CD"));
	/* A name that a spec singles out gets its own signature. */
	assert_int_not_equal(
	    sig_of(f, &md, "/var/spool/postfix/deferred/A/4AB"),
	    sig_of(f, &md, "/var/spool/postfix/deferred/A/special"));
	/* "$" also matches before a final newline, as in selabel. */
	assert_int_equal(
	    sig_of(f, &md, "/var/spool/postfix/deferred/A/special\n"),
	    sig_of(f, &md, "/var/spool/postfix/deferred/A/special"));
	/* Cached answers, keyed by signature and file type. */
	assert_int_equal(label_memo_get(f->td, &md, 5, S_IFREG, &ctx), -1);
	label_memo_put(f->td, &md, 5, S_IFREG, 1, "u:r:x_t:s0");
	label_memo_put(f->td, &md, 5, S_IFDIR, 0, NULL);
	assert_int_equal(label_memo_get(f->td, &md, 5, S_IFREG, &ctx), 1);
	assert_string_equal(ctx, "u:r:x_t:s0");
	free(ctx);
	assert_int_equal(label_memo_get(f->td, &md, 5, S_IFDIR, &ctx), 0);
	assert_null(ctx);
	assert_int_equal(label_memo_get(f->td, &md, 6, S_IFREG, &ctx), -1);
	label_memo_dir_free(&md);
}

/* The same specs matching in another directory: the same answer. */
static void
test_answers_shared_across_directories(void **state)
{
	struct fixture *f = *state;
	struct label_memo_dir a, b;
	uint64_t sa, sb;
	char *ctx;

	label_memo_dir_init(f->m, f->td, &a, NULL,
	                    "/var/spool/postfix/deferred/A");
	label_memo_dir_init(f->m, f->td, &b, NULL,
	                    "/var/spool/postfix/deferred/B");
	sa = sig_of(f, &a, "/var/spool/postfix/deferred/A/4AB");
	sb = sig_of(f, &b, "/var/spool/postfix/deferred/B/4CD");
	label_memo_put(f->td, &a, sa, S_IFREG, 1, "u:r:q_t:s0");
	assert_int_equal(label_memo_get(f->td, &b, sb, S_IFREG, &ctx), 1);
	assert_string_equal(ctx, "u:r:q_t:s0");
	free(ctx);
	/* "special" matches one more spec: not the same answer. */
	sb = sig_of(f, &b, "/var/spool/postfix/deferred/B/special");
	assert_int_equal(label_memo_get(f->td, &b, sb, S_IFREG, &ctx), -1);
	label_memo_dir_free(&b);
	label_memo_dir_free(&a);
}

static void
test_refuses_near_subs(void **state)
{
	struct fixture *f = *state;
	struct label_memo_dir md;
	struct why why;
	uint64_t s;

	assert_int_equal(label_fc_parse_subs(&f->fc, "subs",
	                                     "/srv/mail /var/mail\n", 20, &why),
	                 0);
	label_memo_dir_init(f->m, f->td, &md, NULL, "/srv/mail/x");
	assert_false(md.usable); /* an ancestor is aliased */
	assert_int_equal(
	    label_memo_sig(f->m, f->td, &md, "/srv/mail/x/y", 13, &s), -1);
	label_memo_dir_free(&md);
	label_memo_dir_init(f->m, f->td, &md, NULL, "/srv");
	assert_false(md.usable); /* a child is aliased */
	label_memo_dir_free(&md);
	label_memo_dir_init(f->m, f->td, &md, NULL, "/srv/www");
	assert_true(md.usable);
	label_memo_dir_free(&md);
}

static void
test_disabled(void **state)
{
	struct fixture *f = *state;
	struct label_memo_dir md;
	uint64_t s;

	assert_null(label_memo_new(&f->fc, 0));
	label_memo_dir_init(NULL, NULL, &md, NULL, "/var");
	assert_false(md.usable);
	assert_int_equal(label_memo_sig(NULL, NULL, &md, "/var/x", 6, &s), -1);
	label_memo_dir_free(&md);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_candidates_narrow, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_signatures, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_answers_shared_across_directories, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_refuses_near_subs, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_disabled, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
