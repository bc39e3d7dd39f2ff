/*
 * commands - the subcommands of pfsel-gen, one file each (gen/cmd_*.c).
 *
 * Each takes the arguments after the subcommand name (argv[0] is the
 * subcommand) and returns the process exit status: 0 success, 1 a
 * negative answer where the subcommand defines one, 2 error.
 */
#ifndef PFSEL_GEN_COMMANDS_H
#define PFSEL_GEN_COMMANDS_H

int cmd_emit(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_install(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_uninstall(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_scan(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_bundle(int argc, char **argv);

/* --root ROOT and -v for uninstall and verify: the index of the first
 * operand, or -1 after getopt's message on a bad option. */
int cmd_root_options(int argc, char **argv, const char **root);
/* The same, with --json (uninstall). */
int cmd_root_json_options(int argc, char **argv, const char **root, int *json);

/* The options of status and verify: --root ROOT, --json, -v, and
 * verify's --no-drift (drift NULL: refused; else 1 unless given), and
 * at most one NAME.  The
 * index of the first operand; -1 after a usage error. */
struct verify_opts;
int cmd_report_options(int argc, char **argv, struct verify_opts *o,
                       int *drift);

#endif
