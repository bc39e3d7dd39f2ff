/* cmd_check - placeholder until the subcommand lands. */
#include "commands.h"
#include "msg.h"

int
cmd_check(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	warnx("check: not built yet");
	return PFSEL_EXIT_ERROR;
}
