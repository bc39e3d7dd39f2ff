/*
 * pfsel-gen - SELinux policy modules for Postfix extensions.
 *
 * main() only dispatches; each subcommand lives in gen/cmd_NAME.c.
 * See pfsel-gen(1).
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
	{"emit", cmd_emit, "emit SPEC [-o DIR]"},
	{"build", cmd_build, "build SPEC [-o DIR]"},
	{"install", cmd_install, "install SPEC [-o DIR] [--root DIR]"},
	{"uninstall", cmd_uninstall, "uninstall NAME [--root DIR]"},
	{"scan", cmd_scan, "scan [-c CONFIG_DIR] [-o SPEC]"},
};

static int
usage(FILE *fp)
{
	size_t i;

	fprintf(fp, "usage:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  pfsel-gen %s\n", commands[i].synopsis);
	fprintf(fp, "see pfsel-gen(1)\n");
	return fp == stdout ? 0 : PFSEL_EXIT_ERROR;
}

int
main(int argc, char **argv)
{
	size_t i;

	msg_init("pfsel-gen");
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
