/*
 * pfsel-label - label Postfix trees and review SELinux denials.
 *
 * main() only dispatches; each subcommand lives in labeler/cmd_NAME.c.
 * See pfsel-label(1).
 */
#include "commands.h"
#include "subcommand.h"

/* Each help lists every option its subcommand accepts (tests/integration/
 * 04-cli.sh holds it against the man pages). */
#define LABEL_OPTIONS                                                          \
	"  -r, --root ROOT       label the tree under ROOT with its policy\n"  \
	"  -j, --threads N       walk with N threads\n"                        \
	"  -F, --force           the whole context, customizable types too\n"  \
	"  -v, --verbose         say more\n"                                   \
	"  --json                one JSON object per line\n"                   \
	"  --xdev, --no-xdev     stay on one file system (the default) or "    \
	"not\n"                                                                \
	"  --skip-tmpfs          skip tmpfs mounts\n"                          \
	"  --manifest FILE       also the trees of an install manifest\n"      \
	"  --spec FILE           also the trees a spec labels\n"               \
	"  --changed-since FC    also the trees whose rules differ from "      \
	"FC's\n"                                                               \
	"  --no-memo             ask selabel for every file (testing)\n"

static const struct subcommand commands[] = {
    {"check", cmd_check,
     "check [-r ROOT] [-j N] [-F] [-v] [--json] [--no-xdev] [--skip-tmpfs] "
     "[--manifest FILE | --spec FILE] [--changed-since FC] "
     "[PATH...]\n" LABEL_OPTIONS},
    {"apply", cmd_apply,
     "apply [-r ROOT] [-j N] [-F] [-n] [-v] [--json] [--no-xdev] "
     "[--skip-tmpfs] [--manifest FILE | --spec FILE] [--changed-since FC] "
     "[PATH...]\n"
     "  -n, --dry-run         say what would change, change "
     "nothing\n" LABEL_OPTIONS},
    {"review", cmd_review,
     "review [-p POLICY | -r ROOT] [-j THREADS] [--json | --te NAME | --spec] "
     "[--interfaces[=FILE]] [--color[=WHEN]] [FILE...]\n"
     "  -p, --policy POLICY   the binary policy to explain against\n"
     "  -r, --root ROOT       the policy of ROOT\n"
     "  -j, --threads N       parse a large log with N threads\n"
     "  --json                one JSON object per line\n"
     "  --te NAME             a module NAME.te of the allow rules\n"
     "  --spec                spec sections that confine what was denied\n"
     "  --interfaces[=FILE]   name refpolicy interfaces (sepolgen's "
     "vectors)\n"
     "  --color[=WHEN]        always, never or auto\n"},
    {"doctor", cmd_doctor,
     "doctor [-r ROOT] [-c CONFIG_DIR] [--since TIME] [--json]\n"
     "  -r, --root ROOT        the static parts against ROOT: its policy,\n"
     "                         labels under ROOT, its audit log; no\n"
     "                         processes, no kernel\n"
     "  -c, --config-dir DIR   Postfix's configuration directory (default\n"
     "                         ROOT/etc/postfix)\n"
     "  --since TIME           denials logged since TIME: boot, @SECONDS or\n"
     "                         \"YYYY-MM-DD[ HH:MM[:SS]]\" (default: boot;\n"
     "                         with -r, all)\n"
     "  --json                 one JSON object instead of text\n"},
};

int
main(int argc, char **argv)
{
	return subcommand_dispatch("pfsel-label", commands,
	                           sizeof(commands) / sizeof(commands[0]), argc,
	                           argv);
}
