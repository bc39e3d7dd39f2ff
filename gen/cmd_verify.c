/*
 * cmd_verify - "pfsel-gen verify [NAME] [--root ROOT] [--json]
 * [--drift] [-v]": settle what an interrupted install or uninstall
 * left, then check that what pfsel-gen installed still takes effect
 * (gen/verify.h).  Exit 0 when it all does, 1 with each loss and the
 * command that restores it, 2 on error.
 */
#include "commands.h"
#include "msg.h"
#include "subcommand.h"
#include "verify.h"

int
cmd_verify(int argc, char **argv)
{
	struct verify_opts o;
	struct why why;
	int rc;

	if (cmd_report_options(argc, argv, &o, &o.drift) < 0)
		return PFSEL_EXIT_ERROR;
	if ((rc = verify_run(&o, &why)) < 0) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	return rc;
}
