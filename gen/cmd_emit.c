/* cmd_emit - placeholder until the subcommand lands. */
#include "commands.h"
#include "msg.h"

int
cmd_emit(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	warnx("emit: not built yet");
	return PFSEL_EXIT_ERROR;
}
