/*
 * cmd_root_options - the options of the subcommands that act on a
 * root's policy store and nothing else ("uninstall", "verify"):
 * --root ROOT and -v.
 */
#include <getopt.h>
#include <stddef.h>

#include "commands.h"
#include "msg.h"

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
	while ((ch = getopt_long(argc, argv, "r:v", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			*root = optarg;
			break;
		case 'v':
			msg_set_verbose(msg_verbose() + 1);
			break;
		case 'j':
			if (json == NULL) {
				errorx("%s: unknown option --json", argv[0]);
				return -1;
			}
			*json = 1;
			break;
		default:
			return -1;
		}
	}
	return optind;
}
