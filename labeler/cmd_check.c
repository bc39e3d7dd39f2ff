/*
 * cmd_check - "pfsel-label check": report every file whose label differs
 * from what ROOT's file contexts say, as setfiles -n -v would.
 * Exit 0 clean, 1 something differs, 2 error.  See pfsel-label(1).
 */
#include "commands.h"
#include "label_run.h"

int
cmd_check(int argc, char **argv)
{
	return label_run(argc, argv, 0);
}
