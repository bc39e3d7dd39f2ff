/*
 * datadir - find policy/; see datadir.h.
 */
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "datadir.h"
#include "xalloc.h"

#ifndef PFSEL_DATADIR
#define PFSEL_DATADIR "/usr/local/share/pfsel"
#endif

/* Levels above the executable's directory a checkout may be: build/,
 * build/asan/ (BUILD=build/asan in GNUmakefile) and the unit tests in
 * build/asan/tests/. */
#define CHECKOUT_MAX_DEPTH 3

static pthread_once_t checkout_once = PTHREAD_ONCE_INIT;
static char *checkout; /* NULL: not run from a checkout */

static int
is_checkout(const char *dir)
{
	char *makefile = xasprintf("%s/GNUmakefile", dir);
	char *readme = xasprintf("%s/policy/README", dir);
	int yes = access(makefile, R_OK) == 0 && access(readme, R_OK) == 0;

	free(makefile);
	free(readme);
	return yes;
}

/* Strip the last component of an absolute path in place; 0 at "/". */
static int
strip_last(char *path)
{
	char *slash = strrchr(path, '/');

	if (slash == NULL || slash == path)
		return 0;
	*slash = '\0';
	return 1;
}

static void
find_checkout(void)
{
	char exe[PATH_MAX];
	ssize_t n;
	int depth;

	/* /proc/self/exe names the file actually run, whatever argv[0]
	 * says; without /proc the installed layout is all there is. */
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) <= 0)
		return;
	exe[n] = '\0';
	if (!strip_last(exe))
		return;
	for (depth = 1; depth <= CHECKOUT_MAX_DEPTH && strip_last(exe);
	     depth++) {
		if (is_checkout(exe)) {
			checkout = xstrdup(exe);
			return;
		}
	}
}

const char *
pfsel_datadir(void)
{
	const char *dir = secure_getenv("PFSEL_DATADIR");

	if (dir != NULL && *dir != '\0')
		return dir;
	pthread_once(&checkout_once, find_checkout);
	return checkout != NULL ? checkout : PFSEL_DATADIR;
}
