/*
 * cmd_root_options - the options of the subcommands that act on a
 * root's policy store and nothing else: --root ROOT and -v
 * ("uninstall"), and with --json ("status", "verify"; --no-drift too).
 */
#include <getopt.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "msg.h"
#include "subcommand.h"
#include "verify.h"

int
cmd_root_options(int argc, char **argv, const char **root)
{
	return cmd_root_json_options(argc, argv, root, NULL);
}

int
cmd_root_json_options(int argc, char **argv, const char **root, int *json)
{
	static const struct option longopts[] = {
	    {"root", required_argument, NULL, 'r'},
	    {"verbose", no_argument, NULL, 'v'},
	    {"json", no_argument, NULL, 'j'},
	    {NULL, 0, NULL, 0},
	};
	int ch;

	*root = NULL;
	if (json)
		*json = 0;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":r:v", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			*root = optarg;
			break;
		case 'v':
			msg_set_verbose(msg_verbose() + 1);
			break;
		case 'j':
			if (json == NULL) {
				usage_error("unknown option --json");
				return -1;
			}
			*json = 1;
			break;
		default:
			return subcommand_getopt_error(ch, argv), -1;
		}
	}
	return optind;
}

int
cmd_report_options(int argc, char **argv, struct verify_opts *o, int *drift)
{
	static const struct option longopts[] = {
	    {"root", required_argument, NULL, 'r'},
	    {"json", no_argument, NULL, 'j'},
	    {"no-drift", no_argument, NULL, 'n'},
	    {"verbose", no_argument, NULL, 'v'},
	    {NULL, 0, NULL, 0},
	};
	int ch;

	memset(o, 0, sizeof(*o));
	if (drift)
		*drift = 1;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":r:v", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			o->root = optarg;
			break;
		case 'j':
			o->json = 1;
			break;
		case 'n':
			if (drift == NULL)
				return usage_error("unknown option --no-drift"),
				       -1;
			*drift = 0;
			break;
		case 'v':
			msg_set_verbose(msg_verbose() + 1);
			break;
		default:
			return subcommand_getopt_error(ch, argv), -1;
		}
	}
	if (optind < argc - 1)
		return usage_error("one NAME at most, not %d arguments",
		                   argc - optind),
		       -1;
	if (optind == argc - 1)
		o->module = argv[optind];
	return optind;
}
