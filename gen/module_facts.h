/*
 * module_facts - what a module holds, in numbers and file contexts, for
 * "pfsel-gen plan": its rule count and its file context entries.
 *
 * Both sides are read as CIL, the form libsemanage keeps a module in:
 * the installed module as the store has it (store_module_cil), the new
 * one converted from its .pp with libsepol, the same conversion
 * libsemanage makes when it installs it, so that an entry present in
 * both reads the same.  Called by gen/plan.c.
 */
#ifndef PFSEL_GEN_MODULE_FACTS_H
#define PFSEL_GEN_MODULE_FACTS_H

#include <stddef.h>

#include "why.h"

struct module_facts {
	size_t nrules; /* allow, dontaudit, auditallow, type rules */
	char **fc;     /* "(filecon ...)" statements, sorted */
	size_t nfc;
};

void module_facts_from_cil(const char *cil, struct module_facts *f);
int module_facts_from_pp(const char *pp_path, struct module_facts *f,
                         struct why *why);
void module_facts_free(struct module_facts *f);
/* s is one of f's file context entries. */
int module_facts_has_fc(const struct module_facts *f, const char *s);

#endif
