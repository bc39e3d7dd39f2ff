/*
 * commands - the subcommands of pfsel-label, one file each
 * (labeler/cmd_*.c).
 *
 * Each takes the arguments after the subcommand name (argv[0] is the
 * subcommand) and returns the exit status: 0 clean, 1 something to
 * report (a label differs, a denial found), 2 error.
 */
#ifndef PFSEL_LABELER_COMMANDS_H
#define PFSEL_LABELER_COMMANDS_H

int cmd_check(int argc, char **argv);
int cmd_apply(int argc, char **argv);
int cmd_review(int argc, char **argv);
int cmd_doctor(int argc, char **argv);

#endif
