/*
 * pfsel-gen - SELinux policy modules for Postfix extensions.
 *
 * main() only dispatches; each subcommand lives in gen/cmd_NAME.c.
 * See pfsel-gen(1).
 */
#include "commands.h"
#include "subcommand.h"

/* Each help lists every option its subcommand accepts (tests/integration/
 * 04-cli.sh holds it against the man page). */
#define SPEC_OPTIONS                                                           \
	"  -o, --output DIR   write the module files to DIR\n"                 \
	"  -r, --root ROOT    use the policy under ROOT (a scratch root)\n"    \
	"  -v, --verbose      say more\n"
#define ROOT_OPTIONS                                                           \
	"  -r, --root ROOT    use the policy store under ROOT\n"               \
	"  -v, --verbose      say more\n"
#define JSON_OPTION "  --json             one JSON object on standard output\n"

static const struct subcommand commands[] = {
    {"emit", cmd_emit, "emit SPEC [-o DIR] [--root ROOT] [-v]\n" SPEC_OPTIONS},
    {"build", cmd_build,
     "build SPEC [-o DIR] [--root ROOT] [-v]\n" SPEC_OPTIONS},
    {"install", cmd_install,
     "install SPEC|BUNDLE [-o DIR] [--root ROOT] [--json] [-v]\n" SPEC_OPTIONS
         JSON_OPTION},
    {"plan", cmd_plan,
     "plan SPEC|BUNDLE [-o DIR] [--root ROOT] [--json] [-v]\n" SPEC_OPTIONS
         JSON_OPTION},
    {"uninstall", cmd_uninstall,
     "uninstall NAME [--root ROOT] [--json] [-v]\n" ROOT_OPTIONS JSON_OPTION},
    {"status", cmd_status,
     "status [NAME] [--root ROOT] [--json] [-v]\n" ROOT_OPTIONS JSON_OPTION},
    {"verify", cmd_verify,
     "verify [NAME] [--root ROOT] [--json] [--no-drift] [-v]\n" ROOT_OPTIONS
         JSON_OPTION
     "  --no-drift         do not rebuild the recorded specs to compare\n"},
    {"bundle", cmd_bundle,
     "bundle SPEC -o FILE [--root ROOT] [-v]\n"
     "  -o, --output FILE  write the bundle to FILE\n"
     "  -r, --root ROOT    build against the policy under ROOT\n"
     "  -v, --verbose      say more\n"},
    {"scan", cmd_scan,
     "scan [-c CONFIG_DIR] [-n NAME] [-o SPEC] [-r ROOT] [--builtin-defaults] "
     "[--print n|M|F|P]\n"
     "  -c CONFIG_DIR         the Postfix configuration (/etc/postfix)\n"
     "  -n NAME               the module name (postfix_site)\n"
     "  -o SPEC               write the spec to SPEC, not standard output\n"
     "  -r, --root ROOT       compare with the policy under ROOT\n"
     "  --builtin-defaults    never run postconf -d\n"
     "  --print n|M|F|P       print parameters or services as postconf "
     "does\n"},
};

int
main(int argc, char **argv)
{
	return subcommand_dispatch("pfsel-gen", commands,
	                           sizeof(commands) / sizeof(commands[0]), argc,
	                           argv);
}
