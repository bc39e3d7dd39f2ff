/*
 * subcommand - subcommand dispatch; see subcommand.h.
 */
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "subcommand.h"

static int
usage(FILE *fp, const char *program, const struct subcommand *cmds,
      size_t ncmds)
{
	size_t i;

	fprintf(fp, "usage:\n");
	for (i = 0; i < ncmds; i++)
		fprintf(fp, "  %s %s\n", program, cmds[i].synopsis);
	fprintf(fp, "see %s(1)\n", program);
	return fp == stdout ? 0 : PFSEL_EXIT_ERROR;
}

int
subcommand_dispatch(const char *program, const struct subcommand *cmds,
                    size_t ncmds, int argc, char **argv)
{
	size_t i;

	msg_init(program);
	if (argc < 2)
		return usage(stderr, program, cmds, ncmds);
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		return usage(stdout, program, cmds, ncmds);
	for (i = 0; i < ncmds; i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].run(argc - 1, argv + 1);
	errorx("unknown subcommand \"%s\"", argv[1]);
	return usage(stderr, program, cmds, ncmds);
}
