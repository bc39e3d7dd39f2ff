/*
 * temp_name - one place that says where pfsel's temporary files go.
 */
#include <stdlib.h>

#include "temp_name.h"
#include "xalloc.h"

char *
temp_name(const char *prefix)
{
	const char *dir = getenv("TMPDIR");

	return xasprintf("%s/%s.XXXXXX", dir && *dir ? dir : "/tmp", prefix);
}
