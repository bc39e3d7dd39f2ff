/*
 * subcommand - "PROGRAM SUBCOMMAND ARGS..." dispatch for pfsel-gen and
 * pfsel-label, and the usage errors of every subcommand.
 *
 * "PROGRAM --help" lists the synopses, "PROGRAM --version" prints the
 * version, "PROGRAM SUB --help" (or -h anywhere before "--") prints SUB's
 * help: its synopsis and one line per option.  The subcommands never see
 * --help.  A usage error is one line, "PROGRAM: error: SUB: what is
 * wrong", and exit status 2.
 */
#ifndef PFSEL_SUBCOMMAND_H
#define PFSEL_SUBCOMMAND_H

#include <stddef.h>

struct subcommand {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the subcommand */
	/*
	 * The help: the synopsis on the first line (the program's usage
	 * shows that line), then one line per option, each starting with
	 * blanks.
	 */
	const char *help;
};

/* Run the subcommand argv[1] names and return its exit status; usage on
 * stdout for -h/--help (0), on stderr otherwise (2). */
int subcommand_dispatch(const char *program, const struct subcommand *cmds,
                        size_t ncmds, int argc, char **argv);

/*
 * Print the usage error "PROGRAM: error: SUB: WHAT" and return exit
 * status 2.  subcommand_getopt_error() says what getopt_long(3) found
 * (an unknown option, a missing argument); the option strings of the
 * subcommands start with ':' so that the two can be told apart, and
 * getopt itself prints nothing (opterr is 0).
 */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int subcommand_getopt_error(int ch, char **argv);

#endif
