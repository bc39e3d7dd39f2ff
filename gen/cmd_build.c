/* cmd_build - placeholder until the subcommand lands. */
#include "commands.h"
#include "msg.h"

int
cmd_build(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	warnx("build: not built yet");
	return PFSEL_EXIT_ERROR;
}
