/*
 * verify - "pfsel-gen status" and "pfsel-gen verify": what pfsel-gen
 * installed in a root, and whether it still takes effect.
 *
 * status lists each manifest (ROOT/var/lib/pfsel/NAME.manifest) with
 * what the store holds of its module.  verify first settles interrupted
 * installs and uninstalls (gen/install_intent.h), then checks, for each
 * manifest: the module is in the store at the priority pfsel-gen
 * installs at, enabled; each recorded port label is a local record;
 * for each tree, the root's file contexts give what the module's own
 * file contexts say; the files in each tree carry the labels the file
 * contexts give; and, when asked (--drift), the recorded spec rebuilt
 * against the current policy (or the recorded bundle) is the module in
 * the store.  Not by default: the emitter reads the policy the module
 * is part of once installed, so a rebuild can differ from the first
 * build without any upgrade (pfsel-gen(1), BUGS).  Each loss comes with the one command that restores it,
 * shell-quoted (lib/quote.h).
 */
#ifndef PFSEL_GEN_VERIFY_H
#define PFSEL_GEN_VERIFY_H

#include "why.h"

struct verify_opts {
	const char *root;   /* NULL: the running system */
	const char *module; /* NULL: every manifest */
	int json;
	int drift; /* rebuild and compare */
};

/* 0 all as installed, 1 some loss (reported), -1 error with why. */
int verify_run(const struct verify_opts *o, struct why *why);
/* 0 listed, 1 module given and not installed by pfsel-gen, -1. */
int status_run(const struct verify_opts *o, struct why *why);

#endif
