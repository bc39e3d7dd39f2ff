/*
 * review_iface - refpolicy interface calls for the remaining allow
 * rules; see review_iface.h.  Called by cmd_review.c.
 *
 * The file is sepolgen-ifgen's: a header per interface,
 *   [InterfaceVector NAME $1:source ]
 * then one line per access vector it grants,
 *   SOURCE,TARGET,CLASS,PERM[,PERM...]
 * with $N for parameters.  It is read whole and cut up in place.  Only
 * interfaces whose one parameter is the source domain are candidates:
 * those are the calls an admin can write with the denied domain alone.
 */
#include "review_iface.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "read_file.h"
#include "xalloc.h"

struct ifline {
	const char *src, *tgt, *cls;
	const char **perms;
	int nperms;
	size_t iface;
};

struct iface {
	const char *name;
	int usable;   /* one parameter, the source; no side effects */
	int types_ok; /* -1 not known yet, else its types are in the policy */
	long grants;  /* (type, type, class, perm) it grants, attributes
	                 counted by their members; known with types_ok */
	size_t first, nlines;
	int reads_only; /* every line grants reads alone */
	/* per request, see rv_iface_choose */
	unsigned long stamp;
	uint64_t covered;
};

/* The lines of one class whose source is $1, for candidate search. */
struct class_lines {
	const char *cls;
	size_t *v;
	size_t n;
};

struct rv_ifaces {
	char *buf;
	struct iface *ifaces;
	size_t nifaces;
	struct ifline *lines;
	size_t nlines;
	const char **perms; /* all lines' permissions; lines index into it */
	size_t nperms;
	struct class_lines *classes;
	size_t nclasses;
	size_t *touched;
	unsigned long stamp;
};

/* Permissions that only look: a request made of these alone is a read,
 * and a read is only given an interface that grants nothing else (no
 * manage_*, no append, no execute). */
static const char *const reads[] = {
    "getattr", "read", "search", "open", "lock", "ioctl", "map",
};

static int
is_read(const char *perm)
{
	size_t i;

	for (i = 0; i < sizeof(reads) / sizeof(reads[0]); i++)
		if (strcmp(perm, reads[i]) == 0)
			return 1;
	return 0;
}

/* Room for one more element in an array of n: capacities are the
 * powers of two, so the ~120k permissions cost ~17 reallocations. */
static void *
grow(void *v, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0)
		v = xreallocarray(v, n == 0 ? 1 : n * 2, size);
	return v;
}

void
rv_ifaces_free(struct rv_ifaces *ifs)
{
	size_t i;

	if (ifs == NULL)
		return;
	for (i = 0; i < ifs->nclasses; i++)
		free(ifs->classes[i].v);
	free(ifs->classes);
	free(ifs->touched);
	free(ifs->perms);
	free(ifs->lines);
	free(ifs->ifaces);
	free(ifs->buf);
	free(ifs);
}

/*
 * Interfaces that do more than their access vectors show: the vectors
 * leave out type transitions and role statements, and dontaudit
 * interfaces grant nothing.  Known by refpolicy's naming.
 */
static int
side_effects(const char *name)
{
	static const char *const parts[] = {
	    "filetrans", "domtrans", "_run_", "_role", "_admin", "dontaudit",
	};
	size_t i;
	size_t n = strlen(name);

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (strstr(name, parts[i]) != NULL)
			return 1;
	/* ..._run, ..._admin at the end */
	return (n > 4 && strcmp(name + n - 4, "_run") == 0);
}

/* "[InterfaceVector NAME $1:source ]" */
static int
parse_header(struct rv_ifaces *ifs, char *line, const char *path, int lineno,
             struct why *why)
{
	struct iface *f;
	char *name, *p, *end = strchr(line, ']');
	int nparams = 0, source1 = 0;

	if (strncmp(line, "[InterfaceVector ", 17) != 0 || end == NULL)
		return why_at(why, path, lineno,
		              "not an [InterfaceVector NAME ...] header");
	*end = '\0';
	name = strtok_r(line + 17, " ", &p);
	if (name == NULL)
		return why_at(why, path, lineno, "interface without a name");
	for (char *w; (w = strtok_r(NULL, " ", &p)) != NULL; nparams++)
		source1 |= strcmp(w, "$1:source") == 0;
	ifs->ifaces = grow(ifs->ifaces, ifs->nifaces, sizeof(*ifs->ifaces));
	f = &ifs->ifaces[ifs->nifaces++];
	memset(f, 0, sizeof(*f));
	f->name = name;
	f->usable = nparams == 1 && source1 && !side_effects(name);
	f->types_ok = -1;
	f->reads_only = 1;
	f->first = ifs->nlines;
	return 0;
}

/* A type field: "$1" or a type or attribute name; any other parameter
 * ($2, $1_t of a template) makes the interface unusable here. */
static int
plain_type(const char *t)
{
	return strcmp(t, "$1") == 0 || strchr(t, '$') == NULL;
}

/* "SOURCE,TARGET,CLASS,PERM[,PERM...]" */
static int
parse_vector(struct rv_ifaces *ifs, char *line, const char *path, int lineno,
             struct why *why)
{
	struct iface *f;
	struct ifline *l;
	char *field[3], *p = line, *comma;
	int i;

	if (ifs->nifaces == 0)
		return why_at(why, path, lineno,
		              "access vector before any [InterfaceVector]");
	for (i = 0; i < 3; i++) {
		comma = strchr(p, ',');
		if (comma == NULL || comma == p)
			return why_at(why, path, lineno,
			              "want SOURCE,TARGET,CLASS,PERM...");
		*comma = '\0';
		field[i] = p;
		p = comma + 1;
	}
	f = &ifs->ifaces[ifs->nifaces - 1];
	ifs->lines = grow(ifs->lines, ifs->nlines, sizeof(*ifs->lines));
	l = &ifs->lines[ifs->nlines++];
	l->src = field[0];
	l->tgt = field[1];
	l->cls = field[2];
	l->iface = ifs->nifaces - 1;
	l->perms = (const char **)(uintptr_t)ifs->nperms; /* index for now */
	l->nperms = 0;
	for (char *w = strtok_r(p, ",", &comma); w != NULL;
	     w = strtok_r(NULL, ",", &comma)) {
		ifs->perms = grow(ifs->perms, ifs->nperms, sizeof(*ifs->perms));
		ifs->perms[ifs->nperms++] = w;
		l->nperms++;
		f->reads_only &= is_read(w);
	}
	if (l->nperms == 0)
		return why_at(why, path, lineno, "access vector without perms");
	if (!plain_type(l->src) || !plain_type(l->tgt))
		f->usable = 0;
	f->nlines++;
	return 0;
}

static struct class_lines *
class_find(struct rv_ifaces *ifs, const char *cls)
{
	size_t i;

	for (i = 0; i < ifs->nclasses; i++)
		if (strcmp(ifs->classes[i].cls, cls) == 0)
			return &ifs->classes[i];
	return NULL;
}

/* Perm pointers are fixed once the array stops moving; then the lines
 * of usable interfaces whose source is $1 are filed by class. */
static void
index_lines(struct rv_ifaces *ifs)
{
	size_t i;

	for (i = 0; i < ifs->nlines; i++) {
		struct ifline *l = &ifs->lines[i];
		struct class_lines *c;

		l->perms = ifs->perms + (uintptr_t)l->perms;
		if (!ifs->ifaces[l->iface].usable || strcmp(l->src, "$1") != 0)
			continue;
		if ((c = class_find(ifs, l->cls)) == NULL) {
			ifs->classes = grow(ifs->classes, ifs->nclasses,
			                    sizeof(*ifs->classes));
			c = &ifs->classes[ifs->nclasses++];
			c->cls = l->cls;
			c->v = NULL;
			c->n = 0;
		}
		c->v = grow(c->v, c->n, sizeof(*c->v));
		c->v[c->n++] = i;
	}
	ifs->touched = xcalloc(ifs->nifaces + 1, sizeof(*ifs->touched));
}

struct rv_ifaces *
rv_ifaces_parse(char *buf, const char *name, struct why *why)
{
	struct rv_ifaces *ifs = xcalloc(1, sizeof(*ifs));
	char *line, *next;
	int lineno = 0, rc = 0;

	ifs->buf = buf;
	for (line = buf; rc == 0 && line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		line[strcspn(line, "\r")] = '\0';
		if (line[0] == '\0')
			continue;
		if (line[0] == '[')
			rc = parse_header(ifs, line, name, lineno, why);
		else
			rc = parse_vector(ifs, line, name, lineno, why);
	}
	if (rc == 0 && ifs->nifaces == 0)
		rc = why_set(why, "%s: no [InterfaceVector] in it", name);
	if (rc < 0) {
		rv_ifaces_free(ifs);
		return NULL;
	}
	index_lines(ifs);
	return ifs;
}

struct rv_ifaces *
rv_ifaces_load(const char *path, struct why *why)
{
	char *buf;
	size_t len;

	if (read_file(path, &buf, &len, why) < 0)
		return NULL;
	if (memchr(buf, '\0', len) != NULL) {
		why_set(why, "%s: binary data, not interface vectors", path);
		free(buf);
		return NULL;
	}
	return rv_ifaces_parse(buf, path, why);
}

static int
line_has(const struct ifline *l, const char *perm)
{
	int i;

	for (i = 0; i < l->nperms; i++)
		if (strcmp(l->perms[i], perm) == 0)
			return 1;
	return 0;
}

/*
 * Does the line grant on ttype itself (or on the domain, $1, for a
 * request on itself)?  A line on an attribute of ttype covers it too,
 * but grants the same on every other member: files_write_all_mountpoints
 * for a write to var_log_t.  An allow rule is narrower than that.
 */
static int
target_is(const struct ifline *l, const char *stype, const char *ttype)
{
	if (strcmp(l->tgt, "$1") == 0)
		return strcmp(ttype, stype) == 0;
	return strcmp(l->tgt, ttype) == 0;
}

/* How many types a line's source or target stands for; $1 is one. */
static long
side_count(struct rv_policy *pol, const char *t)
{
	return strcmp(t, "$1") == 0
	           ? 1
	           : sepolicy_type_count(rv_policy_sepolicy(pol), t);
}

/*
 * Every type an interface names exists (or its call would not build),
 * and what it grants in all, counted in the policy: a line on an
 * attribute grants its permissions on every member.
 */
static int
types_ok(struct rv_ifaces *ifs, struct rv_policy *pol, struct iface *f)
{
	size_t i;

	if (f->types_ok < 0) {
		f->types_ok = 1;
		f->grants = 0;
		for (i = f->first; i < f->first + f->nlines; i++) {
			const struct ifline *l = &ifs->lines[i];
			long s = side_count(pol, l->src),
			     t = side_count(pol, l->tgt);

			if (s == 0 || t == 0)
				f->types_ok = 0;
			f->grants += s * t * l->nperms;
		}
	}
	return f->types_ok;
}

/* Is a narrower than b: fewer permissions, then fewer lines, then by
 * name so that the answer does not depend on the file's order. */
static int
narrower(const struct iface *a, const struct iface *b)
{
	if (b == NULL || a->grants != b->grants)
		return b == NULL || a->grants < b->grants;
	if (a->nlines != b->nlines)
		return a->nlines < b->nlines;
	return strcmp(a->name, b->name) < 0;
}

const char *
rv_iface_choose(struct rv_ifaces *ifs, struct rv_policy *pol, const char *stype,
                const char *ttype, const char *tclass, const char *const *perms,
                int nperms, int *grants)
{
	struct class_lines *c = class_find(ifs, tclass);
	struct iface *best = NULL;
	uint64_t all;
	size_t k, ntouched = 0;
	int i, read_only = 1;

	if (c == NULL || pol == NULL || nperms <= 0 || nperms > 64)
		return NULL;
	all = nperms == 64 ? ~(uint64_t)0 : ((uint64_t)1 << nperms) - 1;
	for (i = 0; i < nperms; i++)
		read_only &= is_read(perms[i]);
	ifs->stamp++;
	for (k = 0; k < c->n; k++) {
		const struct ifline *l = &ifs->lines[c->v[k]];
		struct iface *f = &ifs->ifaces[l->iface];

		if (!target_is(l, stype, ttype))
			continue;
		if (f->stamp != ifs->stamp) {
			f->stamp = ifs->stamp;
			f->covered = 0;
			ifs->touched[ntouched++] = l->iface;
		}
		for (i = 0; i < nperms; i++)
			if (line_has(l, perms[i]))
				f->covered |= (uint64_t)1 << i;
	}
	for (k = 0; k < ntouched; k++) {
		struct iface *f = &ifs->ifaces[ifs->touched[k]];

		if (f->covered != all || (read_only && !f->reads_only) ||
		    !types_ok(ifs, pol, f) || !narrower(f, best))
			continue;
		best = f;
	}
	if (best == NULL)
		return NULL;
	*grants = best->grants > INT_MAX ? INT_MAX : (int)best->grants;
	return best->name;
}
