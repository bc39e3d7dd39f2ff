/*
 * install_impact - what an install would do to the labels of paths it
 * was not asked to relabel (issue 13: a socket's .fc line gave all of
 * the queue's private/ a new type; the store kept it, and every Postfix
 * socket there lost its type, silently).
 *
 * The file contexts before are ROOT's own; after, the same with the
 * installed module's entries taken out and the new module's put in
 * where libsemanage's sort (most specific last, the entry that wins)
 * places them.  Looked up in both, with libselinux, for: Postfix's own
 * paths (policy/postfix-paths), every tree the spec names, and each
 * path the policy already labels inside those trees.  A finding is a
 * stock Postfix path whose type would change though the spec does not
 * name it, a path whose type would change to one the module does not
 * give it, a path the module gives a type it would not get, and an
 * entry of the module that repeats another's expression with another
 * type.  Called by gen/install.c for install (findings stop it) and
 * plan (findings are shown).
 */
#ifndef PFSEL_GEN_INSTALL_IMPACT_H
#define PFSEL_GEN_INSTALL_IMPACT_H

#include <stddef.h>

#include "module_facts.h"
#include "ports.h"
#include "selroot.h"
#include "spec.h"
#include "why.h"

struct impact {
	char **findings; /* one line each, quoted for a terminal */
	size_t count;
	/* For each entry of next->fc installed lacks (added), and of
	 * installed->fc next lacks (removed), indexed like those lists: how
	 * many files under ROOT, below the entry's literal path, would get
	 * another type (impact_check only; at most RELABEL_WALK_MAX counted).
	 */
	size_t *relabel_added;
	size_t *relabel_removed;
};

#define RELABEL_WALK_MAX 100000

int impact_check(const struct selroot *sr, const struct spec *spec,
                 const struct module_facts *installed,
                 const struct module_facts *next, struct impact *out,
                 struct why *why);
/*
 * For each port label plan sets: the domains that may name_bind or
 * name_connect to the port's type now (ROOT's policy says which) and
 * could not to the new one.  A port of a specific type is only taken
 * when its section says override = yes (gen/ports.h), so these are said,
 * not refused: the section overrode, and the install says what it costs.
 */
int impact_ports(const char *root, const struct port_plan *plan,
                 struct impact *out, struct why *why);
void impact_free(struct impact *im);

#endif
