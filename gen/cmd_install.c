/*
 * cmd_install - "pfsel-gen install SPEC [-o DIR] [--root ROOT] [-v]":
 * check the spec's port labels against ROOT's policy and store, build the
 * module, then install it and its port labels into ROOT's policy store in
 * one transaction (gen/install.c).
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
#include <stdlib.h>

#include "build.h"
#include "build_tmp.h"
#include "bundle_install.h"
#include "commands.h"
#include "install.h"
#include "msg.h"
#include "spec_args.h"
#include "xalloc.h"

/* The spec SPEC is, or the one the bundle SPEC carries (*is_bundle). */
static struct spec *
load_input(const struct spec_args *a, struct bundle *b, int *is_bundle,
           struct why *why)
{
	if ((*is_bundle = bundle_load(a->spec, b, why)) < 0)
		return NULL;
	if (!*is_bundle)
		return spec_load(a->spec, why);
	if (a->outdir) {
		why_set(why, "%s: a bundle holds its built module; -o is for "
		             "a spec",
		        a->spec);
		return NULL;
	}
	return bundle_spec(b, a->spec, why);
}

int
cmd_install(int argc, char **argv)
{
	struct spec_args a;
	struct bundle b = {0};
	struct spec *spec;
	struct why why;
	char *tmp = NULL, *pp = NULL;
	int rc = PFSEL_EXIT_ERROR, is_bundle;

	if (spec_args_parse(argc, argv, &a) < 0)
		return PFSEL_EXIT_ERROR;
	if ((spec = load_input(&a, &b, &is_bundle, &why)) == NULL) {
		errorx("%s", why.text);
		bundle_free(&b);
		return PFSEL_EXIT_ERROR;
	}
	if (install_check(a.root, spec, &why) < 0) {
		errorx("%s", why.text);
		spec_free(spec);
		bundle_free(&b);
		return PFSEL_EXIT_ERROR;
	}
	if (a.outdir == NULL)
		tmp = build_tmp_create();
	if ((is_bundle ? bundle_stage(&b, a.spec, a.root, tmp, &pp, &why)
	               : build_module(spec, a.outdir ? a.outdir : tmp, a.root,
	                              &pp, &why)) < 0 ||
	    install_spec(a.root, spec, pp, &why) < 0)
		errorx("%s", why.text);
	else
		rc = 0;
	build_tmp_remove(tmp);
	free(pp);
	spec_free(spec);
	bundle_free(&b);
	return rc;
}
