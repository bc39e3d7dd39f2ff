/*
 * opt_threads - the -j THREADS option of pfsel-label's commands; see
 * opt_threads.h.
 */
#include "opt_threads.h"

#include <stdlib.h>
#include <unistd.h>

#include "subcommand.h"

int
opt_threads_default(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (int)n : 1;
}

int
opt_threads(const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || n < 1 || n > 256) {
		usage_error("-j: want 1 to 256 threads, not \"%s\"", arg);
		return -1;
	}
	return (int)n;
}
