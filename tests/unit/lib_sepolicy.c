/*
 * lib_sepolicy - unit tests of lib/sepolicy.c on this machine's binary
 * policy (read only; skipped without one): types, aliases and
 * attributes, context validity, access through libsepol's services
 * with two policies open at once, and the port type the kernel would
 * give, for a portcon, for a port no portcon covers, and for a
 * protocol the kernel does not label.
 */
#include <stdlib.h>
#include <string.h>

#include "selroot.h"
#include "sepolicy.h"
#include "unit_fixture.h"

static struct sepolicy *sp;
static char *policy_path;

static int
load(void **state)
{
	struct selroot sr;
	struct why why;

	(void)state;
	if (selroot_open(&sr, NULL, &why) < 0)
		return 0; /* no policy here: the tests skip */
	policy_path = strdup(sr.binary_policy);
	sp = sepolicy_load(sr.binary_policy, &why);
	selroot_free(&sr);
	return sp != NULL ? 0 : -1;
}

static int
unload(void **state)
{
	(void)state;
	sepolicy_free(sp);
	free(policy_path);
	return 0;
}

static struct sepolicy *
policy(void)
{
	if (sp == NULL)
		skip();
	return sp;
}

static void
test_types_and_attributes(void **state)
{
	(void)state;
	assert_true(sepolicy_has_type(policy(), "postfix_master_t"));
	assert_false(sepolicy_has_type(policy(), "domain"));
	assert_true(sepolicy_has_attribute(policy(), "domain"));
	assert_false(sepolicy_has_attribute(policy(), "postfix_master_t"));
	assert_false(sepolicy_has_type(policy(), "no_such_t"));
	assert_int_equal(sepolicy_type_value(policy(), "no_such_t"), 0);
	assert_true(sepolicy_type_is(policy(), "postfix_master_t", "domain"));
	assert_true(sepolicy_type_is(policy(), "smtp_port_t", "smtp_port_t"));
	assert_false(sepolicy_type_is(policy(), "smtp_port_t", "domain"));
	assert_false(sepolicy_type_is(policy(), "no_such_t", "domain"));
	assert_int_equal(sepolicy_type_count(policy(), "smtp_port_t"), 1);
	assert_true(sepolicy_type_count(policy(), "domain") > 100);
	assert_int_equal(sepolicy_type_count(policy(), "no_such_t"), 0);
}

static void
test_context_valid(void **state)
{
	char con[128];

	(void)state;
	sepolicy_context(policy(), "object_r", "etc_t", con, sizeof(con));
	assert_true(sepolicy_context_valid(policy(), con));
	assert_false(
	    sepolicy_context_valid(policy(), "system_u:object_r:nope_t:s0"));
	assert_false(
	    sepolicy_context_valid(policy(), "system_u:sysadm_r:etc_t:s0"));
	assert_false(sepolicy_context_valid(policy(), "not a context"));
}

/* Access answers stay right when a second policy is asked in between:
 * each hands its own SID table to libsepol's services. */
static void
test_access_with_two_policies(void **state)
{
	struct sepolicy *other;
	struct why why;

	(void)state;
	policy();
	assert_true(sepolicy_allows(sp, "postfix_master_t", "smtp_port_t",
	                            "tcp_socket", "name_bind"));
	assert_false(
	    sepolicy_allows(sp, "postfix_smtpd_t", "shadow_t", "file", "read"));
	assert_non_null(other = sepolicy_load(policy_path, &why));
	assert_false(sepolicy_allows(other, "postfix_smtpd_t", "shadow_t",
	                             "file", "read"));
	assert_true(sepolicy_allows(sp, "postfix_master_t", "smtp_port_t",
	                            "tcp_socket", "name_bind"));
	sepolicy_free(other);
	assert_true(sepolicy_allows(sp, "postfix_master_t", "smtp_port_t",
	                            "tcp_socket", "name_bind"));
	assert_false(sepolicy_allows(sp, "postfix_master_t", "smtp_port_t",
	                             "no_such_class", "name_bind"));
	assert_false(sepolicy_allows(sp, "no_such_t", "smtp_port_t",
	                             "tcp_socket", "name_bind"));
}

static int
count_port(const char *proto, int low, int high, const char *type, void *arg)
{
	if (strcmp(proto, "tcp") == 0 && low <= 25 && 25 <= high &&
	    strcmp(type, "smtp_port_t") == 0)
		++*(int *)arg;
	return 0;
}

static void
test_ports_listed(void **state)
{
	int found = 0;

	(void)state;
	assert_int_equal(sepolicy_ports(policy(), count_port, &found), 0);
	assert_int_equal(found, 1);
}

static void
test_portcon(void **state)
{
	(void)state;
	assert_string_equal(sepolicy_port_type(policy(), "tcp", 25),
	                    "smtp_port_t");
	assert_string_equal(sepolicy_port_type(policy(), "udp", 53),
	                    "dns_port_t");
	assert_string_equal(sepolicy_port_type(policy(), "tcp", 100),
	                    "reserved_port_t");
}

/* No portcon covers dccp ports in refpolicy: the "port" initial SID. */
static void
test_no_portcon_is_the_initial_sid(void **state)
{
	(void)state;
	assert_string_equal(sepolicy_port_type(policy(), "dccp", 5000),
	                    "port_t");
}

/* Not DCCP, not TCP: a protocol the kernel does not label has none. */
static void
test_unknown_protocol(void **state)
{
	(void)state;
	assert_null(sepolicy_port_type(policy(), "icmp", 25));
	assert_null(sepolicy_port_type(policy(), "", 25));
	assert_int_equal(sepolicy_proto_number("TCP"), -1);
	assert_int_equal(sepolicy_proto_number("sctp"), 132);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_types_and_attributes),
	    cmocka_unit_test(test_context_valid),
	    cmocka_unit_test(test_access_with_two_policies),
	    cmocka_unit_test(test_ports_listed),
	    cmocka_unit_test(test_portcon),
	    cmocka_unit_test(test_no_portcon_is_the_initial_sid),
	    cmocka_unit_test(test_unknown_protocol),
	};

	return cmocka_run_group_tests(tests, load, unload);
}
