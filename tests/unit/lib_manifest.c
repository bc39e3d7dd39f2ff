/*
 * lib_manifest - unit tests of lib/manifest.c: the record pfsel-gen
 * install writes and uninstall and pfsel-label read back.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "manifest.h"
#include "read_file.h"
#include "statedir.h"
#include "unit_fixture.h"
#include "xalloc.h"

static char *tmpdir;

static void
test_round_trip(void **state)
{
	struct manifest m = {0}, back;
	struct manifest_port ports[2] = {
	    {"tcp", 2525, 2525, "smtp_port_t", NULL},
	    {"udp", 10025, 10030, "amavisd_recv_port_t", "amavisd_send_port_t"},
	};
	char *trees[] = {"/srv/postfix/spool", "/var/log/mylogd"};
	/* The directory does not exist yet: save creates it. */
	char *path = xasprintf("%s/var/lib/pfsel/site.manifest", tmpdir);
	struct why why;
	size_t i;

	(void)state;
	m.module = "site";
	m.spec = "/etc/pfsel/site.ini";
	m.ports = ports;
	m.nports = 2;
	m.trees = trees;
	m.ntrees = 2;
	assert_int_equal(manifest_save(path, &m, &why), 0);
	assert_int_equal(manifest_load(path, &back, &why), 0);
	assert_string_equal(back.module, "site");
	assert_string_equal(back.spec, m.spec);
	assert_int_equal(back.nports, 2);
	for (i = 0; i < 2; i++) {
		assert_string_equal(back.ports[i].proto, ports[i].proto);
		assert_int_equal(back.ports[i].low, ports[i].low);
		assert_int_equal(back.ports[i].high, ports[i].high);
		assert_string_equal(back.ports[i].type, ports[i].type);
	}
	assert_null(back.ports[0].old_type);
	assert_string_equal(back.ports[1].old_type, "amavisd_send_port_t");
	assert_int_equal(back.ntrees, 2);
	assert_string_equal(back.trees[1], "/var/log/mylogd");
	manifest_free(&back);
	assert_null(back.module);
	free(path);
}

static void
test_exact_text(void **state)
{
	struct manifest m = {0};
	struct manifest_port port = {"tcp", 10025, 10025, "smtp_port_t",
	                             "amavisd_send_port_t"};
	char *trees[] = {"/srv/vmail"};
	char *path = xasprintf("%s/exact.manifest", tmpdir);
	struct why why;
	char *text;

	(void)state;
	m.module = "postfix_site";
	m.ports = &port;
	m.nports = 1;
	m.trees = trees;
	m.ntrees = 1;
	assert_int_equal(manifest_save(path, &m, &why), 0);
	text = unit_read(path);
	assert_string_equal(text, "# pfsel manifest 1\n"
	                          "module postfix_site\n"
	                          "port tcp 10025 10025 smtp_port_t modified "
	                          "amavisd_send_port_t\n"
	                          "tree /srv/vmail\n");
	free(text);
	free(path);
}

/* Each bad text must fail with "file:LINE: ..." naming the right line. */
static void
test_bad_inputs(void **state)
{
	static const struct {
		const char *text;
		const char *want; /* expected suffix of the path in why */
	} cases[] = {
	    {"# not a manifest\nmodule x\n", ":1: not a pfsel manifest"},
	    {"# pfsel manifest 1\nmodule x\nbogus y\n", ":3: unknown record"},
	    {"# pfsel manifest 1\nmodule x\nport tcp 9 8 a_t added\n",
	     ":3: bad port range"},
	    {"# pfsel manifest 1\nmodule x\nport tcp 1 70000 a_t added\n",
	     ":3: bad port range"},
	    {"# pfsel manifest 1\nmodule x\nport icmp 1 2 a_t added\n",
	     ":3: unknown protocol"},
	    {"# pfsel manifest 1\nmodule x\nport tcp 1 2 a_t modified\n",
	     ":3: a modified port needs"},
	    {"# pfsel manifest 1\nmodule x\nport tcp 1 2 a_t added b_t\n",
	     ":3: an added port"},
	    {"# pfsel manifest 1\nmodule x\nport tcp 1 2 a_t added b c d\n",
	     ":3: malformed port"},
	    {"# pfsel manifest 1\nmodule x\nport tcp  1 2 a_t added\n",
	     ":3: bad port range"},
	    {"# pfsel manifest 1\nmodule x\ntree relative\n",
	     ":3: tree must be"},
	    {"# pfsel manifest 1\nmodule x\nmodule y\n", ":3: second module"},
	    {"# pfsel manifest 1\nmodule X\n", ":2: bad module name"},
	    {"# pfsel manifest 1\nmodule x", ":2: last line has no newline"},
	    {"# pfsel manifest 1\nspec /a\n", ": no module record"},
	    {"", ": empty file"},
	    {"# pfsel manifest 1\nmodule x\ninputs sha256:12\n",
	     ":3: bad inputs"},
	    {"# pfsel manifest 1\nmodule x\nchecksum absent\n",
	     ":3: bad checksum"},
	    {"# pfsel manifest 1\nmodule x\ninputs sha256:"
	     "0000000000000000000000000000000000000000000000000000000000000000"
	     "\ninputs sha256:"
	     "0000000000000000000000000000000000000000000000000000000000000000"
	     "\n",
	     ":4: second inputs"},
	};
	struct manifest m;
	struct why why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *path = unit_write(tmpdir, "bad.manifest", cases[i].text);
		char *want = xasprintf("%s%s", path, cases[i].want);

		assert_int_equal(manifest_load(path, &m, &why), -1);
		if (strncmp(why.text, want, strlen(want)) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s...\"", i,
			         why.text, want);
		assert_null(m.module);
		assert_int_equal(m.nports, 0);
		free(want);
		free(path);
	}
}

/* inputs and checksum (issue 15) are read back as written. */
static void
test_digests(void **state)
{
	static const char text[] =
	    "# pfsel manifest 1\nmodule x\nspec /s.ini\n"
	    "inputs sha256:"
	    "1111111111111111111111111111111111111111111111111111111111111111\n"
	    "checksum sha256:"
	    "2222222222222222222222222222222222222222222222222222222222222222"
	    "\n";
	char *path = unit_write(tmpdir, "d.manifest", text);
	char *copy = xasprintf("%s.copy", path);
	struct manifest m;
	struct why why;
	char *back;
	size_t len;

	(void)state;
	assert_int_equal(manifest_load(path, &m, &why), 0);
	assert_string_equal(
	    m.inputs + 7,
	    "1111111111111111111111111111111111111111111111111111111111111111");
	assert_string_equal(
	    m.checksum + 7,
	    "2222222222222222222222222222222222222222222222222222222222222222");
	assert_int_equal(manifest_save(copy, &m, &why), 0);
	assert_int_equal(read_file(copy, &back, &len, &why), 0);
	assert_string_equal(back, text);
	free(back);
	manifest_free(&m);
	free(copy);
	free(path);
}

static void
test_comments_and_blank_lines(void **state)
{
	char *path = unit_write(tmpdir, "c.manifest",
	                        "# pfsel manifest 1\n"
	                        "\n# a comment\nmodule m1\n"
	                        "tree /a b\n");
	struct manifest m;
	struct why why;

	(void)state;
	assert_int_equal(manifest_load(path, &m, &why), 0);
	assert_string_equal(m.module, "m1");
	assert_int_equal(m.ntrees, 1);
	/* A tree is the rest of the line, spaces included. */
	assert_string_equal(m.trees[0], "/a b");
	manifest_free(&m);
	free(path);
}

static void
test_missing_file(void **state)
{
	struct manifest m;
	struct why why;

	(void)state;
	assert_int_equal(manifest_load("/nonexistent/x.manifest", &m, &why),
	                 -1);
	assert_non_null(strstr(why.text, "No such file"));
}

static void
test_save_refuses_unreadable_values(void **state)
{
	struct manifest m = {0};
	char *trees[] = {"/a\nport tcp 1 1 x_t added"};
	struct manifest_port port = {"tcp", 5, 4, "x_t", NULL};
	char *path = xasprintf("%s/refused.manifest", tmpdir);
	struct why why;

	(void)state;
	m.module = "m";
	m.trees = trees;
	m.ntrees = 1;
	assert_int_equal(manifest_save(path, &m, &why), -1);
	m.ntrees = 0;
	m.ports = &port;
	m.nports = 1;
	assert_int_equal(manifest_save(path, &m, &why), -1);
	m.nports = 0;
	m.module = "Bad-Name";
	assert_int_equal(manifest_save(path, &m, &why), -1);
	assert_int_equal(access(path, F_OK), -1);
	free(path);
}

/* An intent file: the manifest plus module states and keys, read back
 * as written; the intent records only after "intent", both states. */
static void
test_intent(void **state)
{
	static const char sum[] = "sha256:0123456789abcdef0123456789abcdef"
	                          "0123456789abcdef0123456789abcdef";
	struct manifest_key keys[2] = {
	    {"tcp", 10025, 10025, NULL, "smtp_port_t"},
	    {"tcp", 2526, 2526, "http_port_t", NULL},
	};
	struct manifest_intent in = {0, "", (char *)sum, keys, 2};
	struct manifest m = {0}, back;
	char *path = xasprintf("%s/site.intent", tmpdir), *p;
	struct why why;

	(void)state;
	m.module = "site";
	m.intent = &in;
	assert_int_equal(manifest_save(path, &m, &why), 0);
	assert_int_equal(manifest_load(path, &back, &why), 0);
	assert_non_null(back.intent);
	assert_int_equal(back.intent->uninstall, 0);
	assert_string_equal(back.intent->module_before, "");
	assert_string_equal(back.intent->module_after, sum);
	assert_int_equal(back.intent->nkeys, 2);
	assert_null(back.intent->keys[0].before);
	assert_string_equal(back.intent->keys[0].after, "smtp_port_t");
	assert_string_equal(back.intent->keys[1].before, "http_port_t");
	assert_null(back.intent->keys[1].after);
	manifest_free(&back);
	free(path);

	p = unit_write(tmpdir, "i1",
	               "# pfsel manifest 1\nmodule site\n"
	               "key tcp 1 1 - x_t\n");
	assert_int_equal(manifest_load(p, &back, &why), -1);
	assert_non_null(strstr(why.text, "before the intent record"));
	free(p);
	p = unit_write(tmpdir, "i2",
	               "# pfsel manifest 1\nmodule site\n"
	               "intent install\nmodule-before absent\n");
	assert_int_equal(manifest_load(p, &back, &why), -1);
	assert_non_null(strstr(why.text, "without module states"));
	free(p);
	p = unit_write(tmpdir, "i3",
	               "# pfsel manifest 1\nmodule site\n"
	               "intent install\nmodule-before sha256:12\n");
	assert_int_equal(manifest_load(p, &back, &why), -1);
	assert_non_null(strstr(why.text, "bad module checksum"));
	free(p);
}

/* The other modules' manifests: sorted, the module's own and anything
 * that is not NAME.manifest left out, an unreadable one an error. */
static void
test_load_others(void **state)
{
	static const char head[] = "# pfsel manifest 1\nmodule ";
	char *root = xasprintf("%s/others", tmpdir), *dir, *p;
	struct statedir sd;
	struct manifest *list;
	struct why why;
	size_t n;

	(void)state;
	/* nothing installed yet: no directory */
	unit_mkdirs(tmpdir, "others");
	assert_int_equal(statedir_open(&sd, root, 0, &why), 0);
	assert_int_equal(manifest_load_others(NULL, "site", &list, &n, &why),
	                 0);
	assert_int_equal(n, 0);
	assert_null(list);
	dir = xasprintf("%s/var/lib/pfsel", root);
	unit_mkdirs(root, "var/lib/pfsel/site.before");
	free(unit_write(dir, "zeta.manifest",
	                "# pfsel manifest 1\nmodule zeta\n"
	                "port tcp 2525 2525 smtp_port_t added\n"));
	free(unit_write(dir, "alpha.manifest",
	                "# pfsel manifest 1\nmodule alpha\n"));
	free(unit_write(dir, "site.manifest", "not read\n"));
	free(unit_write(dir, "Bad.manifest", "not read\n"));
	free(unit_write(dir, "notes.txt", "not read\n"));
	assert_int_equal(statedir_open(&sd, root, 0, &why), 1);
	assert_int_equal(manifest_load_others(&sd, "site", &list, &n, &why), 0);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].module, "alpha");
	assert_string_equal(list[1].module, "zeta");
	assert_int_equal(list[1].nports, 1);
	assert_int_equal(list[1].ports[0].low, 2525);
	manifest_list_free(list, n);

	free(unit_write(dir, "beta.manifest",
	                "# pfsel manifest 1\nmodule alpha\n"));
	assert_int_equal(manifest_load_others(&sd, "site", &list, &n, &why),
	                 -1);
	assert_non_null(strstr(why.text, "records module alpha, not beta"));
	assert_null(list);
	assert_int_equal(n, 0);
	p = unit_write(dir, "beta.manifest", head);
	assert_int_equal(manifest_load_others(&sd, "site", &list, &n, &why),
	                 -1);
	assert_non_null(strstr(why.text, "beta.manifest:2: last line has no "
	                                 "newline"));
	free(p);
	statedir_close(&sd);
	free(dir);
	free(root);
}

static int
setup(void **state)
{
	(void)state;
	tmpdir = unit_tmpdir("lib_manifest");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unit_rmtree(tmpdir);
	free(tmpdir);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_exact_text),
	    cmocka_unit_test(test_bad_inputs),
	    cmocka_unit_test(test_digests),
	    cmocka_unit_test(test_comments_and_blank_lines),
	    cmocka_unit_test(test_missing_file),
	    cmocka_unit_test(test_save_refuses_unreadable_values),
	    cmocka_unit_test(test_intent),
	    cmocka_unit_test(test_load_others),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
