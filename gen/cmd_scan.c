/*
 * cmd_scan - "pfsel-gen scan": derive the spec from main.cf and master.cf.
 *
 *   pfsel-gen scan [-c CONFIG_DIR] [-o SPEC] [-n NAME] [-r ROOT]
 *                  [--builtin-defaults] [--print n|M|F|P]
 *
 * Reads the configuration (pfconf_*.c), runs the detectors (scan_*.c)
 * and writes the spec, atomically when -o is given.  --print writes what
 * the reader computed in postconf's formats instead (for the tests that
 * hold the reader against postconf).  Called by gen/main.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "commands.h"
#include "msg.h"
#include "pfconf_config.h"
#include "pfconf_print.h"
#include "scan.h"
#include "strbuf.h"
#include "subcommand.h"

static int
print_listing(const struct pfconf *c, int what)
{
	struct why why;

	if (pfconf_print(c, what, stdout, &why) < 0) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	return fflush(stdout) == 0 ? 0 : PFSEL_EXIT_ERROR;
}

static int
write_spec(const struct strbuf *spec, const char *out)
{
	struct why why;

	if (out == NULL) {
		fwrite(spec->data, 1, spec->len, stdout);
		return fflush(stdout) == 0 ? 0 : PFSEL_EXIT_ERROR;
	}
	if (atomic_write_file(out, spec->data, spec->len, 0644, &why) < 0) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	return 0;
}

int
cmd_scan(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"builtin-defaults", no_argument, NULL, 'B'},
	    {"print", required_argument, NULL, 'P'},
	    {"root", required_argument, NULL, 'r'},
	    {NULL, 0, NULL, 0}};
	struct scan_options opt = {"/etc/postfix", "postfix_site", NULL,
	                           PFCONF_DEFAULTS_AUTO};
	const char *out = NULL;
	struct strbuf spec = STRBUF_INIT;
	struct pfconf conf;
	struct why why;
	struct policyinfo *pi = NULL;
	char *abs_dir = NULL;
	int ch, print = 0, rc;

	optind = 1;
	while ((ch = getopt_long(argc, argv, ":c:o:n:r:", longopts, NULL)) !=
	       -1) {
		switch (ch) {
		case 'c':
			opt.config_dir = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'n':
			opt.module = optarg;
			break;
		case 'r':
			opt.root = optarg;
			break;
		case 'B':
			opt.defaults = PFCONF_DEFAULTS_BUILTIN;
			break;
		case 'P':
			/* pfconf_print() says which letters it knows. */
			if (strlen(optarg) != 1)
				return usage_error("--print takes one letter, "
				                   "not \"%s\"",
				                   optarg);
			print = optarg[0];
			break;
		default:
			return subcommand_getopt_error(ch, argv);
		}
	}
	if (optind != argc)
		return usage_error("unexpected argument \"%s\"", argv[optind]);
	/* The spec needs absolute paths ($config_directory/...); --print
	 * keeps the directory as given, as postconf -c does. */
	if (!print && (abs_dir = realpath(opt.config_dir, NULL)) != NULL)
		opt.config_dir = abs_dir;
	if (pfconf_load(&conf, opt.config_dir, opt.defaults, NULL, &why) < 0) {
		errorx("%s", why.text);
		pfconf_free(&conf);
		free(abs_dir);
		return PFSEL_EXIT_ERROR;
	}
	if (print) {
		rc = print_listing(&conf, print);
		pfconf_free(&conf);
		return rc;
	}
	if ((pi = policyinfo_open(opt.root, &why)) == NULL ||
	    scan_run(&conf, &opt, pi, &spec, &why) < 0) {
		errorx("%s", why.text);
		rc = PFSEL_EXIT_ERROR;
	} else {
		rc = write_spec(&spec, out);
	}
	policyinfo_close(pi);
	strbuf_free(&spec);
	pfconf_free(&conf);
	free(abs_dir);
	return rc;
}
