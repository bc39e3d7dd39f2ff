/*
 * fcquote - regex-escape and m4-quote a path; see fcquote.h.
 */
#include <string.h>

#include "fcquote.h"
#include "strbuf.h"

char *
fc_quote_path(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;

	strbuf_addc(&sb, '`');
	for (p = path; *p; p++) {
		if (strchr(".^$*+?()[]{}|\\", *p))
			strbuf_addc(&sb, '\\');
		strbuf_addc(&sb, *p);
	}
	strbuf_addc(&sb, '\'');
	return strbuf_detach(&sb);
}
