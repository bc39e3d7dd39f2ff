/*
 * pfsel-label - label Postfix trees and review SELinux denials.
 *
 * main() only dispatches; each subcommand lives in labeler/cmd_NAME.c.
 * See pfsel-label(1).
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "msg.h"

static const struct command {
	const char *name;
	int (*run)(int, char **);
	const char *synopsis;
} commands[] = {
	{"check", cmd_check, "check [-r ROOT] [--json] [PATH...]"},
	{"apply", cmd_apply, "apply [-r ROOT] [-F] [-n] [PATH...]"},
	{"review", cmd_review, "review [-p POLICY | -r ROOT] [FILE...]"},
};

static int
usage(FILE *fp)
{
	size_t i;

	fprintf(fp, "usage:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  pfsel-label %s\n", commands[i].synopsis);
	fprintf(fp, "see pfsel-label(1)\n");
	return fp == stdout ? 0 : PFSEL_EXIT_ERROR;
}

int
main(int argc, char **argv)
{
	size_t i;

	msg_init("pfsel-label");
	if (argc < 2)
		return usage(stderr);
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		return usage(stdout);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	warnx("unknown subcommand \"%s\"", argv[1]);
	return usage(stderr);
}
