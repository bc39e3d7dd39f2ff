/* cmd_scan - placeholder until the subcommand lands. */
#include "commands.h"
#include "msg.h"

int
cmd_scan(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	warnx("scan: not built yet");
	return PFSEL_EXIT_ERROR;
}
