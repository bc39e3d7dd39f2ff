/*
 * subcommand - subcommand dispatch and usage errors; see subcommand.h.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "subcommand.h"

#ifndef PFSEL_VERSION
#define PFSEL_VERSION "unknown"
#endif

/* The subcommand running, for the usage errors it reports. */
static const struct subcommand *running;

static int
usage(FILE *fp, const char *program, const struct subcommand *cmds,
      size_t ncmds)
{
	size_t i;

	fprintf(fp, "usage:\n");
	for (i = 0; i < ncmds; i++)
		fprintf(fp, "  %s %.*s\n", program,
		        (int)strcspn(cmds[i].help, "\n"), cmds[i].help);
	/* Not "PROGRAM ..." at the start of a line: the completions take
	 * such lines for subcommands. */
	fprintf(fp,
	        "see %s(1); \"%s SUBCOMMAND --help\" lists the options, "
	        "\"%s --version\" prints the version\n",
	        program, program, program);
	return fp == stdout ? 0 : PFSEL_EXIT_ERROR;
}

/* Whether -h or --help comes before "--" in argv. */
static int
wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0)
			return 1;
	return 0;
}

static int
help(const char *program, const struct subcommand *cmd)
{
	printf("usage: %s %s\n", program, cmd->help);
	return fflush(stdout) == 0 ? 0 : PFSEL_EXIT_ERROR;
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
	if (strcmp(argv[1], "--version") == 0) {
		printf("%s %s\n", program, PFSEL_VERSION);
		return fflush(stdout) == 0 ? 0 : PFSEL_EXIT_ERROR;
	}
	for (i = 0; i < ncmds; i++) {
		if (strcmp(argv[1], cmds[i].name) != 0)
			continue;
		if (wants_help(argc - 1, argv + 1))
			return help(program, &cmds[i]);
		running = &cmds[i];
		opterr = 0;
		return cmds[i].run(argc - 1, argv + 1);
	}
	errorx("unknown subcommand \"%s\" (%s --help lists them)", argv[1],
	       program);
	return PFSEL_EXIT_ERROR;
}

int
usage_error(const char *fmt, ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	errorx("%s: %s (see %s %s --help)", running ? running->name : "usage",
	       what, msg_progname(), running ? running->name : "");
	return PFSEL_EXIT_ERROR;
}

int
subcommand_getopt_error(int ch, char **argv)
{
	const char *word = optind > 0 ? argv[optind - 1] : "";

	if (ch == ':')
		return usage_error("option %s needs an argument", word);
	/* glibc sets optopt to 0 for an unknown long option, to the
	 * option's value for one given an argument it does not take. */
	if (strncmp(word, "--", 2) == 0)
		return usage_error(optopt == 0
		                       ? "unknown option %.*s"
		                       : "option %.*s takes no argument",
		                   (int)strcspn(word, "="), word);
	/* A short option: optopt is the unknown letter, also in a cluster
	 * such as -Fx. */
	return usage_error("unknown option -%c", optopt);
}
