/*
 * cmd_verify - "pfsel-gen verify [--root ROOT] [-v]": settle what an
 * interrupted install or uninstall left, then check that the store holds
 * what every manifest in ROOT/var/lib/pfsel says (gen/install.c).
 */
#include <stdio.h>

#include "commands.h"
#include "install.h"
#include "msg.h"
#include "subcommand.h"

int
cmd_verify(int argc, char **argv)
{
	const char *root;
	struct why why;
	int first;

	if ((first = cmd_root_options(argc, argv, &root)) < 0)
		return PFSEL_EXIT_ERROR;
	if (first != argc)
		return usage_error("unexpected argument \"%s\"", argv[first]);
	if (verify_installs(root, &why) < 0) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	return 0;
}
