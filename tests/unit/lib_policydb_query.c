/*
 * lib_policydb_query - unit tests of lib/policydb_query.c on this
 * machine's binary policy (read only; skipped without one): the port
 * type the kernel would give, for a portcon, for a port no portcon
 * covers, and for a protocol the kernel does not label.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sepol/policydb.h>

#include "policydb_query.h"
#include "selroot.h"

static sepol_policydb_t *db;

static int
load(void **state)
{
	struct selroot sr;
	struct why why;
	sepol_policy_file_t *pf = NULL;
	FILE *fp;
	int rc = -1;

	(void)state;
	if (selroot_open(&sr, NULL, &why) < 0)
		return 0; /* no policy here: the tests skip */
	if ((fp = fopen(sr.binary_policy, "re")) != NULL &&
	    sepol_policy_file_create(&pf) == 0 &&
	    sepol_policydb_create(&db) == 0) {
		sepol_policy_file_set_fp(pf, fp);
		rc = sepol_policydb_read(db, pf);
	}
	sepol_policy_file_free(pf);
	if (fp != NULL)
		fclose(fp);
	selroot_free(&sr);
	return rc;
}

static int
unload(void **state)
{
	(void)state;
	sepol_policydb_free(db);
	return 0;
}

static const policydb_t *
policy(void)
{
	if (db == NULL)
		skip();
	/* sepol_policydb_t wraps the policydb_t (sepol/policydb/policydb.h) */
	return &((struct sepol_policydb *)db)->p;
}

static void
test_portcon(void **state)
{
	(void)state;
	assert_string_equal(policydb_port_type(policy(), "tcp", 25),
	                    "smtp_port_t");
	assert_string_equal(policydb_port_type(policy(), "udp", 53),
	                    "dns_port_t");
	assert_string_equal(policydb_port_type(policy(), "tcp", 100),
	                    "reserved_port_t");
}

/* No portcon covers dccp ports in refpolicy: the "port" initial SID. */
static void
test_no_portcon_is_the_initial_sid(void **state)
{
	(void)state;
	assert_string_equal(policydb_port_type(policy(), "dccp", 5000),
	                    "port_t");
}

/* Not DCCP, not TCP: a protocol the kernel does not label has none. */
static void
test_unknown_protocol(void **state)
{
	(void)state;
	assert_null(policydb_port_type(policy(), "icmp", 25));
	assert_null(policydb_port_type(policy(), "", 25));
	assert_int_equal(policydb_proto_number("TCP"), -1);
	assert_int_equal(policydb_proto_number("sctp"), 132);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_portcon),
	    cmocka_unit_test(test_no_portcon_is_the_initial_sid),
	    cmocka_unit_test(test_unknown_protocol),
	};

	return cmocka_run_group_tests(tests, load, unload);
}
