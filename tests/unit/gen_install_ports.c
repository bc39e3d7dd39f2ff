/*
 * gen_install_ports - unit tests of gen/ports.c: which local port records
 * an install or uninstall sets or deletes, and which spec ports it
 * refuses.  The policy facts come from fixtures here and, in
 * test_read_policy, from this machine's binary policy (read only).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../gen/ports.h"
#include "selroot.h"
#include "unit_fixture.h"
#include "xalloc.h"

/* A spec holding only ports, as spec_load() would fill it. */
static struct spec_port spec_ports[4];
static struct spec test_spec;

static void
spec_reset(void)
{
	memset(spec_ports, 0, sizeof(spec_ports));
	memset(&test_spec, 0, sizeof(test_spec));
	test_spec.file = "site.ini";
	snprintf(test_spec.module, sizeof(test_spec.module), "site");
	test_spec.ports = spec_ports;
}

static void
spec_port(const char *proto, int low, int high, const char *type, int override,
          int line)
{
	struct spec_port *p = &spec_ports[test_spec.nports++];

	snprintf(p->name, sizeof(p->name), "p%d", line);
	snprintf(p->proto, sizeof(p->proto), "%s", proto);
	p->low = low;
	p->high = high;
	p->type = (char *)type;
	p->override = override;
	p->at.file = "site.ini";
	p->at.line = line;
}

/* A policy shaped like refpolicy's corenetwork. */
static void
fixture_policy(struct port_set *policy)
{
	memset(policy, 0, sizeof(*policy));
	port_set_add(policy, "tcp", 1, 511, "reserved_port_t");
	port_set_add(policy, "tcp", 25, 25, "smtp_port_t");
	port_set_add(policy, "tcp", 512, 1023, "hi_reserved_port_t");
	port_set_add(policy, "tcp", 1024, 65535, "unreserved_port_t");
	port_set_add(policy, "tcp", 10025, 10025, "amavisd_send_port_t");
	port_set_add(policy, "tcp", 5900, 5983, "vnc_port_t");
	port_set_add(policy, "udp", 1024, 65535, "unreserved_port_t");
}

/*
 * What every plan test starts from: an empty spec (spec_reset), the
 * refpolicy-shaped policy of fixture_policy, no local records.
 */
struct fixture {
	struct port_set policy, local;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	spec_reset();
	fixture_policy(&f->policy);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	port_set_free(&f->policy);
	port_set_free(&f->local);
	free(f);
	return 0;
}

static void
assert_op(const struct port_op *op, enum port_op_kind kind, const char *proto,
          int low, int high, const char *type)
{
	assert_int_equal(op->kind, kind);
	assert_string_equal(op->rec.proto, proto);
	assert_int_equal(op->rec.low, low);
	assert_int_equal(op->rec.high, high);
	if (type)
		assert_string_equal(op->rec.type, type);
	else
		assert_null(op->rec.type);
}

/* The plan of installing the spec over the fixture, other modules'
 * claims beside it. */
static int
plan_install(struct fixture *f, const struct port_claims *claims,
             struct port_plan *plan, struct why *why)
{
	return ports_plan(&test_spec, NULL, claims, &f->policy, &f->local, plan,
	                  why);
}

/* The manifest an install with this plan writes (borrows its records). */
static struct manifest
manifest_of(const char *module, const struct port_plan *plan)
{
	struct manifest m = {0};

	m.module = (char *)module;
	m.ports = plan->records;
	m.nports = plan->nrecords;
	return m;
}

static void
test_free_port_is_added(void **state)
{
	struct fixture *f = *state;
	struct port_plan plan;
	struct why why;

	spec_port("tcp", 2525, 2525, "smtp_port_t", 0, 7);
	assert_int_equal(plan_install(f, NULL, &plan, &why), 0);
	assert_int_equal(plan.nops, 1);
	assert_op(&plan.ops[0], PORT_OP_SET, "tcp", 2525, 2525, "smtp_port_t");
	assert_int_equal(plan.nrecords, 1);
	assert_null(plan.records[0].old_type);
	port_plan_free(&plan);
}

static void
test_typed_port_needs_override(void **state)
{
	struct fixture *f = *state;
	struct port_plan plan;
	struct why why;

	spec_port("tcp", 10025, 10025, "smtp_port_t", 0, 12);
	assert_int_equal(plan_install(f, NULL, &plan, &why), -1);
	assert_string_equal(why.text,
	                    "site.ini:12: tcp/10025 is already labeled "
	                    "amavisd_send_port_t; set override = yes to "
	                    "replace it");
	assert_int_equal(plan.nops, 0);

	/* A range that only overlaps a typed range is refused too. */
	spec_reset();
	spec_port("tcp", 5980, 5990, "smtp_port_t", 0, 3);
	assert_int_equal(plan_install(f, NULL, &plan, &why), -1);
	assert_non_null(strstr(why.text, "site.ini:3: tcp/5980-5990 overlaps "
	                                 "tcp/5900-5983, already labeled "
	                                 "vnc_port_t"));

	/* Another protocol is another port. */
	spec_reset();
	spec_port("udp", 10025, 10025, "smtp_port_t", 0, 3);
	assert_int_equal(plan_install(f, NULL, &plan, &why), 0);
	assert_int_equal(plan.nops, 1);
	port_plan_free(&plan);
}

static void
test_override_then_uninstall(void **state)
{
	struct fixture *f = *state;
	struct port_plan plan;
	struct manifest m = {0};
	struct why why;

	spec_port("tcp", 10025, 10025, "smtp_port_t", 1, 12);
	assert_int_equal(plan_install(f, NULL, &plan, &why), 0);
	assert_int_equal(plan.nops, 1);
	assert_op(&plan.ops[0], PORT_OP_SET, "tcp", 10025, 10025,
	          "smtp_port_t");
	assert_int_equal(plan.nnotes, 1);
	assert_string_equal(plan.notes[0],
	                    "site.ini:12: tcp/10025: smtp_port_t replaces "
	                    "amavisd_send_port_t (override = yes)");
	/* No local record existed: uninstall deletes ours, and the
	 * policy's own label shows again. */
	assert_null(plan.records[0].old_type);

	/* The store after the install: our local record. */
	port_set_add(&f->local, "tcp", 10025, 10025, "smtp_port_t");
	m = manifest_of("site", &plan);
	{
		struct port_plan un;

		assert_int_equal(ports_plan(NULL, &m, NULL, &f->policy,
		                            &f->local, &un, &why),
		                 0);
		assert_int_equal(un.nops, 1);
		assert_op(&un.ops[0], PORT_OP_DELETE, "tcp", 10025, 10025,
		          NULL);
		assert_int_equal(un.nrecords, 0);
		port_plan_free(&un);
	}
	port_plan_free(&plan);
}

/* A local record someone made before is restored, not deleted. */
static void
test_existing_local_record_is_restored(void **state)
{
	struct fixture *f = *state;
	struct port_set after = {0};
	struct port_plan plan, un;
	struct manifest m = {0};
	struct why why;

	spec_port("tcp", 2526, 2526, "smtp_port_t", 0, 4);
	port_set_add(&f->local, "tcp", 2526, 2526, "http_port_t");
	assert_int_equal(plan_install(f, NULL, &plan, &why), -1);
	assert_non_null(strstr(why.text, "already labeled http_port_t"));

	spec_ports[0].override = 1;
	assert_int_equal(plan_install(f, NULL, &plan, &why), 0);
	assert_int_equal(plan.nops, 1);
	assert_op(&plan.ops[0], PORT_OP_SET, "tcp", 2526, 2526, "smtp_port_t");
	assert_string_equal(plan.records[0].old_type, "http_port_t");

	port_set_add(&after, "tcp", 2526, 2526, "smtp_port_t");
	m = manifest_of("site", &plan);
	assert_int_equal(
	    ports_plan(NULL, &m, NULL, &f->policy, &after, &un, &why), 0);
	assert_int_equal(un.nops, 1);
	assert_op(&un.ops[0], PORT_OP_SET, "tcp", 2526, 2526, "http_port_t");
	port_plan_free(&un);
	port_plan_free(&plan);
	port_set_free(&after);
}

/* Reinstall: ports dropped from the spec go, kept ones stay untouched. */
static void
test_reinstall_computes_difference(void **state)
{
	struct fixture *f = *state;
	struct manifest_port prev_ports[2] = {
	    {"tcp", 2525, 2525, "smtp_port_t", NULL},
	    {"tcp", 2600, 2600, "smtp_port_t", NULL},
	};
	struct manifest prev = {0};
	struct port_plan plan;
	struct why why;

	prev.module = "site";
	prev.ports = prev_ports;
	prev.nports = 2;
	port_set_add(&f->local, "tcp", 2525, 2525, "smtp_port_t");
	port_set_add(&f->local, "tcp", 2600, 2600, "smtp_port_t");
	spec_port("tcp", 2525, 2525, "smtp_port_t", 0, 5);
	spec_port("tcp", 2700, 2700, "smtp_port_t", 0, 9);
	assert_int_equal(ports_plan(&test_spec, &prev, NULL, &f->policy,
	                            &f->local, &plan, &why),
	                 0);
	assert_int_equal(plan.nops, 2);
	assert_op(&plan.ops[0], PORT_OP_DELETE, "tcp", 2600, 2600, NULL);
	assert_op(&plan.ops[1], PORT_OP_SET, "tcp", 2700, 2700, "smtp_port_t");
	/* The kept port is still ours: uninstall will remove it. */
	assert_int_equal(plan.nrecords, 2);
	assert_int_equal(plan.records[0].low, 2525);
	assert_null(plan.records[0].old_type);
	port_plan_free(&plan);
}

/*
 * Two modules want tcp/2525 as smtp_port_t.  The second finds it
 * labeled by the first and records a claim of its own, carrying the
 * original state; the label goes only with the last module that needs
 * it, whichever is uninstalled first.
 */
static void
test_shared_port_outlives_either_module(void **state)
{
	struct manifest_port a_ports[1] = {
	    {"tcp", 2525, 2525, "smtp_port_t", NULL},
	};
	struct manifest a = {.module = "first", .ports = a_ports, .nports = 1};
	struct manifest b = {0};
	struct port_claims only_a = {&a, 1}, only_b = {&b, 1};
	struct fixture *f = *state;
	struct port_plan plan, un;
	struct why why;

	port_set_add(&f->local, "tcp", 2525, 2525, "smtp_port_t"); /* a's */
	spec_port("tcp", 2525, 2525, "smtp_port_t", 0, 7);
	assert_int_equal(plan_install(f, &only_a, &plan, &why), 0);
	assert_int_equal(plan.nops, 0);
	assert_int_equal(plan.nrecords, 1);
	assert_null(plan.records[0].old_type); /* the original: no record */
	assert_non_null(strstr(plan.notes[0], "by module first"));
	b = manifest_of("site", &plan);

	/* first goes: site still claims the port, nothing changes. */
	assert_int_equal(
	    ports_plan(NULL, &a, &only_b, &f->policy, &f->local, &un, &why), 0);
	assert_int_equal(un.nops, 0);
	assert_string_equal(un.notes[0], "tcp/2525 stays labeled smtp_port_t: "
	                                 "module site needs it");
	port_plan_free(&un);
	/* then site goes, alone: the original state, no local record. */
	assert_int_equal(
	    ports_plan(NULL, &b, NULL, &f->policy, &f->local, &un, &why), 0);
	assert_int_equal(un.nops, 1);
	assert_op(&un.ops[0], PORT_OP_DELETE, "tcp", 2525, 2525, NULL);
	port_plan_free(&un);
	/* or site goes first: first keeps its label. */
	assert_int_equal(
	    ports_plan(NULL, &b, &only_a, &f->policy, &f->local, &un, &why), 0);
	assert_int_equal(un.nops, 0);
	port_plan_free(&un);
	port_plan_free(&plan);
}

/*
 * A module that overrides another module's label records the original
 * (before either), and its uninstall gives the key back to the other.
 */
static void
test_override_of_another_module_gives_it_back(void **state)
{
	struct manifest_port a_ports[1] = {
	    {"tcp", 2526, 2526, "smtp_port_t", "http_port_t"},
	};
	struct manifest a = {.module = "first", .ports = a_ports, .nports = 1};
	struct manifest b = {0};
	struct port_claims only_a = {&a, 1};
	struct fixture *f = *state;
	struct port_set after = {0};
	struct port_plan plan, un;
	struct why why;

	port_set_add(&f->local, "tcp", 2526, 2526, "smtp_port_t");
	spec_port("tcp", 2526, 2526, "pop_port_t", 0, 3);
	assert_int_equal(plan_install(f, &only_a, &plan, &why), -1);
	assert_non_null(strstr(why.text, "already labeled smtp_port_t"));
	spec_ports[0].override = 1;
	assert_int_equal(plan_install(f, &only_a, &plan, &why), 0);
	assert_int_equal(plan.nops, 1);
	assert_op(&plan.ops[0], PORT_OP_SET, "tcp", 2526, 2526, "pop_port_t");
	assert_string_equal(plan.records[0].old_type, "http_port_t");
	b = manifest_of("site", &plan);
	port_set_add(&after, "tcp", 2526, 2526, "pop_port_t");
	assert_int_equal(
	    ports_plan(NULL, &b, &only_a, &f->policy, &after, &un, &why), 0);
	assert_int_equal(un.nops, 1);
	assert_op(&un.ops[0], PORT_OP_SET, "tcp", 2526, 2526, "smtp_port_t");
	port_plan_free(&un);
	port_plan_free(&plan);
	port_set_free(&after);
}

static void
test_already_right_is_a_no_op(void **state)
{
	struct fixture *f = *state;
	struct port_plan plan;
	struct why why;

	spec_port("tcp", 25, 25, "smtp_port_t", 0, 2);
	assert_int_equal(plan_install(f, NULL, &plan, &why), 0);
	assert_int_equal(plan.nops, 0);
	assert_int_equal(plan.nrecords, 0);
	assert_int_equal(plan.nnotes, 1);
	assert_string_equal(plan.notes[0],
	                    "site.ini:2: tcp/25 is already "
	                    "labeled smtp_port_t; nothing to do");
	port_plan_free(&plan);
}

static void
test_generic_types(void **state)
{
	(void)state;
	assert_true(port_type_is_generic("unreserved_port_t"));
	assert_true(port_type_is_generic("port_t"));
	assert_false(port_type_is_generic("smtp_port_t"));
	assert_false(port_type_is_generic("unreserved_port"));
}

/* An inet endpoint's port cannot say override =; the message says what
 * it can say instead.  The same label asked for twice is planned once. */
static void
test_implicit_and_duplicate_ports(void **state)
{
	struct fixture *f = *state;
	struct port_plan plan;
	struct why why;

	spec_port("tcp", 10025, 10025, "milter_port_t", 0, 6);
	spec_ports[0].implicit = 1;
	assert_int_equal(plan_install(f, NULL, &plan, &why), -1);
	assert_string_equal(why.text,
	                    "site.ini:6: tcp/10025 is already labeled "
	                    "amavisd_send_port_t; set port_type = "
	                    "amavisd_send_port_t");

	spec_reset();
	spec_port("tcp", 10025, 10025, "smtp_port_t", 1, 6);
	spec_port("tcp", 10025, 10025, "smtp_port_t", 0, 9);
	spec_ports[1].implicit = 1;
	assert_int_equal(plan_install(f, NULL, &plan, &why), 0);
	assert_int_equal(plan.nops, 1);
	assert_int_equal(plan.nrecords, 1);
	port_plan_free(&plan);
}

/* A local record of a generic type is nobody's port either. */
static void
test_generic_local_record_is_free(void **state)
{
	struct fixture *f = *state;
	struct port_plan plan;
	struct why why;

	port_set_add(&f->local, "tcp", 2525, 2525, "unreserved_port_t");
	spec_port("tcp", 2525, 2525, "smtp_port_t", 0, 3);
	assert_int_equal(plan_install(f, NULL, &plan, &why), 0);
	assert_int_equal(plan.nops, 1);
	assert_op(&plan.ops[0], PORT_OP_SET, "tcp", 2525, 2525, "smtp_port_t");
	/* It replaced a local record: uninstall puts that back. */
	assert_string_equal(plan.records[0].old_type, "unreserved_port_t");
	port_plan_free(&plan);
}

/* The machine's own binary policy, read only. */
static void
test_read_policy(void **state)
{
	struct selroot sr;
	struct port_set set;
	struct why why;
	size_t i;
	int seen = 0;

	(void)state;
	if (selroot_open(&sr, NULL, &why) < 0)
		skip();
	spec_reset();
	spec_port("tcp", 2525, 2525, "smtp_port_t", 0, 3);
	spec_port("tcp", 2526, 2526, "http_port_t", 0, 4);
	assert_int_equal(
	    ports_read_policy(sr.binary_policy, &test_spec, &set, &why), 0);
	for (i = 0; i < set.count; i++)
		if (set.recs[i].low == 25 && set.recs[i].high == 25 &&
		    strcmp(set.recs[i].proto, "tcp") == 0)
			seen = strcmp(set.recs[i].type, "smtp_port_t") == 0;
	assert_true(seen);
	port_set_free(&set);

	spec_reset();
	spec_port("tcp", 2525, 2525, "no_such_port_t", 0, 8);
	assert_int_equal(
	    ports_read_policy(sr.binary_policy, &test_spec, &set, &why), -1);
	assert_string_equal(why.text, "site.ini:8: type no_such_port_t is "
	                              "not defined in the policy");
	spec_reset();
	spec_port("tcp", 2525, 2525, "postfix_smtpd_t", 0, 9);
	assert_int_equal(
	    ports_read_policy(sr.binary_policy, &test_spec, &set, &why), -1);
	assert_non_null(strstr(why.text, "site.ini:9: postfix_smtpd_t is not "
	                                 "a port type"));
	selroot_free(&sr);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_free_port_is_added, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(test_typed_port_needs_override,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_override_then_uninstall, setup,
	                                    teardown),
	    cmocka_unit_test_setup_teardown(
	        test_existing_local_record_is_restored, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reinstall_computes_difference,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_shared_port_outlives_either_module, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_override_of_another_module_gives_it_back, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_already_right_is_a_no_op,
	                                    setup, teardown),
	    cmocka_unit_test(test_generic_types),
	    cmocka_unit_test_setup_teardown(test_implicit_and_duplicate_ports,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_generic_local_record_is_free,
	                                    setup, teardown),
	    cmocka_unit_test(test_read_policy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
