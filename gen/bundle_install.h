/*
 * bundle_install - what "pfsel-gen install BUNDLE" needs of a bundle
 * (gen/bundle.h): the spec it carries, and its module package staged as
 * NAME.pp once it is known to fit the target policy.  Install goes on
 * from there as for a spec, without building: no devel headers, m4 or
 * checkmodule.  Called by gen/cmd_install.c, gen/cmd_plan.c,
 * gen/cmd_bundle.c and gen/verify.c.
 */
#ifndef PFSEL_GEN_BUNDLE_INSTALL_H
#define PFSEL_GEN_BUNDLE_INSTALL_H

#include "build_temp.h"
#include "bundle.h"
#include "spec.h"
#include "why.h"

/*
 * The bundle's spec, parsed under the bundle's path (so that the
 * manifest records the bundle), after checking that the bundle's module,
 * port and tree records and its package's module name agree with it.
 */
struct spec *bundle_spec(const struct bundle *b, const char *path,
                         struct why *why);
/*
 * What install and plan read from path: a bundle's spec (b filled) or
 * the spec path is (b->module NULL).  outdir is -o's DIR, which a
 * bundle refuses: it holds its built module.  Free b with bundle_free.
 */
struct spec *install_input_load(const char *path, const char *outdir,
                                struct bundle *b, struct why *why);
/*
 * Refuse a package that needs a type or attribute root's policy lacks
 * (root NULL: the running system), naming them; else stage it as
 * NAME.pp in a temporary directory, as build_temp() leaves a build
 * (build_temp_done() removes it).
 */
int bundle_temp(const struct bundle *b, const char *path, const char *root,
                struct build_temp *bt, struct why *why);
/* The bundle of spec, whose module was built at pp_path. */
int bundle_make(const struct spec *spec, const char *pp_path,
                struct bundle *b, struct why *why);

#endif
