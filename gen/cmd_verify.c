/*
 * cmd_verify - "pfsel-gen verify [--root ROOT] [-v]": settle what an
 * interrupted install or uninstall left, then check that the store holds
 * what every manifest in ROOT/var/lib/pfsel says (gen/install.c).
 */
#include <getopt.h>
#include <stdio.h>

#include "commands.h"
#include "install.h"
#include "msg.h"

int
cmd_verify(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"root", required_argument, NULL, 'r'},
	    {"verbose", no_argument, NULL, 'v'},
	    {NULL, 0, NULL, 0},
	};
	const char *root = NULL;
	struct why why;
	int ch;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "r:v", longopts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			root = optarg;
			break;
		case 'v':
			msg_set_verbose(msg_verbose() + 1);
			break;
		default:
			return PFSEL_EXIT_ERROR;
		}
	}
	if (optind != argc) {
		warnx("usage: pfsel-gen verify [--root ROOT] [-v]");
		return PFSEL_EXIT_ERROR;
	}
	if (verify_installs(root, &why) < 0) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	return 0;
}
