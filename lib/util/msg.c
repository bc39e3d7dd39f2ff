/*
 * msg - diagnostics for pfsel-gen and pfsel-label; see msg.h.
 *
 * Output is line-buffered by building each message in one buffer and
 * writing it with a single write(2), so that lines from worker threads
 * never interleave mid-line.  Control bytes are escaped on the way out
 * (quote_message), whatever the message quotes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "quote.h"

static const char *progname = "pfsel";
static int verbose;

void
msg_init(const char *name)
{
	const char *slash = strrchr(name, '/');

	progname = slash ? slash + 1 : name;
}

const char *
msg_progname(void)
{
	return progname;
}

void
msg_set_verbose(int level)
{
	verbose = level;
}

int
msg_verbose(void)
{
	return verbose;
}

static int
plain_message_byte(char c)
{
	return (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t';
}

static void
vemit(const char *level, int with_errno, const char *fmt, va_list ap)
{
	char line[4096], *out = line;
	int saved_errno = errno;
	struct strbuf shown = STRBUF_INIT;
	size_t len, i;

	len = (size_t)snprintf(line, sizeof(line), "%s: %s", progname, level);
	if (len < sizeof(line))
		len +=
		    (size_t)vsnprintf(line + len, sizeof(line) - len, fmt, ap);
	if (with_errno && len < sizeof(line))
		len += (size_t)snprintf(line + len, sizeof(line) - len, ": %s",
		                        strerror(saved_errno));
	if (len >= sizeof(line) - 1)
		len = sizeof(line) - 2;
	line[len++] = '\n';
	/*
	 * Messages quote spec, main.cf and file names: no byte of those may
	 * drive the terminal (quote.h).  Plain text is written as it is,
	 * without allocating: "out of memory" must get out too.
	 */
	for (i = 0; i < len && plain_message_byte(line[i]); i++)
		;
	if (i < len) {
		quote_message(&shown, line, len);
		out = shown.data;
		len = shown.len;
	}
	/* Diagnostics are best effort: there is nowhere to report a failure. */
	if (write(STDERR_FILENO, out, len) < 0) {
		/* nothing to do */
	}
	strbuf_free(&shown);
}

void
fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vemit("error: ", 1, fmt, ap);
	va_end(ap);
	exit(PFSEL_EXIT_ERROR);
}

void
fatalx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vemit("error: ", 0, fmt, ap);
	va_end(ap);
	exit(PFSEL_EXIT_ERROR);
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vemit("warning: ", 1, fmt, ap);
	va_end(ap);
}

void
warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vemit("warning: ", 0, fmt, ap);
	va_end(ap);
}

void
error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vemit("error: ", 1, fmt, ap);
	va_end(ap);
}

void
errorx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vemit("error: ", 0, fmt, ap);
	va_end(ap);
}

void
info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vemit("", 0, fmt, ap);
	va_end(ap);
}

void
debug(const char *fmt, ...)
{
	va_list ap;

	if (verbose < 2)
		return;
	va_start(ap, fmt);
	vemit("debug: ", 0, fmt, ap);
	va_end(ap);
}
