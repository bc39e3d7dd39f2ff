/*
 * spec_check - value validation for the spec; see spec_check.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "policy_text.h"
#include "spec_check.h"

int
spec_check_identifier(const char *s, size_t max, struct why *why)
{
	size_t i;

	if (*s == '\0')
		return why_set(why, "empty name");
	if (strlen(s) > max)
		return why_set(why, "name \"%s\" is longer than %zu characters",
		               s, max);
	if (!(s[0] >= 'a' && s[0] <= 'z'))
		return why_set(why,
		               "invalid name \"%s\": must start with a "
		               "lowercase letter",
		               s);
	for (i = 1; s[i]; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '_'))
			return why_set(why,
			               "invalid name \"%s\": only a-z, 0-9 "
			               "and _ are allowed",
			               s);
	}
	return 0;
}

int
spec_check_type(const char *s, struct why *why)
{
	size_t len = strlen(s);

	if (spec_check_identifier(s, 128, why) < 0)
		return -1;
	if (len < 3 || strcmp(s + len - 2, "_t") != 0)
		return why_set(why, "invalid type \"%s\": must end in _t", s);
	return 0;
}

static int
check_path_byte(const char *path, unsigned char c, struct why *why)
{
	if (c == '\n')
		return why_set(why, "path contains a newline");
	if (c < 0x20 || c == 0x7f)
		return why_set(why, "path contains control byte 0x%02x", c);
	if (c >= 0x80)
		return why_set(why,
		               "path %s contains non-ASCII byte 0x%02x, which "
		               "pfsel does not write into policy",
		               path, c);
	if (c == ' ' || c == '\t')
		return why_set(why, "path \"%s\" contains white space", path);
	if (!policy_text_path_byte(c))
		return why_set(why,
		               "path %s contains '%c', which pfsel does not "
		               "write into policy text (letters, digits and "
		               "/ . _ - + @ : = ~ %% only)",
		               path, c);
	return 0;
}

int
spec_check_path(const char *s, struct why *why)
{
	const char *p, *comp;

	if (*s != '/')
		return why_set(why, "path \"%s\" is not absolute", s);
	for (p = s; *p; p++)
		if (check_path_byte(s, (unsigned char)*p, why) < 0)
			return -1;
	if (strlen(s) > 1 && s[strlen(s) - 1] == '/')
		return why_set(why, "path %s ends in a slash", s);
	if (strcmp(s, "/") == 0)
		return why_set(why, "path / would label the whole system");
	/* Components: no empty (//), "." or "..": paths are compared as
	 * text and written as regular expressions, so they must be canonical.
	 */
	for (comp = s + 1; comp;
	     comp = strchr(comp, '/') ? strchr(comp, '/') + 1 : NULL) {
		size_t len = strcspn(comp, "/");

		if (len == 0 || (len == 1 && comp[0] == '.') ||
		    (len == 2 && comp[0] == '.' && comp[1] == '.'))
			return why_set(why,
			               "path %s has an empty, \".\" or \"..\" "
			               "component",
			               s);
	}
	return 0;
}

static int
parse_port(const char *s, char **end, int *port)
{
	long v;

	if (!(*s >= '0' && *s <= '9'))
		return -1;
	errno = 0;
	v = strtol(s, end, 10);
	if (errno || v < 1 || v > 65535)
		return -1;
	*port = (int)v;
	return 0;
}

int
spec_parse_port_range(const char *s, char proto[8], int *low, int *high,
                      struct why *why)
{
	const char *slash = strchr(s, '/');
	size_t plen;
	char *end;

	if (slash == NULL)
		return why_set(why, "port \"%s\" is not PROTO/PORT", s);
	plen = (size_t)(slash - s);
	if (!((plen == 3 &&
	       (strncmp(s, "tcp", 3) == 0 || strncmp(s, "udp", 3) == 0)) ||
	      (plen == 4 &&
	       (strncmp(s, "sctp", 4) == 0 || strncmp(s, "dccp", 4) == 0))))
		return why_set(why,
		               "unknown protocol in \"%s\" "
		               "(tcp, udp, sctp or dccp)",
		               s);
	memcpy(proto, s, plen);
	proto[plen] = '\0';
	if (parse_port(slash + 1, &end, low) < 0)
		return why_set(why,
		               "port in \"%s\" is not a number from 1 to "
		               "65535",
		               s);
	*high = *low;
	if (*end == '-' && parse_port(end + 1, &end, high) < 0)
		return why_set(why,
		               "port range in \"%s\" is not LOW-HIGH with "
		               "1 <= LOW <= HIGH <= 65535",
		               s);
	if (*end != '\0')
		return why_set(why, "trailing text in port \"%s\"", s);
	if (*high < *low)
		return why_set(why, "port range \"%s\" is reversed", s);
	return 0;
}
