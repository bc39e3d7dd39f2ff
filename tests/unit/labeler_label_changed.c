/*
 * labeler_label_changed - unit tests of labeler/label_changed.c: the
 * trees an install or uninstall (a change of file contexts) can affect.
 */
#include <stdlib.h>
#include <string.h>

#include "label_changed.h"
#include "unit_label_fc.h"
#include "xalloc.h"

static char *root;
static const char *dirs[] = {"/srv",       "/srv/mailqueue", "/srv/mailqueue2",
                             "/srv/other", "/var",           "/var/spool"};

static int
setup(void **state)
{
	size_t i;

	(void)state;
	root = unit_tmpdir("labeler_label_changed");
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		unit_mkdirs(root, dirs[i] + 1);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unit_rmtree(root);
	free(root);
	return 0;
}

/* The trees, root stripped, sorted and joined by spaces. */
static char *
trees(const char *before, const char *after)
{
	struct label_fc a, b;
	char **paths = NULL, *acc = xstrdup("");
	size_t n = 0, i, j;

	unit_label_fc(&a, "fc", before);
	unit_label_fc(&b, "fc", after);
	label_changed_trees(&a, &b, root, &paths, &n);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (strcmp(paths[i], paths[j]) > 0) {
				char *t = paths[i];

				paths[i] = paths[j];
				paths[j] = t;
			}
	for (i = 0; i < n; i++) {
		const char *rel = paths[i] + strlen(root);
		char *next =
		    xasprintf("%s%s%s", acc, i ? " " : "", *rel ? rel : "/");

		free(acc);
		acc = next;
		free(paths[i]);
	}
	free(paths);
	label_fc_free(&a);
	label_fc_free(&b);
	return acc;
}

static void
check_trees(const char *before, const char *after, const char *expect)
{
	char *got = trees(before, after);

	assert_string_equal(got, expect);
	free(got);
}

#define BASE "/srv(/.*)?\tu:r:var_t:s0\n/var/spool(/.*)?\tu:r:var_spool_t:s0\n"

static void
test_added_and_removed(void **state)
{
	const char *with = BASE "/srv/mailqueue(/.*)?\tu:r:spool_t:s0\n";

	(void)state;
	check_trees(BASE, BASE, "");
	/* Install: the prefix /srv/mailqueue names two entries. */
	check_trees(BASE, with, "/srv/mailqueue /srv/mailqueue2");
	/* Uninstall: the same trees. */
	check_trees(with, BASE, "/srv/mailqueue /srv/mailqueue2");
	/* A changed context or file type is a change. */
	check_trees(with, BASE "/srv/mailqueue(/.*)?\tu:r:other_t:s0\n",
	            "/srv/mailqueue /srv/mailqueue2");
	check_trees(with, BASE "/srv/mailqueue(/.*)?\t-d\tu:r:spool_t:s0\n",
	            "/srv/mailqueue /srv/mailqueue2");
}

static void
test_nesting_and_wide(void **state)
{
	(void)state;
	/* A change at /srv covers /srv/mailqueue. */
	check_trees(
	    "/srv/mailqueue(/.*)?\tu:r:a_t:s0\n/srv(/.*)?\tu:r:b_t:s0\n",
	    "/srv/mailqueue(/.*)?\tu:r:c_t:s0\n/srv(/.*)?\tu:r:d_t:s0\n",
	    "/srv");
	/* "/srv/" + anything: the directory itself. */
	check_trees(BASE, BASE "/srv/.*\tu:r:x_t:s0\n", "/srv");
	/* Nothing that exists: nothing to walk. */
	check_trees(BASE, BASE "/opt/none(/.*)?\tu:r:x_t:s0\n", "");
	/* No literal prefix: the whole root. */
	check_trees(BASE, BASE "(/.*)?\\.bak\tu:r:x_t:s0\n", "/");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_added_and_removed),
	    cmocka_unit_test(test_nesting_and_wide),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
