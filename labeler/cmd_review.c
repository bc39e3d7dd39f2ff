/* cmd_review - placeholder until the subcommand lands. */
#include "commands.h"
#include "msg.h"

int
cmd_review(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	warnx("review: not built yet");
	return PFSEL_EXIT_ERROR;
}
