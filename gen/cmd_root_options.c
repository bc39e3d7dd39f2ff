/*
 * cmd_root_options - the options of the subcommands that act on a
 * root's policy store and nothing else ("uninstall", "verify"):
 * --root ROOT and -v.
 */
#include <getopt.h>
#include <stddef.h>

#include "commands.h"
#include "msg.h"
#include "subcommand.h"

int
cmd_root_options(int argc, char **argv, const char **root)
{
	static const struct option longopts[] = {
	    {"root", required_argument, NULL, 'r'},
	    {"verbose", no_argument, NULL, 'v'},
	    {NULL, 0, NULL, 0},
	};
	int ch;

	*root = NULL;
	optind = 1;
	while ((ch = getopt_long(argc, argv, ":r:v", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			*root = optarg;
			break;
		case 'v':
			msg_set_verbose(msg_verbose() + 1);
			break;
		default:
			return subcommand_getopt_error(ch, argv), -1;
		}
	}
	return optind;
}
