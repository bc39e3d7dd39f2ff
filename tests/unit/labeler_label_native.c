/*
 * labeler_label_native - unit tests of labeler/label_native.c: the types
 * the file contexts can give a tree, through which a hard link to a file
 * outside it is told apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "label_fc.h"
#include "label_native.h"
#include "unit_label_fc.h"

static const char *fc_text =
    "/.*\tu:r:default_t:s0\n"
    "/var/spool(/.*)?\tu:r:var_spool_t:s0\n"
    "/var/spool/postfix(/.*)?\tu:r:postfix_spool_t:s0\n"
    "/var/spool/postfix/deferred(/.*)?\tu:r:maildrop_t:s0\n"
    "/var/spool/postfix-out(/.*)?\tu:r:out_t:s0\n"
    "/srv/queue(/.*)?\tu:r:alias_only_t:s0\n"
    "/etc/shadow.*\t--\tu:r:shadow_t:s0\n"
    "/a|/var/spool/postfix/x\tu:r:alt_t:s0\n"
    "/var/spool/postfix/none\t<<none>>\n";

static const char *subs_text = "/srv/mailqueue /var/spool/postfix\n";

static void
test_tree_types(void **state)
{
	struct label_fc fc;
	struct label_native *nt;
	const char *keys[] = {"/var/spool/postfix"};

	(void)state;
	unit_label_fc(&fc, "fc", fc_text);
	nt = label_native_new(&fc, keys, 1);
	assert_true(label_native_has(nt, "u:r:postfix_spool_t:s0"));
	assert_true(label_native_has(nt, "u:r:maildrop_t:s0"));
	assert_true(label_native_has(nt, "u:r:var_spool_t:s0"));
	assert_true(label_native_has(nt, "u:r:default_t:s0"));
	assert_true(label_native_has(nt, "u:r:alt_t:s0")); /* alternation */
	assert_false(label_native_has(nt, "u:r:shadow_t:s0"));
	assert_false(label_native_has(nt, "u:r:out_t:s0")); /* a sibling */
	assert_false(label_native_has(nt, "u:r:alias_only_t:s0"));
	assert_false(label_native_has(nt, "no type"));
	label_native_free(nt);
	label_fc_free(&fc);
}

static void
test_subs_and_root(void **state)
{
	struct label_fc fc;
	struct why why;
	struct label_native *nt;
	const char *alias[] = {"/srv/mailqueue/deferred"};
	const char *above[] = {"/srv"};
	const char *root[] = {""};

	(void)state;
	unit_label_fc(&fc, "fc", fc_text);
	assert_int_equal(label_fc_parse_subs(&fc, "subs", subs_text,
	                                     strlen(subs_text), &why),
	                 0);
	/* Looked up as /var/spool/postfix/deferred: its types count. */
	nt = label_native_new(&fc, alias, 1);
	assert_true(label_native_has(nt, "u:r:maildrop_t:s0"));
	assert_false(label_native_has(nt, "u:r:shadow_t:s0"));
	label_native_free(nt);
	/* An alias below the tree: the destination's types count too. */
	nt = label_native_new(&fc, above, 1);
	assert_true(label_native_has(nt, "u:r:alias_only_t:s0"));
	assert_true(label_native_has(nt, "u:r:postfix_spool_t:s0"));
	label_native_free(nt);
	/* The whole system: every type is its own. */
	nt = label_native_new(&fc, root, 1);
	assert_true(label_native_has(nt, "u:r:shadow_t:s0"));
	label_native_free(nt);
	label_fc_free(&fc);
}

static void
test_type_of(void **state)
{
	char *t;

	(void)state;
	t = label_native_type_of("system_u:object_r:shadow_t:s0:c1");
	assert_string_equal(t, "shadow_t");
	free(t);
	assert_null(label_native_type_of("u:r"));
	assert_null(label_native_type_of("u:r::s0"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tree_types),
	    cmocka_unit_test(test_subs_and_root),
	    cmocka_unit_test(test_type_of),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
