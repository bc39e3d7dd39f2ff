/*
 * target_check - check a module's calls and types against the target;
 * see target_check.h.
 *
 * The texts scanned are pfsel's own output: fragments filled with
 * validated values, and m4's expansion of them.  Each block of that text
 * follows a "# FILE:LINE: ..." comment naming its spec line, which is how
 * an error points back at the spec.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read_file.h"
#include "strbuf.h"
#include "target_check.h"
#include "xalloc.h"

/* A set of names, searched linearly: a module names a few dozen. */
struct names {
	char **items;
	size_t count;
};

static void
names_add(struct names *n, const char *name, size_t len)
{
	n->items = xreallocarray(n->items, n->count + 1, sizeof(char *));
	n->items[n->count++] = xstrndup(name, len);
}

static int
names_has(const struct names *n, const char *name)
{
	size_t i;

	for (i = 0; i < n->count; i++)
		if (strcmp(n->items[i], name) == 0)
			return 1;
	return 0;
}

static void
names_free(struct names *n)
{
	size_t i;

	for (i = 0; i < n->count; i++)
		free(n->items[i]);
	free(n->items);
}

static size_t
ident_len(const char *p)
{
	size_t n = 0;

	if (!isalpha((unsigned char)*p) && *p != '_')
		return 0;
	while (isalnum((unsigned char)p[n]) || p[n] == '_')
		n++;
	return n;
}

/*
 * "# FILE:LINE: ..." -> "FILE:LINE" into origin; other lines leave it.
 * (m4 copies comments to its output unexpanded, so they survive there.)
 */
static void
track_origin(const char *line, size_t len, char *origin, size_t size)
{
	const char *colon;
	size_t n;

	if (len < 4 || strncmp(line, "# ", 2) != 0)
		return;
	for (colon = line + 2;
	     (colon = memchr(colon, ':', len - (size_t)(colon - line))) != NULL;
	     colon++) {
		if (colon[1] != ' ' || colon[-1] < '0' || colon[-1] > '9')
			continue;
		n = (size_t)(colon - line - 2);
		snprintf(origin, size, "%.*s", (int)n, line + 2);
		return;
	}
}

/* Every word that follows opener (e.g. "interface(`") in text. */
static void
collect_after(struct names *out, const char *text, const char *opener)
{
	const char *p;
	size_t n;

	for (p = strstr(text, opener); p; p = strstr(p + 1, opener))
		if ((n = ident_len(p + strlen(opener))) > 0)
			names_add(out, p + strlen(opener), n);
}

/* The "FILE:LINE" of the last origin comment before pos. */
static void
origin_before(const char *text, const char *pos, char *origin, size_t size)
{
	const char *line, *next;

	*origin = '\0';
	for (line = text; line < pos && *line; line = next) {
		size_t len = strcspn(line, "\n");

		next = line + len + (line[len] == '\n');
		track_origin(line, len, origin, size);
	}
}

/* The end of the m4 quote `...' opening at p (nested quotes count). */
static const char *
quote_end(const char *p, const char *end)
{
	int depth = 0;

	for (; p < end; p++) {
		if (*p == '`')
			depth++;
		else if (*p == '\'' && --depth == 0)
			return p;
	}
	return NULL;
}

struct call_check {
	const char *text; /* the whole file, for origins */
	const struct devel_headers *h;
	const struct names *own;
	const char *devel_dir;
	struct why *why;
};

static int check_span(struct call_check *cc, const char *p, const char *end);

/*
 * ifdef(`NAME',`THEN'[,`ELSE']) as m4 will expand it with the target's
 * headers: only the branch taken is checked.  *next is set past it.
 * Returns 1 when p is no such ifdef (checked as text).
 */
static int
check_ifdef(struct call_check *cc, const char *p, const char *end,
            const char **next)
{
	const char *name = p + 7, *then, *then_end, *els = NULL,
	           *els_end = NULL;
	size_t n = ident_len(name);
	char guard[256];

	if (n == 0 || n >= sizeof(guard) || name[n] != '\'' ||
	    strncmp(name + n, "',`", 3) != 0)
		return 1;
	then = name + n + 2;
	if ((then_end = quote_end(then, end)) == NULL)
		return 1;
	*next = then_end + 1;
	if (strncmp(*next, ",`", 2) == 0) {
		els = *next + 1;
		if ((els_end = quote_end(els, end)) == NULL)
			return 1;
		*next = els_end + 1;
	}
	memcpy(guard, name, n);
	guard[n] = '\0';
	if (devel_headers_defines(cc->h, guard))
		return check_span(cc, then + 1, then_end);
	return els ? check_span(cc, els + 1, els_end) : 0;
}

/* Every NAME( between p and end, outside comments and "strings". */
static int
check_span(struct call_check *cc, const char *p, const char *end)
{
	char name[256], origin[512];
	const char *next;
	size_t n;

	while (p < end) {
		if (*p == '#') { /* a comment, to the end of the line */
			const char *nl = memchr(p, '\n', (size_t)(end - p));

			p = nl ? nl + 1 : end;
			continue;
		}
		if (*p == '"') { /* a file name: no calls inside */
			const char *q =
			    memchr(p + 1, '"', (size_t)(end - p - 1));

			p = q ? q + 1 : end;
			continue;
		}
		if ((n = ident_len(p)) == 0) {
			p++;
			continue;
		}
		if (p[n] != '(' || n >= sizeof(name)) {
			p += n;
			continue;
		}
		if (n == 5 && strncmp(p, "ifdef", 5) == 0) {
			int rc = check_ifdef(cc, p, end, &next);

			if (rc <= 0) {
				if (rc < 0)
					return -1;
				p = next;
				continue;
			}
		}
		memcpy(name, p, n);
		name[n] = '\0';
		if (strcmp(name, "ifdef") != 0 &&
		    !devel_headers_defines(cc->h, name) &&
		    !names_has(cc->own, name)) {
			origin_before(cc->text, p, origin, sizeof(origin));
			return why_set(cc->why,
			               "%s%s%s is not defined by the target's "
			               "devel headers (%s/include)",
			               origin, *origin ? ": " : "", name,
			               cc->devel_dir);
		}
		p += n;
	}
	return 0;
}

int
target_check_calls(struct policyinfo *pi, const struct module_text *mt,
                   struct why *why)
{
	const struct devel_headers *h = policyinfo_headers(pi, why);
	struct names own = {NULL, 0};
	struct call_check cc;
	int rc;

	if (h == NULL)
		return -1;
	collect_after(&own, strbuf_str(&mt->ifc), "interface(`");
	collect_after(&own, strbuf_str(&mt->ifc), "template(`");
	cc.h = h;
	cc.own = &own;
	cc.devel_dir = policyinfo_root(pi)->devel_dir;
	cc.why = why;
	cc.text = strbuf_str(&mt->te);
	rc = check_span(&cc, cc.text, cc.text + mt->te.len);
	if (rc == 0) {
		cc.text = strbuf_str(&mt->ifc);
		rc = check_span(&cc, cc.text, cc.text + mt->ifc.len);
	}
	names_free(&own);
	return rc;
}

/* The names of a "type a, b;" / "attribute a;" statement at p. */
static void
statement_names(struct names *out, const char *p, size_t len)
{
	const char *end = p + len;
	size_t n;

	while (p < end && *p != ';') {
		p += strspn(p, " \t,");
		if ((n = ident_len(p)) == 0)
			break;
		names_add(out, p, n);
		p += n;
		if (p < end && *p != ',' && *p != ';' && *p != ' ')
			break;
		p += strspn(p, " \t");
		if (p < end && *p != ',' && *p != ';')
			break; /* "type x alias y": only x is the name */
	}
}

/*
 * In the m4 output, requires are "require {" ... "}" blocks holding
 * "type a, b;" and "attribute a;"; a declaration is "type x;" or
 * "type x, attr;" outside them.  Only required types are checked: the
 * binary policy keeps every type, but not the attributes no rule uses
 * (Fedora's direct_run_init).  Each required name is remembered with
 * the spec origin of its block.  Requires inside "optional {" ... "} #
 * end optional" (optional_policy) only decide whether that block is
 * linked in: a name missing there is no error.
 */
static void
scan_expanded(const char *text, struct names *declared, struct names *required,
              struct names *origins)
{
	char origin[512] = "";
	const char *line, *next;
	int in_require = 0, optional = 0;

	for (line = text; *line; line = next) {
		size_t len = strcspn(line, "\n"), skip;
		const char *s;

		next = line + len + (line[len] == '\n');
		track_origin(line, len, origin, sizeof(origin));
		skip = strspn(line, " \t");
		s = line + skip;
		if (strncmp(s, "optional {", 10) == 0) {
			optional++;
			continue;
		}
		if (strncmp(s, "} # end optional", 16) == 0) {
			optional--;
			continue;
		}
		if (strncmp(s, "require {", 9) == 0) {
			in_require = 1;
			continue;
		}
		if (in_require && *s == '}') {
			in_require = 0;
			continue;
		}
		if (in_require && optional == 0 &&
		    strncmp(s, "type ", 5) == 0) {
			size_t before = required->count, i;

			statement_names(required, strchr(s, ' ') + 1,
			                len - skip -
			                    (size_t)(strchr(s, ' ') + 1 - s));
			for (i = before; i < required->count; i++)
				names_add(origins, origin, strlen(origin));
		} else if (!in_require && (strncmp(s, "type ", 5) == 0 ||
		                           strncmp(s, "attribute ", 10) == 0)) {
			size_t n = ident_len(strchr(s, ' ') + 1);

			names_add(declared, strchr(s, ' ') + 1, n);
		}
	}
}

static int
known(struct policyinfo *pi, const struct names *declared, const char *name)
{
	return names_has(declared, name) || policyinfo_has_type(pi, name);
}

/* gen_context(system_u:object_r:TYPE,s0) in each .fc line. */
static int
check_fc_types(struct policyinfo *pi, const char *fc, const char *fc_path,
               const struct names *declared, struct why *why)
{
	static const char marker[] = "gen_context(system_u:object_r:";
	char origin[512] = "", type[256];
	const char *line, *next, *at;

	for (line = fc; *line; line = next) {
		size_t len = strcspn(line, "\n"), n;

		next = line + len + (line[len] == '\n');
		track_origin(line, len, origin, sizeof(origin));
		if (*line == '#' || (at = strstr(line, marker)) == NULL ||
		    at > line + len)
			continue;
		at += sizeof(marker) - 1;
		n = ident_len(at);
		if (n == 0 || n >= sizeof(type))
			continue;
		memcpy(type, at, n);
		type[n] = '\0';
		if (!known(pi, declared, type))
			return why_set(why,
			               "%s%s%s labels files %s, a type neither "
			               "the module declares nor the target "
			               "policy has (%s)",
			               origin, *origin ? ": " : "", fc_path,
			               type,
			               policyinfo_root(pi)->binary_policy);
	}
	return 0;
}

int
target_check_types(struct policyinfo *pi, const char *outdir,
                   const char *module, struct why *why)
{
	char *tmp_path = xasprintf("%s/tmp/%s.tmp", outdir, module);
	char *fc_path = xasprintf("%s/%s.fc", outdir, module);
	struct names declared = {NULL, 0}, required = {NULL, 0},
	             origins = {NULL, 0};
	char *tmp = NULL, *fc = NULL;
	size_t i, len;
	int rc = -1;

	if (read_file(tmp_path, &tmp, &len, why) < 0 ||
	    read_file(fc_path, &fc, &len, why) < 0)
		goto out;
	scan_expanded(tmp, &declared, &required, &origins);
	for (i = 0; i < required.count; i++)
		if (!known(pi, &declared, required.items[i])) {
			why_set(why,
			        "%s%srequires %s, which the target policy does "
			        "not have (%s)",
			        origins.items[i], *origins.items[i] ? ": " : "",
			        required.items[i],
			        policyinfo_root(pi)->binary_policy);
			goto out;
		}
	rc = check_fc_types(pi, fc, fc_path, &declared, why);
out:
	free(tmp);
	free(fc);
	free(tmp_path);
	free(fc_path);
	names_free(&declared);
	names_free(&required);
	names_free(&origins);
	return rc;
}
