/*
 * why - fill error reasons; see why.h.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "why.h"

int
why_set(struct why *why, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why->text, sizeof(why->text), fmt, ap);
	va_end(ap);
	return -1;
}

int
why_at(struct why *why, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	int len;

	len = snprintf(why->text, sizeof(why->text), "%s:%d: ", file, line);
	if (len < 0 || (size_t)len >= sizeof(why->text))
		return -1;
	va_start(ap, fmt);
	vsnprintf(why->text + len, sizeof(why->text) - (size_t)len, fmt, ap);
	va_end(ap);
	return -1;
}

int
why_errno(struct why *why, const char *fmt, ...)
{
	va_list ap;
	int saved_errno = errno;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(why->text, sizeof(why->text), fmt, ap);
	va_end(ap);
	if (len >= 0 && (size_t)len < sizeof(why->text))
		snprintf(why->text + len, sizeof(why->text) - (size_t)len,
			 ": %s", strerror(saved_errno));
	return -1;
}
