/*
 * cmd_uninstall - "pfsel-gen uninstall NAME [--root ROOT] [--json] [-v]":
 * undo what "pfsel-gen install" recorded in NAME's manifest, in one
 * policy store transaction (gen/install.c).  With --json, success is one
 * JSON object on stdout ("changed": true: an uninstall always changes
 * the store or fails).
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "install.h"
#include "msg.h"
#include "subcommand.h"
#include "quote.h"
#include "strbuf.h"

int
cmd_uninstall(int argc, char **argv)
{
	struct strbuf sb = STRBUF_INIT;
	const char *root;
	struct why why;
	int first, json;

	if ((first = cmd_root_json_options(argc, argv, &root, &json)) < 0)
		return PFSEL_EXIT_ERROR;
	if (first == argc)
		return usage_error("no module NAME given");
	if (first != argc - 1)
		return usage_error("one NAME, not %d arguments", argc - first);
	if (uninstall_module(root, argv[first], &why) < 0) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	if (json) {
		/* NAME is valid: uninstall_module found its manifest. */
		strbuf_adds(&sb, "{\"command\": \"uninstall\", \"module\": ");
		quote_json(&sb, argv[first]);
		strbuf_adds(&sb, ", \"root\": ");
		quote_json(&sb, root && *root ? root : "/");
		strbuf_adds(&sb, ", \"changed\": true}\n");
		fputs(sb.data, stdout);
		strbuf_free(&sb);
	}
	return 0;
}
