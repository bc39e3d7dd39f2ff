/*
 * lib_policy_file - unit tests of lib/policy_file.c: which lines of a
 * policy/ map name a value (label-guard's "KIND VALUE" lines, with
 * NAME* prefixes, and generic-types' bare names), reading a map
 * through PFSEL_DATADIR, and the types the code names by role: every
 * role and daemon a call site asks for has its line in policy/.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "policy_file.h"
#include "read_file.h"
#include "strbuf.h"
#include "unit_fixture.h"
#include "xalloc.h"

static void
test_lists(void **state)
{
	const char *guard = "# program sh (a comment)\n"
	                    "program\tsh\n"
	                    "program python*\n"
	                    "path\t/usr/bin\n"
	                    "programs\tbash\n"
	                    "program\tlast";

	(void)state;
	assert_true(policy_file_lists(guard, "program", "sh"));
	assert_false(policy_file_lists(guard, "program", "shx"));
	assert_false(policy_file_lists(guard, "program", "s"));
	assert_true(policy_file_lists(guard, "program", "python3.11"));
	assert_true(policy_file_lists(guard, "program", "python"));
	assert_false(policy_file_lists(guard, "program", "pytho"));
	assert_false(policy_file_lists(guard, "program", "bash"));
	assert_true(policy_file_lists(guard, "program", "last"));
	assert_false(policy_file_lists(guard, "program", "/usr/bin"));
	assert_true(policy_file_lists(guard, "path", "/usr/bin"));
	assert_false(policy_file_lists(guard, "path", "/usr"));
	assert_false(policy_file_lists("", "program", "sh"));
}

static void
test_bare_names(void **state)
{
	const char *generic = "# Types too broad\nroot_t\nbin_t\n";

	(void)state;
	assert_true(policy_file_lists(generic, NULL, "bin_t"));
	assert_true(policy_file_lists(generic, NULL, "root_t"));
	assert_false(policy_file_lists(generic, NULL, "bin"));
	assert_false(policy_file_lists(generic, NULL, "init_exec_t"));
}

/* "*X" a suffix, "*X*" a part (review_risk's key material). */
static void
test_patterns(void **state)
{
	const char *roles = "key\t*_key_t*\nkey *_keys_t\n"
	                    "any\t*\nmail postfix_*\n";

	(void)state;
	assert_true(policy_file_lists(roles, "key", "sshd_key_t"));
	assert_true(policy_file_lists(roles, "key", "a_key_tmp_t"));
	assert_true(policy_file_lists(roles, "key", "ssh_keys_t"));
	assert_false(policy_file_lists(roles, "key", "ssh_keys_tmp_t"));
	assert_false(policy_file_lists(roles, "key", "_key_"));
	assert_true(policy_file_lists(roles, "any", ""));
	assert_true(policy_file_lists(roles, "any", "etc_t"));
	assert_true(policy_file_lists(roles, "mail", "postfix_"));
	assert_false(policy_file_lists(roles, "mail", "postfi"));
	assert_false(policy_file_lists(roles, "mail", "my_postfix_t"));
}

static void
test_read(void **state)
{
	struct why why;
	char *text;

	(void)state;
	unit_tree_datadir();
	text = policy_file_read("label-guard", &why);
	assert_non_null(text);
	assert_true(policy_file_lists(text, "program", "bash"));
	free(text);
	assert_null(policy_file_read("no-such-map", &why));
}

/* The maps the programs share, read once: review, scan and emit agree. */
static void
test_has(void **state)
{
	(void)state;
	unit_tree_datadir();
	assert_true(policy_file_has("generic-port-types", NULL, "port_t"));
	assert_true(
	    policy_file_has("generic-port-types", NULL, "ephemeral_port_t"));
	assert_false(
	    policy_file_has("generic-port-types", NULL, "smtp_port_t"));
	assert_true(policy_file_has("generic-types", NULL, "default_t"));
	assert_true(policy_file_has("generic-types", NULL, "bin_t"));
	assert_false(policy_file_has("generic-types", NULL, "shadow_t"));
	assert_true(
	    policy_file_has("type-roles", "key-material", "sshd_key_t"));
	assert_true(policy_file_has("type-roles", "mail-tree", "mail_spool_t"));
	assert_false(policy_file_has("type-roles", "mail-tree", "var_t"));
}

/* A field of a map line: doctor's client ports, a daemon's domain. */
static void
test_field(void **state)
{
	char *f;

	(void)state;
	unit_tree_datadir();
	f = policy_file_field("type-roles", "port-client", "relayhost", 1);
	assert_string_equal(f, "smtp");
	free(f);
	f = policy_file_field("type-roles", "port-client", "relayhost", 2);
	assert_string_equal(f, "smtp_port_t");
	free(f);
	assert_null(
	    policy_file_field("type-roles", "port-client", "relayhost", 3));
	assert_null(policy_file_field("type-roles", "port-client", "relay", 1));
	f = policy_file_field("postfix-daemons.map", NULL, "cleanup", 1);
	assert_string_equal(f, "postfix_cleanup_t");
	free(f);
}

/* The type of a role and the domain of a daemon, the same string each
 * time (callers keep it as they kept a string constant). */
static void
test_named(void **state)
{
	(void)state;
	unit_tree_datadir();
	assert_string_equal(policy_type("smtp-port"), "smtp_port_t");
	assert_string_equal(policy_type("master-exec"),
	                    "postfix_master_exec_t");
	assert_string_equal(policy_type("postfix-domains"), "postfix_domain");
	assert_ptr_equal(policy_type("smtp-port"), policy_type("smtp-port"));
	assert_string_equal(policy_daemon_domain("master"), "postfix_master_t");
	assert_string_equal(policy_daemon_domain("virtual"),
	                    "postfix_virtual_t");
}

/*
 * Each ACCESSOR("KEY") call in the .c files of dir: the key has a line
 * in map (checked without policy_type(), which would exit).  Each key
 * is added to asked, one a line.
 */
static void
calls_in(const char *dir, const char *accessor, const char *map,
         struct strbuf *asked)
{
	char *needle = xasprintf("%s(\"", accessor), *text, *path, *key, *type;
	const char *p, *end;
	struct dirent *e;
	struct why why;
	size_t len, n;
	DIR *d = opendir(dir);

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0)
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (read_file(path, &text, &len, &why) < 0)
			fail_msg("%s", why.text);
		for (p = strstr(text, needle); p != NULL;
		     p = strstr(p, needle)) {
			p += strlen(needle);
			end = strchr(p, '"');
			assert_non_null(end);
			key = xstrndup(p, (size_t)(end - p));
			if ((type = policy_file_field(map, NULL, key, 1)) ==
			    NULL)
				fail_msg("%s asks %s(\"%s\"): policy/%s has "
				         "no line for it",
				         path, accessor, key, map);
			strbuf_addf(asked, "%s\n", key);
			free(type);
			free(key);
		}
		free(text);
		free(path);
	}
	closedir(d);
	free(needle);
}

/*
 * A deleted line of named-types or postfix-daemons.map fails here, and
 * so does a line of named-types no code asks for.
 */
static void
test_named_complete(void **state)
{
	static const char *const dirs[] = {"gen", "labeler", "review", "lib"};
	struct strbuf types = STRBUF_INIT, domains = STRBUF_INIT;
	char *map, *line, *save = NULL, *role;
	struct why why;
	size_t i;

	(void)state;
	unit_tree_datadir();
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		calls_in(dirs[i], "policy_type", "named-types", &types);
		calls_in(dirs[i], "policy_daemon_domain", "postfix-daemons.map",
		         &domains);
	}
	/* the scan found the call sites (run from the top of the tree) */
	assert_non_null(types.data);
	assert_non_null(domains.data);
	assert_true(policy_file_lists(domains.data, NULL, "master"));
	map = policy_file_read("named-types", &why);
	assert_non_null(map);
	for (line = strtok_r(map, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#')
			continue;
		role = xstrndup(line, strcspn(line, " \t"));
		if (!policy_file_lists(types.data, NULL, role))
			fail_msg("policy/named-types: no code asks for the "
			         "role \"%s\"",
			         role);
		free(role);
	}
	free(map);
	strbuf_free(&types);
	strbuf_free(&domains);
}

/* A role the map lacks stops the program with one error, exit 2. */
static void
test_named_missing(void **state)
{
	char out[512];
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	(void)state;
	unit_tree_datadir();
	assert_int_equal(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		dup2(fds[1], STDERR_FILENO);
		policy_type("no-such-role");
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], out, sizeof(out) - 1);
	close(fds[0]);
	assert_true(n > 0);
	out[n] = '\0';
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 2);
	assert_non_null(strstr(out, "error: ./policy/named-types: no line "
	                            "gives the role \"no-such-role\" a type"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lists),
	    cmocka_unit_test(test_bare_names),
	    cmocka_unit_test(test_patterns),
	    cmocka_unit_test(test_read),
	    cmocka_unit_test(test_has),
	    cmocka_unit_test(test_field),
	    cmocka_unit_test(test_named),
	    cmocka_unit_test(test_named_complete),
	    cmocka_unit_test(test_named_missing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
