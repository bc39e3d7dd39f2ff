/*
 * cmd_status - "pfsel-gen status [NAME] [--root ROOT] [--json] [-v]":
 * the modules pfsel-gen installed, with what the store holds of each
 * (gen/verify.h).  Exit 1 when NAME was not installed by pfsel-gen.
 */
#include <stddef.h>

#include "commands.h"
#include "msg.h"
#include "verify.h"

int
cmd_status(int argc, char **argv)
{
	struct verify_opts o;
	struct why why;
	int rc;

	if (cmd_report_options(argc, argv, &o, NULL) < 0)
		return PFSEL_EXIT_ERROR;
	if ((rc = status_run(&o, &why)) < 0) {
		errorx("%s", why.text);
		return PFSEL_EXIT_ERROR;
	}
	if (rc == 1)
		warnx("%s was not installed by pfsel-gen", o.module);
	return rc;
}
