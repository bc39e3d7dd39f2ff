/*
 * build_temp - build a spec's module for install or plan: in DIR when
 * the user gave -o DIR (kept afterwards), else in a temporary directory
 * under $TMPDIR that build_temp_done() removes.  When ROOT's store has
 * an earlier pfsel install of the module, the module is built against
 * ROOT's policy without it (gen/build_base.h), not against ROOT.  Called by
 * gen/cmd_install.c and gen/cmd_plan.c.
 */
#ifndef PFSEL_GEN_BUILD_TEMP_H
#define PFSEL_GEN_BUILD_TEMP_H

#include "spec.h"
#include "why.h"

struct build_temp {
	char *tmp; /* the temporary directory, NULL with -o */
	char *pp;  /* the built NAME.pp */
};

int build_temp(const struct spec *spec, const char *outdir, const char *root,
               struct build_temp *bt, struct why *why);
void build_temp_done(struct build_temp *bt);

#endif
