/*
 * scan - turn a Postfix configuration into a pfsel spec.
 *
 * scan_run() runs the detectors (scan_services.c, scan_endpoint.c,
 * scan_dirs.c, scan_ports.c) over a loaded configuration; they record
 * findings (scan_model.h) that scan_write() prints as spec sections, each
 * with a "# from FILE:LINE: ..." comment, and "# not handled: ..." for
 * what no section describes.  Called by cmd_scan.c.
 */
#ifndef PFSEL_SCAN_H
#define PFSEL_SCAN_H

#include "pfconf_config.h"
#include "policyinfo.h"
#include "strbuf.h"
#include "why.h"

struct scan_options {
	const char *config_dir;
	const char *module;
	const char *root; /* policy root (NULL: the running system) */
	enum pfconf_defaults_source defaults;
};

/* Append the spec to out; -1 with why on a configuration error.  pi is
 * the policy the configuration is compared with (opt->root's). */
int scan_run(const struct pfconf *conf, const struct scan_options *opt,
             struct policyinfo *pi, struct strbuf *out, struct why *why);

#endif
