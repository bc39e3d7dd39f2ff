/*
 * install_report - what "pfsel-gen install" and "pfsel-gen plan" say
 * about an install_result (gen/install.h): lines for a person, or with
 * --json one JSON object on stdout whose "changed" field says whether
 * the store was (plan: would be) changed.  Called by gen/cmd_install.c
 * and gen/cmd_plan.c.
 */
#ifndef PFSEL_GEN_INSTALL_REPORT_H
#define PFSEL_GEN_INSTALL_REPORT_H

#include "install.h"

/* The store already had it all: no build, no transaction. */
void report_unchanged(const char *command, const char *root, const char *module,
                      int json);
void report_install(const char *root, const char *module,
                    const struct install_result *res, int json);
void report_plan(const char *root, const char *module,
                 const struct install_result *res, int json);

#endif
