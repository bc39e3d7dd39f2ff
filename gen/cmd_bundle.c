/*
 * cmd_bundle - "pfsel-gen bundle SPEC -o FILE [--root ROOT] [-v]":
 * build the spec's module against ROOT's policy, as install would, and
 * write it with its spec, port and tree records into one file
 * (gen/bundle.h) that "pfsel-gen install FILE" installs on hosts
 * without the devel toolchain.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "build_temp.h"
#include "bundle_install.h"
#include "commands.h"
#include "msg.h"
#include "spec_args.h"
#include "subcommand.h"

int
cmd_bundle(int argc, char **argv)
{
	struct strbuf out = STRBUF_INIT;
	struct spec_args a;
	struct bundle b = {0};
	struct build_temp bt;
	struct spec *spec;
	struct why why;
	int rc = PFSEL_EXIT_ERROR;

	if (spec_args_parse(argc, argv, &a) < 0)
		return PFSEL_EXIT_ERROR;
	if (a.outdir == NULL)
		return usage_error("no -o FILE given");
	if ((spec = spec_load(a.spec, &why)) == NULL) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	if (build_temp(spec, NULL, a.root, &bt, &why) < 0 ||
	    bundle_make(spec, bt.pp, &b, &why) < 0 ||
	    bundle_format(&b, &out, &why) < 0 ||
	    atomic_write_file(a.outdir, out.data, out.len, 0644, &why) < 0)
		errorx("%s", why.text);
	else {
		info("wrote %s: module %s (%zu bytes), %zu port label%s, "
		     "%zu tree%s and its spec",
		     a.outdir, b.module, b.pp_len, b.nports,
		     b.nports == 1 ? "" : "s", b.ntrees,
		     b.ntrees == 1 ? "" : "s");
		rc = 0;
	}
	strbuf_free(&out);
	bundle_free(&b);
	build_temp_done(&bt);
	spec_free(spec);
	return rc;
}
