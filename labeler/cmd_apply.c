/* cmd_apply - placeholder until the subcommand lands. */
#include "commands.h"
#include "msg.h"

int
cmd_apply(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	warnx("apply: not built yet");
	return PFSEL_EXIT_ERROR;
}
