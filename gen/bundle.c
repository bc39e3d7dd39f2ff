/*
 * bundle - read and write the bundle format; see bundle.h.
 *
 * The parser is written for hostile input: every length is bounded
 * before anything is allocated, numbers are plain decimal, names and
 * paths are checked byte by byte, and nothing may follow "end".
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle.h"
#include "xalloc.h"

struct cursor {
	const char *name;
	const char *p, *end;
	int line;
};

/* The next line, without its newline, in buf: 1, 0 at the end, -1. */
static int
next_line(struct cursor *c, char *buf, size_t size, struct why *why)
{
	const char *nl;
	size_t n;

	if (c->p == c->end)
		return 0;
	c->line++;
	nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
	if (nl == NULL)
		return why_at(why, c->name, c->line, "last line has no newline");
	n = (size_t)(nl - c->p);
	if (n >= size)
		return why_at(why, c->name, c->line, "line too long");
	memcpy(buf, c->p, n);
	buf[n] = '\0';
	if (strlen(buf) != n)
		return why_at(why, c->name, c->line, "line holds a NUL byte");
	c->p = nl + 1;
	return 1;
}

/* Plain decimal, no sign, no leading zero, at most max. */
static int
parse_number(const char *s, long max, long *out)
{
	long n = 0;

	if (*s < '0' || *s > '9' || (s[0] == '0' && s[1] != '\0'))
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
		if (n > max)
			return -1;
	}
	*out = n;
	return 0;
}

/* [a-z][a-z0-9_]*, as the spec's module names. */
static int
valid_module(const char *s)
{
	size_t i;

	if (s[0] < 'a' || s[0] > 'z' || strlen(s) > 32)
		return 0;
	for (i = 1; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

/* An identifier as the policy languages write types. */
static int
valid_type(const char *s)
{
	size_t i;

	if (*s == '\0' || strlen(s) > 255)
		return 0;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

static int
valid_proto(const char *s)
{
	return strcmp(s, "tcp") == 0 || strcmp(s, "udp") == 0 ||
	       strcmp(s, "sctp") == 0 || strcmp(s, "dccp") == 0;
}

/* Absolute, printable ASCII: the spec allows no other path bytes. */
static int
valid_path(const char *s)
{
	size_t i;

	if (s[0] != '/' || strlen(s) >= PATH_MAX)
		return 0;
	for (i = 0; s[i]; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			return 0;
	return 1;
}

static int
parse_port(struct cursor *c, char *args, struct bundle *b, struct why *why)
{
	struct bundle_port *p;
	char *f[4], *sp;
	long low, high;
	size_t n;

	/* Exactly four fields, one space between each. */
	for (n = 0; n < 4; n++) {
		f[n] = args;
		sp = strchr(args, ' ');
		if ((sp == NULL) != (n == 3))
			return why_at(why, c->name, c->line,
			              "malformed port record");
		if (sp) {
			*sp = '\0';
			args = sp + 1;
		}
	}
	if (!valid_proto(f[0]))
		return why_at(why, c->name, c->line, "unknown protocol");
	if (parse_number(f[1], 65535, &low) < 0 ||
	    parse_number(f[2], 65535, &high) < 0 || low > high)
		return why_at(why, c->name, c->line, "bad port range");
	if (!valid_type(f[3]))
		return why_at(why, c->name, c->line, "bad type");
	b->ports = xreallocarray(b->ports, b->nports + 1, sizeof(*b->ports));
	p = &b->ports[b->nports++];
	snprintf(p->proto, sizeof(p->proto), "%s", f[0]);
	p->low = (int)low;
	p->high = (int)high;
	p->type = xstrdup(f[3]);
	return 0;
}

static int
count_newlines(const char *s, size_t n)
{
	int count = 0;
	size_t i;

	for (i = 0; i < n; i++)
		count += s[i] == '\n';
	return count;
}

/* "KEY LENGTH", then LENGTH bytes and a newline. */
static int
parse_blob(struct cursor *c, const char *key, long max, char **out,
           size_t *outlen, struct why *why)
{
	char line[64], *sp;
	long n;

	if (next_line(c, line, sizeof(line), why) <= 0)
		return why->text[0] ? -1
		                    : why_at(why, c->name, c->line + 1,
		                             "missing %s blob", key);
	sp = strchr(line, ' ');
	if (sp == NULL || (size_t)(sp - line) != strlen(key) ||
	    strncmp(line, key, strlen(key)) != 0)
		return why_at(why, c->name, c->line, "want \"%s LENGTH\"", key);
	if (parse_number(sp + 1, max, &n) < 0)
		return why_at(why, c->name, c->line,
		              "bad %s length (at most %ld)", key, max);
	if ((size_t)(c->end - c->p) < (size_t)n + 1 || c->p[n] != '\n')
		return why_at(why, c->name, c->line,
		              "the %s blob is cut short", key);
	*out = xmalloc((size_t)n + 1);
	memcpy(*out, c->p, (size_t)n);
	(*out)[n] = '\0';
	*outlen = (size_t)n;
	c->p += n + 1;
	/* The blob's lines count, so that later line numbers are right. */
	c->line += 1 + count_newlines(*out, (size_t)n);
	return 0;
}

/* The module, port and tree records, up to the spec blob. */
static int
parse_records(struct cursor *c, struct bundle *b, struct why *why)
{
	char line[PATH_MAX + 16];
	const char *next;
	int rc;

	if (next_line(c, line, sizeof(line), why) <= 0 ||
	    strncmp(line, "module ", 7) != 0)
		return why->text[0] ? -1
		                    : why_at(why, c->name, c->line,
		                             "want \"module NAME\"");
	if (!valid_module(line + 7))
		return why_at(why, c->name, c->line, "bad module name");
	b->module = xstrdup(line + 7);
	for (;;) {
		next = c->p;
		if ((rc = next_line(c, line, sizeof(line), why)) <= 0)
			return rc < 0 ? -1
			              : why_at(why, c->name, c->line + 1,
			                       "missing spec blob");
		if (b->nports + b->ntrees >= BUNDLE_MAX_RECORDS)
			return why_at(why, c->name, c->line,
			              "more than %d records", BUNDLE_MAX_RECORDS);
		if (strncmp(line, "port ", 5) == 0 && b->ntrees == 0) {
			if (parse_port(c, line + 5, b, why) < 0)
				return -1;
		} else if (strncmp(line, "tree ", 5) == 0) {
			if (!valid_path(line + 5))
				return why_at(why, c->name, c->line,
				              "tree must be an absolute "
				              "printable path");
			b->trees = xreallocarray(b->trees, b->ntrees + 1,
			                         sizeof(*b->trees));
			b->trees[b->ntrees++] = xstrdup(line + 5);
		} else if (strncmp(line, "spec ", 5) == 0) {
			c->p = next; /* parse_blob reads it again */
			c->line--;
			return 0;
		} else {
			return why_at(why, c->name, c->line,
			              "unknown or misplaced record");
		}
	}
}

int
bundle_is(const char *data, size_t len)
{
	return len >= strlen(BUNDLE_HEADER) &&
	       memcmp(data, BUNDLE_HEADER, strlen(BUNDLE_HEADER)) == 0;
}

int
bundle_parse(const char *name, const char *data, size_t len, struct bundle *b,
             struct why *why)
{
	struct cursor c = {name, data, data + len, 1};
	char line[8];

	memset(b, 0, sizeof(*b));
	why->text[0] = '\0';
	if (len > BUNDLE_MAX_SIZE)
		return why_set(why, "%s: larger than %d bytes", name,
		               BUNDLE_MAX_SIZE);
	if (!bundle_is(data, len))
		return why_at(why, name, 1, "not a pfsel bundle (want \"%.*s\")",
		              (int)strlen(BUNDLE_HEADER) - 1, BUNDLE_HEADER);
	c.p += strlen(BUNDLE_HEADER);
	if (parse_records(&c, b, why) < 0 ||
	    parse_blob(&c, "spec", BUNDLE_MAX_SPEC, &b->spec, &b->spec_len,
	               why) < 0 ||
	    parse_blob(&c, "pp", BUNDLE_MAX_SIZE, &b->pp, &b->pp_len, why) < 0)
		goto bad;
	if (next_line(&c, line, sizeof(line), why) <= 0 ||
	    strcmp(line, "end") != 0) {
		if (!why->text[0])
			why_at(why, name, c.line, "want \"end\"");
		goto bad;
	}
	if (c.p != c.end) {
		why_at(why, name, c.line + 1, "bytes after \"end\"");
		goto bad;
	}
	return 0;
bad:
	bundle_free(b);
	return -1;
}

int
bundle_load(const char *path, struct bundle *b, struct why *why)
{
	char *data = NULL;
	struct stat st;
	ssize_t n;
	size_t len = 0;
	int fd, rc;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)) < 0)
		return why_errno(why, "cannot open %s", path);
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return why_set(why, "%s: not a regular file", path);
	}
	if (st.st_size > BUNDLE_MAX_SIZE) {
		close(fd);
		return why_set(why, "%s: larger than %d bytes", path,
		               BUNDLE_MAX_SIZE);
	}
	data = xmalloc((size_t)st.st_size + 1);
	while (len < (size_t)st.st_size &&
	       (n = read(fd, data + len, (size_t)st.st_size - len)) > 0)
		len += (size_t)n;
	close(fd);
	if (len != (size_t)st.st_size) {
		free(data);
		return why_set(why, "%s: changed or unreadable while read",
		               path);
	}
	if (!bundle_is(data, len)) {
		free(data);
		return 0;
	}
	rc = bundle_parse(path, data, len, b, why);
	free(data);
	return rc < 0 ? -1 : 1;
}

int
bundle_format(const struct bundle *b, struct strbuf *out, struct why *why)
{
	size_t i;

	if (!valid_module(b->module))
		return why_set(why, "bundle: bad module name");
	if (b->nports + b->ntrees >= BUNDLE_MAX_RECORDS ||
	    b->spec_len > BUNDLE_MAX_SPEC)
		return why_set(why, "bundle: too large");
	strbuf_adds(out, BUNDLE_HEADER);
	strbuf_addf(out, "module %s\n", b->module);
	for (i = 0; i < b->nports; i++) {
		const struct bundle_port *p = &b->ports[i];

		if (!valid_proto(p->proto) || !valid_type(p->type) ||
		    p->low < 0 || p->high > 65535 || p->low > p->high)
			return why_set(why, "bundle: bad port record");
		strbuf_addf(out, "port %s %d %d %s\n", p->proto, p->low,
		            p->high, p->type);
	}
	for (i = 0; i < b->ntrees; i++) {
		if (!valid_path(b->trees[i]))
			return why_set(why, "bundle: bad tree");
		strbuf_addf(out, "tree %s\n", b->trees[i]);
	}
	strbuf_addf(out, "spec %zu\n", b->spec_len);
	strbuf_addmem(out, b->spec, b->spec_len);
	strbuf_addf(out, "\npp %zu\n", b->pp_len);
	strbuf_addmem(out, b->pp, b->pp_len);
	strbuf_adds(out, "\nend\n");
	if (out->len > BUNDLE_MAX_SIZE)
		return why_set(why, "bundle: larger than %d bytes",
		               BUNDLE_MAX_SIZE);
	return 0;
}

void
bundle_free(struct bundle *b)
{
	size_t i;

	free(b->module);
	for (i = 0; i < b->nports; i++)
		free(b->ports[i].type);
	free(b->ports);
	for (i = 0; i < b->ntrees; i++)
		free(b->trees[i]);
	free(b->trees);
	free(b->spec);
	free(b->pp);
	memset(b, 0, sizeof(*b));
}
