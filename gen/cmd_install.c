/* cmd_install - placeholder until the subcommand lands. */
#include "commands.h"
#include "msg.h"

int
cmd_install(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	warnx("install: not built yet");
	return PFSEL_EXIT_ERROR;
}
