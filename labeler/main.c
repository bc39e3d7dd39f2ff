/*
 * pfsel-label - label Postfix trees and review SELinux denials.
 *
 * main() only dispatches; each subcommand lives in labeler/cmd_NAME.c.
 * See pfsel-label(1).
 */
#include "commands.h"
#include "subcommand.h"

static const struct subcommand commands[] = {
    {"check", cmd_check,
     "check [-r ROOT] [--json] [-j N] [--manifest FILE | --spec FILE] "
     "[PATH...]"},
    {"apply", cmd_apply,
     "apply [-r ROOT] [-F] [-n] [-j N] [--manifest FILE | --spec FILE] "
     "[PATH...]"},
    {"review", cmd_review,
     "review [-p POLICY | -r ROOT] [--json | --te NAME | --spec] [FILE...]"},
    {"doctor", cmd_doctor,
     "doctor [-r ROOT] [-c CONFIG_DIR] [--since TIME] [--json]"},
};

int
main(int argc, char **argv)
{
	return subcommand_dispatch("pfsel-label", commands,
	                           sizeof(commands) / sizeof(commands[0]), argc,
	                           argv);
}
