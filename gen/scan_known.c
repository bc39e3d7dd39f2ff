/*
 * scan_known - well-known mail helpers; see scan_known.h.
 *
 * The knowledge is policy/helpers.map, read once on first use.  It is
 * pfsel's own installed data: a program that cannot read it, or finds a
 * line it does not understand, cannot guess and stops (fatalx), as
 * policy_file_has() does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "policy_file.h"
#include "scan_known.h"
#include "xalloc.h"

#define HELPERS_MAP "helpers.map"

struct known_line {
	char kind[16];       /* "port", "path", "port-type" */
	char *key;           /* the port number, path word or port type */
	struct scan_known k; /* for port-type only k.server is set */
};

static struct known_line *lines;
static size_t nlines;
static int loaded;

/* "-" in the map is "none". */
static const char *
field_or_null(const char *s)
{
	return strcmp(s, "-") == 0 ? NULL : s;
}

/* Split one line into at most max blank-separated words, the last
 * taking the rest of the line; returns the count. */
static int
split(char *line, char **w, int max)
{
	int n = 0;

	while (*line != '\0' && n < max) {
		line += strspn(line, " \t");
		if (*line == '\0')
			break;
		w[n++] = line;
		if (n == max)
			break;
		line += strcspn(line, " \t");
		if (*line != '\0')
			*line++ = '\0';
	}
	return n;
}

static void
load(void)
{
	struct why why;
	char *text, *line, *next, *w[6];
	int lineno = 0, n;

	loaded = 1;
	if ((text = policy_file_read(HELPERS_MAP, &why)) == NULL)
		fatalx("%s", why.text);
	for (line = text; line != NULL && *line != '\0'; line = next) {
		struct known_line *l;

		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (line[0] == '#' || line[strspn(line, " \t")] == '\0')
			continue;
		n = split(line, w, 6);
		lines = xreallocarray(lines, nlines + 1, sizeof(*lines));
		l = &lines[nlines];
		memset(l, 0, sizeof(*l));
		if (n == 3 && strcmp(w[0], "port-type") == 0) {
			l->k.server = xstrdup(w[2]);
		} else if (n == 6 && (strcmp(w[0], "port") == 0 ||
		                      strcmp(w[0], "path") == 0)) {
			l->k.name = xstrdup(w[2]);
			l->k.server =
			    field_or_null(w[3]) ? xstrdup(w[3]) : NULL;
			l->k.command =
			    field_or_null(w[4]) ? xstrdup(w[4]) : NULL;
			l->k.what = xstrdup(w[5]);
		} else {
			fatalx("policy/%s:%d: not \"port PORT NAME DOMAIN "
			       "PROGRAM WHAT\", \"path WORD ...\" or "
			       "\"port-type TYPE DOMAIN\"",
			       HELPERS_MAP, lineno);
		}
		snprintf(l->kind, sizeof(l->kind), "%s", w[0]);
		l->key = xstrdup(w[1]);
		nlines++;
	}
	free(text);
}

/* The first line of kind whose key matches. */
static const struct known_line *
find(const char *kind, const char *key, int substring)
{
	size_t i;

	if (!loaded)
		load();
	for (i = 0; i < nlines; i++)
		if (strcmp(lines[i].kind, kind) == 0 &&
		    (substring ? strstr(key, lines[i].key) != NULL
		               : strcmp(key, lines[i].key) == 0))
			return &lines[i];
	return NULL;
}

const struct scan_known *
scan_known_port(int port)
{
	char key[16];
	const struct known_line *l;

	snprintf(key, sizeof(key), "%d", port);
	return (l = find("port", key, 0)) != NULL ? &l->k : NULL;
}

const struct scan_known *
scan_known_path(const char *path)
{
	const struct known_line *l = find("path", path, 1);

	return l != NULL ? &l->k : NULL;
}

const char *
scan_known_port_type(const char *port_type)
{
	const struct known_line *l = find("port-type", port_type, 0);

	return l != NULL ? l->k.server : NULL;
}
