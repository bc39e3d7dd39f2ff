/*
 * cmd_doctor - "pfsel-label doctor": walk the troubleshooting path of
 * the Postfix-and-SELinux guide and say what is wrong and the command
 * that fixes it.  Exit 0 nothing found, 1 findings, 2 error.
 *
 * Called by labeler/main.c.  Loads what every check shares (the root's
 * policy paths and policy file, the Postfix configuration, pfsel's maps)
 * and runs the checks of doctor.h in the guide's order.  What cannot be
 * looked at (SELinux disabled, no Postfix configuration, a root's
 * processes) is said as a fact and the rest still checked; an input the
 * user named that cannot be read is an error.  See pfsel-label(1).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "doctor.h"
#include "msg.h"
#include "policy_file.h"
#include "subcommand.h"
#include "xalloc.h"

struct doctor_opts {
	const char *root;
	const char *config_dir;
	const char *since;
	int json;
};

/* 0 parsed, -1 bad usage (said). */
static int
parse(int argc, char **argv, struct doctor_opts *o)
{
	enum { OPT_SINCE = 256, OPT_JSON };
	static const struct option longopts[] = {
	    {"root", required_argument, NULL, 'r'},
	    {"config-dir", required_argument, NULL, 'c'},
	    {"since", required_argument, NULL, OPT_SINCE},
	    {"json", no_argument, NULL, OPT_JSON},
	    	    {NULL, 0, NULL, 0},
	};
	int c;

	memset(o, 0, sizeof(*o));
	optind = 1;
	while ((c = getopt_long(argc, argv, ":r:c:", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			o->root = optarg;
			break;
		case 'c':
			o->config_dir = optarg;
			break;
		case OPT_SINCE:
			o->since = optarg;
			break;
		case OPT_JSON:
			o->json = 1;
			break;
		default:
			return subcommand_getopt_error(c, argv), -1;
		}
	}
	if (optind < argc) {
		return usage_error("unexpected argument \"%s\"",
		                   argv[optind]),
		       -1;
	}
	return 0;
}

/* The Postfix configuration: -c DIR must load; ROOT/etc/postfix may be
 * absent (no Postfix here), never broken. */
static int
load_config(struct doctor *d, const char *given)
{
	char *dir =
	    given ? xstrdup(given) : selroot_path(&d->sr, "/etc/postfix");
	struct stat st;
	struct why why;

	if (given == NULL && stat(dir, &st) < 0) {
		doctor_fact(d, DOCTOR_PART, "Postfix configuration",
		            "none at %s: trees and ports not checked", dir);
		free(dir);
		return 0;
	}
	if (pfconf_load(&d->conf, dir, PFCONF_DEFAULTS_AUTO, NULL, &why) < 0) {
		warnx("doctor: %s", why.text);
		pfconf_free(&d->conf); /* what it read before the error */
		free(dir);
		return -1;
	}
	d->have_conf = 1;
	doctor_fact(d, DOCTOR_PART, "Postfix configuration", "%s", dir);
	free(dir);
	return 0;
}

static int
setup(struct doctor *d, const struct doctor_opts *o)
{
	struct why why;

	d->root = o->root;
	d->live = o->root == NULL;
	if (selroot_open(&d->sr, o->root, &why) < 0) {
		warnx("doctor: %s", why.text);
		return -1;
	}
	if ((d->daemons_map = policy_file_read("postfix-daemons.map", &why)) ==
	        NULL ||
	    (d->servers_map = policy_file_read("servers.map", &why)) == NULL) {
		warnx("doctor: %s", why.text);
		return -1;
	}
	d->since = o->since  ? doctor_since(o->since)
	           : d->live ? doctor_since("boot")
	                     : 0;
	if (d->since < 0) {
		warnx("doctor: --since \"%s\": not boot, @SECONDS or "
		      "YYYY-MM-DD[ HH:MM[:SS]]",
		      o->since ? o->since : "boot");
		return -1;
	}
	if (d->sr.binary_policy == NULL ||
	    (d->pol = rv_policy_load(d->sr.binary_policy, &why)) == NULL)
		doctor_fact(d, DOCTOR_SELINUX, "policy file", "not read: %s",
		            d->sr.binary_policy ? why.text : "none found");
	return load_config(d, o->config_dir);
}

int
cmd_doctor(int argc, char **argv)
{
	struct doctor_opts o;
	struct doctor d;
	int rc = parse(argc, argv, &o);

	if (rc != 0)
		return PFSEL_EXIT_ERROR;
	memset(&d, 0, sizeof(d));
	if (setup(&d, &o) < 0) {
		doctor_free(&d);
		return PFSEL_EXIT_ERROR;
	}
	doctor_status(&d);
	doctor_modules(&d);
	doctor_part(&d);
	doctor_procs(&d);
	doctor_trees(&d);
	doctor_ports(&d);
	doctor_booleans(&d);
	doctor_denials(&d);
	if (o.json)
		doctor_print_json(stdout, &d);
	else
		doctor_print_text(stdout, &d);
	rc = d.nfindings > 0 ? 1 : 0;
	doctor_free(&d);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		warn("doctor: stdout");
		return PFSEL_EXIT_ERROR;
	}
	return rc;
}
