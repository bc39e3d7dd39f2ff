/*
 * label_fc - read file_contexts text files; see label_fc.h.
 *
 * The format is libselinux's: one "REGEX [TYPE] CONTEXT" per line,
 * fields separated by blanks, '#' comments, blank lines ignored.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "label_fc.h"
#include "xalloc.h"

long
label_fc_mode(const char *f)
{
	static const struct {
		const char *name;
		mode_t mode;
	} modes[] = {
	    {"--", S_IFREG},  {"-d", S_IFDIR}, {"-c", S_IFCHR}, {"-b", S_IFBLK},
	    {"-s", S_IFSOCK}, {"-l", S_IFLNK}, {"-p", S_IFIFO},
	};
	size_t i;

	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (strcmp(f, modes[i].name) == 0)
			return (long)modes[i].mode;
	return -1;
}

static const char *
add_file(struct label_fc *fc, const char *name)
{
	fc->files = xreallocarray(fc->files, fc->nfiles + 1, sizeof(char *));
	fc->files[fc->nfiles] = xstrdup(name);
	return fc->files[fc->nfiles++];
}

/* Split one line into at most max blank-separated fields, in place. */
static size_t
split_fields(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;

	for (;;) {
		p += strspn(p, " \t\r\v\f");
		if (*p == '\0')
			return n;
		if (n == max)
			return max + 1;
		fields[n++] = p;
		p += strcspn(p, " \t\r\v\f");
		if (*p != '\0')
			*p++ = '\0';
	}
}

/* Call fn on every non-comment line, with its number; stop on error. */
static int
each_line(const char *text, size_t len,
          int (*fn)(void *, char *, int, struct why *), void *arg,
          struct why *why)
{
	size_t start = 0;
	int lineno = 0;

	while (start < len) {
		const char *nl = memchr(text + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - text) : len;
		char *line = xstrndup(text + start, end - start);
		char *p = line + strspn(line, " \t\r\v\f");
		int rc = 0;

		lineno++;
		/* An embedded NUL would hide the rest of the line. */
		if (strlen(line) != end - start)
			rc = why_set(why, "line %d: NUL byte", lineno);
		else if (*p != '\0' && *p != '#')
			rc = fn(arg, p, lineno, why);
		free(line);
		if (rc < 0)
			return -1;
		start = end + 1;
	}
	return 0;
}

struct parse_ctx {
	struct label_fc *fc;
	const char *name;
};

static int
spec_line(void *arg, char *line, int lineno, struct why *why)
{
	struct parse_ctx *pc = arg;
	struct label_fc_spec *s;
	char *f[3];
	size_t n = split_fields(line, f, 3);
	long mode = 0;

	if (n < 2 || n > 3)
		return why_at(why, pc->name, lineno,
		              "expected \"REGEX [TYPE] CONTEXT\"");
	if (n == 3 && (mode = label_fc_mode(f[1])) < 0)
		return why_at(why, pc->name, lineno, "unknown file type \"%s\"",
		              f[1]);
	pc->fc->specs = xreallocarray(pc->fc->specs, pc->fc->nspecs + 1,
	                              sizeof(*pc->fc->specs));
	s = &pc->fc->specs[pc->fc->nspecs++];
	s->regex = xstrdup(f[0]);
	s->mode = (mode_t)mode;
	s->context = xstrdup(f[n - 1]);
	s->file = pc->name;
	s->line = lineno;
	return 0;
}

static int
sub_line(void *arg, char *line, int lineno, struct why *why)
{
	struct parse_ctx *pc = arg;
	struct label_fc_sub *s;
	char *f[2];

	if (split_fields(line, f, 2) != 2)
		return why_at(why, pc->name, lineno, "expected \"SRC DST\"");
	pc->fc->subs = xreallocarray(pc->fc->subs, pc->fc->nsubs + 1,
	                             sizeof(*pc->fc->subs));
	s = &pc->fc->subs[pc->fc->nsubs++];
	s->src = xstrdup(f[0]);
	s->dst = xstrdup(f[1]);
	return 0;
}

static int
parse_with(struct label_fc *fc, const char *name, const char *text, size_t len,
           int (*fn)(void *, char *, int, struct why *), struct why *why)
{
	struct parse_ctx pc = {fc, add_file(fc, name)};
	struct why inner;

	if (each_line(text, len, fn, &pc, &inner) < 0) {
		/* each_line's own errors lack the file name. */
		if (strncmp(inner.text, "line ", 5) == 0)
			return why_set(why, "%s: %s", name, inner.text);
		*why = inner;
		return -1;
	}
	return 0;
}

int
label_fc_parse(struct label_fc *fc, const char *name, const char *text,
               size_t len, struct why *why)
{
	return parse_with(fc, name, text, len, spec_line, why);
}

int
label_fc_parse_subs(struct label_fc *fc, const char *name, const char *text,
                    size_t len, struct why *why)
{
	return parse_with(fc, name, text, len, sub_line, why);
}

/* Read a whole file; 1 when it does not exist. */
static int
slurp(const char *path, char **text, size_t *len, struct why *why)
{
	FILE *fp = fopen(path, "re");
	char buf[65536];
	size_t n, cap = 0;

	*text = NULL;
	*len = 0;
	if (fp == NULL)
		return errno == ENOENT ? 1 : why_errno(why, "%s", path);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		if (*len + n > cap) {
			cap = (*len + n) * 2;
			*text = xreallocarray(*text, cap, 1);
		}
		memcpy(*text + *len, buf, n);
		*len += n;
	}
	if (ferror(fp)) {
		why_errno(why, "%s", path);
		fclose(fp);
		free(*text);
		return -1;
	}
	fclose(fp);
	return 0;
}

int
label_fc_load(struct label_fc *fc, const char *path, struct why *why)
{
	static const struct {
		const char *suffix;
		int subs, required;
	} parts[] = {
	    {"", 0, 1},           {".homedirs", 0, 0}, {".local", 0, 0},
	    {".subs_dist", 1, 0}, {".subs", 1, 0},
	};
	size_t i;

	memset(fc, 0, sizeof(*fc));
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		char *name = xasprintf("%s%s", path, parts[i].suffix);
		char *text;
		size_t len;
		int rc = slurp(name, &text, &len, why);

		if (rc == 1 && parts[i].required)
			rc = why_set(why, "%s: no such file", name);
		if (rc == 0)
			rc = parts[i].subs
			         ? label_fc_parse_subs(fc, name, text, len, why)
			         : label_fc_parse(fc, name, text, len, why);
		free(text);
		free(name);
		if (rc < 0) {
			label_fc_free(fc);
			return -1;
		}
	}
	return 0;
}

void
label_fc_free(struct label_fc *fc)
{
	size_t i;

	for (i = 0; i < fc->nspecs; i++) {
		free(fc->specs[i].regex);
		free(fc->specs[i].context);
	}
	for (i = 0; i < fc->nsubs; i++) {
		free(fc->subs[i].src);
		free(fc->subs[i].dst);
	}
	for (i = 0; i < fc->nfiles; i++)
		free(fc->files[i]);
	free(fc->specs);
	free(fc->subs);
	free(fc->files);
	memset(fc, 0, sizeof(*fc));
}
