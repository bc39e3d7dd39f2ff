/*
 * install_inputs - one digest of everything a module is made from, so
 * that "pfsel-gen install" run again on the same inputs can say
 * "unchanged" without emitting, building or committing anything.
 *
 * The inputs are the spec's bytes, pfsel's policy knowledge (every file
 * under DATADIR/policy, names and contents) and the pfsel-gen program
 * itself (/proc/self/exe): a new pfsel release or a changed fragment
 * makes a new digest and a rebuild.  Not covered, on purpose: the target
 * policy and the devel headers; a distribution policy upgrade is what
 * "pfsel-gen verify" looks for.  Called by gen/cmd_install.c and
 * gen/cmd_plan.c; the digest goes into the manifest ("inputs" record).
 */
#ifndef PFSEL_GEN_INSTALL_INPUTS_H
#define PFSEL_GEN_INSTALL_INPUTS_H

#include "sha256.h"
#include "spec.h"
#include "why.h"

int install_inputs_digest(const struct spec *spec,
                          char out[SHA256_TEXT_LEN + 1], struct why *why);

#endif
