/*
 * pfsel-gen - SELinux policy modules for Postfix extensions.
 *
 * main() only dispatches; each subcommand lives in gen/cmd_NAME.c.
 * See pfsel-gen(1).
 */
#include "commands.h"
#include "subcommand.h"

static const struct subcommand commands[] = {
    {"emit", cmd_emit, "emit SPEC [-o DIR] [--root ROOT]"},
    {"build", cmd_build, "build SPEC [-o DIR] [--root ROOT]"},
    {"install", cmd_install,
     "install SPEC|BUNDLE [-o DIR] [--root ROOT] [--json] [-v]"},
    {"plan", cmd_plan, "plan SPEC|BUNDLE [-o DIR] [--root ROOT] [--json] [-v]"},
    {"uninstall", cmd_uninstall, "uninstall NAME [--root ROOT]"},
    {"verify", cmd_verify, "verify [NAME] [--root ROOT] [--json]"},
    {"status", cmd_status, "status [NAME] [--root ROOT] [--json]"},
    {"bundle", cmd_bundle, "bundle SPEC -o FILE [--root ROOT] [-v]"},
    {"scan", cmd_scan,
     "scan [-c CONFIG_DIR] [-n NAME] [-o SPEC] [-r ROOT] [--builtin-defaults] "
     "[--print n|M|F|P]"},
};

int
main(int argc, char **argv)
{
	return subcommand_dispatch("pfsel-gen", commands,
	                           sizeof(commands) / sizeof(commands[0]), argc,
	                           argv);
}
