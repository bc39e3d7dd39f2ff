/*
 * cmd_uninstall - "pfsel-gen uninstall NAME [--root ROOT] [-v]": undo
 * what "pfsel-gen install" recorded in NAME's manifest, in one policy
 * store transaction (gen/install.c).
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "install.h"
#include "msg.h"
#include "subcommand.h"

int
cmd_uninstall(int argc, char **argv)
{
	const char *root;
	struct why why;
	int first;

	if ((first = cmd_root_options(argc, argv, &root)) < 0)
		return PFSEL_EXIT_ERROR;
	if (first == argc)
		return usage_error("no module NAME given");
	if (first != argc - 1)
		return usage_error("one NAME, not %d arguments", argc - first);
	if (uninstall_module(root, argv[first], &why) < 0) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	return 0;
}
