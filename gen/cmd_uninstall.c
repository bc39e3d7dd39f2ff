/* cmd_uninstall - placeholder until the subcommand lands. */
#include "commands.h"
#include "msg.h"

int
cmd_uninstall(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	warnx("uninstall: not built yet");
	return PFSEL_EXIT_ERROR;
}
