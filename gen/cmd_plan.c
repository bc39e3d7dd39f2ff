/*
 * cmd_plan - "pfsel-gen plan SPEC|BUNDLE [-o DIR] [--root ROOT] [--json] [-v]":
 * what "pfsel-gen install SPEC" would do to ROOT's store, without doing
 * it: the module new, changed or unchanged (with both rule counts), the
 * local port records added, modified or removed, the file context
 * entries added or removed.  The module is built and staged in a
 * libsemanage transaction that is never committed (gen/install.c), so
 * the answer is libsemanage's own.  Exit 0 when nothing would change,
 * 1 when something would, 2 on error.
 */
#include <stdio.h>

#include "build_temp.h"
#include "bundle_install.h"
#include "commands.h"
#include "install.h"
#include "install_inputs.h"
#include "install_report.h"
#include "msg.h"
#include "spec_args.h"

/* 1 when the install would change the store, 0 when not, -1. */
static int
plan_built(const struct spec_args *a, const struct bundle *b,
           const struct spec *spec, const char *inputs, struct why *why)
{
	struct install_result res;
	struct build_temp bt;
	int rc = -1;

	if (install_check(a->root, spec, why) < 0)
		return -1;
	if ((b->module ? bundle_temp(b, a->spec, a->root, &bt, why)
	               : build_temp(spec, a->outdir, a->root, &bt, why)) == 0) {
		struct install_input in = {spec, bt.pp, inputs};

		if (install_module(a->root, &in, 1, &res, why) == 0) {
			report_plan(a->root, spec->module, &res, a->json);
			rc = res.changed;
			install_result_free(&res);
		}
	}
	build_temp_done(&bt);
	return rc;
}

int
cmd_plan(int argc, char **argv)
{
	char inputs[SHA256_TEXT_LEN + 1];
	struct spec_args a;
	struct bundle b = {0};
	struct spec *spec;
	struct why why;
	int rc, change = 0;

	if (spec_args_parse_json(argc, argv, &a) < 0)
		return PFSEL_EXIT_ERROR;
	if ((spec = install_input_load(a.spec, a.outdir, &b, &why)) == NULL) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	/* -o DIR asks for the built files: always build then. */
	if ((rc = install_inputs_digest(spec, inputs, &why)) == 0 &&
	    a.outdir == NULL &&
	    (rc = install_unchanged(a.root, spec, inputs, &why)) == 1)
		report_unchanged("plan", a.root, spec->module, a.json);
	else if (rc == 0 && (change = plan_built(&a, &b, spec, inputs, &why)) < 0)
		rc = -1;
	spec_free(spec);
	bundle_free(&b);
	if (rc < 0) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	return change ? 1 : 0;
}
