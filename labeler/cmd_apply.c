/*
 * cmd_apply - "pfsel-label apply": relabel what check reports, type only
 * unless -F, as restorecon does; -n makes it a check.
 * Exit 0 done (or clean), 1 something differs (-n only), 2 error.
 */
#include "commands.h"
#include "label_run.h"

int
cmd_apply(int argc, char **argv)
{
	return label_run(argc, argv, 1);
}
