/*
 * cmd_install - "pfsel-gen install SPEC [-o DIR] [--root ROOT] [--json]
 * [-v]": when ROOT's store already holds what SPEC makes, say
 * "unchanged" and stop, without building or committing; else check the
 * spec's port labels against ROOT's policy and store, build the module,
 * and install it and its port labels in one transaction
 * (gen/install.c), replacing an earlier install of the same module in
 * place.
 *
 * Without -o the module is built in a temporary directory removed
 * afterwards; with -o DIR, DIR keeps NAME.te/.fc/.if/.pp as
 * "pfsel-gen build -o DIR" would leave them.
 *
 * SPEC may be a bundle ("pfsel-gen bundle", gen/bundle.h): its spec
 * then stands for the file, and its module package, once checked
 * against ROOT's policy, for the build.
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

static int
install_built(const struct spec_args *a, const struct bundle *b,
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

		if ((rc = install_module(a->root, &in, 0, &res, why)) == 0) {
			report_install(a->root, spec->module, &res, a->json);
			install_result_free(&res);
		}
	}
	build_temp_done(&bt);
	return rc;
}

int
cmd_install(int argc, char **argv)
{
	char inputs[SHA256_TEXT_LEN + 1];
	struct spec_args a;
	struct bundle b = {0};
	struct spec *spec;
	struct why why;
	int rc;

	if (spec_args_parse_json(argc, argv, &a) < 0)
		return PFSEL_EXIT_ERROR;
	if ((spec = install_input_load(a.spec, a.outdir, &b, &why)) == NULL) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	/* -o DIR asks for the built files: always build then. */
	if ((rc = install_inputs_digest(spec, inputs, &why)) == 0 &&
	    a.outdir == NULL)
		rc = install_unchanged(a.root, spec, inputs, &why);
	if (rc == 1)
		report_unchanged("install", a.root, spec->module, a.json);
	else if (rc == 0)
		rc = install_built(&a, &b, spec, inputs, &why);
	if (rc < 0)
		errorx("%s", why.text);
	spec_free(spec);
	bundle_free(&b);
	return rc < 0 ? PFSEL_EXIT_ERROR : 0;
}
