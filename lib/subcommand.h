/*
 * subcommand - "PROGRAM SUBCOMMAND ARGS..." dispatch for pfsel-gen and
 * pfsel-label.
 */
#ifndef PFSEL_SUBCOMMAND_H
#define PFSEL_SUBCOMMAND_H

#include <stddef.h>

struct subcommand {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the subcommand */
	const char *synopsis;              /* for the usage message */
};

/* Run the subcommand argv[1] names and return its exit status; usage on
 * stdout for -h/--help (0), on stderr otherwise (2). */
int subcommand_dispatch(const char *program, const struct subcommand *cmds,
                        size_t ncmds, int argc, char **argv);

#endif
