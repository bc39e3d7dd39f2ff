/*
 * labeler_label_policy - unit tests of labeler/label_policy.c:
 * restorecon's relabel rule, customizable types, and validation against
 * a real binary policy (the machine's, read only).
 */
#include <stdlib.h>
#include <string.h>

#include "label_policy.h"
#include "selroot.h"
#include "unit_label_fc.h"

#define SPOOL "system_u:object_r:postfix_spool_t:s0"

static void
test_ctx_type(void **state)
{
	const char *t;
	size_t n;

	(void)state;
	assert_int_equal(label_ctx_type(SPOOL, &t, &n), 0);
	assert_int_equal(n, strlen("postfix_spool_t"));
	assert_memory_equal(t, "postfix_spool_t", n);
	assert_int_equal(label_ctx_type("u:r:t", &t, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(label_ctx_type("u:r:t:s0-s0:c0.c1023", &t, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(label_ctx_type("u:r", &t, &n), -1);
	assert_int_equal(label_ctx_type("u::t:s0", &t, &n), -1);
	assert_int_equal(label_ctx_type(":r:t:s0", &t, &n), -1);
	assert_int_equal(label_ctx_type("u:r::s0", &t, &n), -1);
}

static void
test_target_type_only(void **state)
{
	char *t;

	(void)state;
	/* Same context: nothing to do. */
	assert_int_equal(label_ctx_target(SPOOL, SPOOL, 0, &t), 0);
	assert_null(t);
	/* No label: the whole spec. */
	assert_int_equal(label_ctx_target(NULL, SPOOL, 0, &t), 1);
	assert_string_equal(t, SPOOL);
	free(t);
	/* Another type: user, role and range are kept, as restorecon. */
	assert_int_equal(
	    label_ctx_target("unconfined_u:object_r:etc_t:s0-s0:c1", SPOOL, 0,
	                     &t),
	    1);
	assert_string_equal(t,
	                    "unconfined_u:object_r:postfix_spool_t:s0-s0:c1");
	free(t);
	assert_int_equal(label_ctx_target("u:r:etc_t", SPOOL, 0, &t), 1);
	assert_string_equal(t, "u:r:postfix_spool_t");
	free(t);
	/* Only the user differs: left alone without -F. */
	assert_int_equal(
	    label_ctx_target("unconfined_u:object_r:postfix_spool_t:s0", SPOOL,
	                     0, &t),
	    0);
	/* With -F the whole spec context. */
	assert_int_equal(
	    label_ctx_target("unconfined_u:object_r:postfix_spool_t:s0", SPOOL,
	                     1, &t),
	    1);
	assert_string_equal(t, SPOOL);
	free(t);
	/* A garbage label cannot lend its parts. */
	assert_int_equal(label_ctx_target("garbage", SPOOL, 0, &t), 1);
	assert_string_equal(t, SPOOL);
	free(t);
}

static void
test_customizable(void **state)
{
	char *dir = unit_tmpdir("labeler_label_policy");
	struct why why;
	char *t;

	(void)state;
	unit_mkdirs(dir, "contexts");
	assert_int_equal(label_customizable_load(dir, &why), 0); /* absent */
	assert_int_equal(label_customizable("u:r:public_content_t:s0"), 0);
	free(unit_write(dir, "contexts/customizable_types",
	                "# comment\npublic_content_t\n  swapfile_t  \n"));
	assert_int_equal(label_customizable_load(dir, &why), 0);
	assert_int_equal(label_customizable("u:r:public_content_t:s0"), 1);
	assert_int_equal(label_customizable("u:r:swapfile_t"), 1);
	assert_int_equal(label_customizable("u:r:public_content:s0"), 0);
	assert_int_equal(label_customizable("u:r:etc_t:s0"), 0);
	/* Customizable: left alone unless forced. */
	assert_int_equal(
	    label_ctx_target("u:r:public_content_t:s0", SPOOL, 0, &t), 2);
	assert_int_equal(
	    label_ctx_target("u:r:public_content_t:s0", SPOOL, 1, &t), 1);
	free(t);
	label_policy_unload();
	assert_int_equal(label_customizable("u:r:public_content_t:s0"), 0);
	unit_rmtree(dir);
	free(dir);
}

/* Validation against the machine's binary policy (read only). */
static void
test_check_against_policy(void **state)
{
	struct selroot sr;
	struct label_fc fc;
	struct why why;
	const char *good = "/a " SPOOL "\n/b <<none>>\n";
	const char *bad = "/a " SPOOL "\n/b system_u:object_r:no_such_t:s0\n";

	(void)state;
	if (selroot_open(&sr, NULL, &why) < 0)
		skip();
	assert_int_equal(label_policy_check(SPOOL), -1); /* no policy yet */
	label_policy_unload();
	assert_int_equal(label_policy_load(sr.binary_policy, &why), 0);
	assert_int_equal(label_policy_check(SPOOL), 0);
	assert_int_equal(label_policy_check(SPOOL), 0); /* cached */
	assert_int_equal(label_policy_check("system_u:object_r:nope_t:s0"), -1);
	assert_int_equal(label_policy_check("system_u:sysadm_r:etc_t:s0"),
	                 -1); /* role not authorized for the user */
	unit_label_fc(&fc, "g", good);
	assert_int_equal(label_policy_check_fc(&fc, &why), 0);
	label_fc_free(&fc);
	unit_label_fc(&fc, "b", bad);
	assert_int_equal(label_policy_check_fc(&fc, &why), -1);
	assert_non_null(strstr(why.text, "b:2: invalid context"));
	label_fc_free(&fc);
	assert_int_equal(label_policy_load("/nonexistent/policy.33", &why), -1);
	label_policy_unload();
	selroot_free(&sr);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ctx_type),
	    cmocka_unit_test(test_target_type_only),
	    cmocka_unit_test(test_customizable),
	    cmocka_unit_test(test_check_against_policy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
