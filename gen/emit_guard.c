/*
 * emit_guard - what a spec may label and name, asked of the target
 * policy while the module is emitted, before anything is written.
 *
 * pfsel-gen runs as root and installs whatever its .fc says, so a spec
 * (or a main.cf that scan turned into one) naming /etc/shadow, sshd's
 * program or the Postfix queue would relabel them.  Every path a section
 * labels is looked up in the target root's file contexts, and when the
 * section labels a whole tree, so is every entry of those file contexts
 * inside it.  A path keeps being the policy's business when:
 *
 *   - policy/label-guard lists it (or, for a tree, anything inside it):
 *     / and top-level system directories, Postfix's own trees and master;
 *   - it is a command = named like a program policy/label-guard lists
 *     (interpreters and shells, Postfix's programs), in any directory;
 *   - its type is one policy/label-guard protects (other domains'
 *     entrypoints, authentication and security files, keys, Postfix's
 *     own types);
 *   - its type is any other specific type and the section does not name
 *     it in replaces =.
 *
 * A type the section's own .fc lines assign (an earlier install of the
 * same module, a directory the stock policy already types as asked) or
 * that policy/milters.map gives the section's server is no conflict;
 * neither is a type of policy/generic-types.  The same map says what a
 * server = and a port's type = must be.  Called through ctx_label(),
 * ctx_check_server() and ctx_check_port_type() (emit_ctx.h).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emit_ctx.h"
#include "policy_file.h"
#include "read_file.h"
#include "xalloc.h"

/*
 * The value of the next "KIND VALUE" line of policy/label-guard at or
 * after *pos (a string of the context), or NULL at the end.
 */
static const char *
guard_next(struct emit_ctx *c, const char *kind, const char **pos)
{
	const char *line, *next;
	size_t n = strlen(kind);

	for (line = *pos; *line; line = next) {
		const char *value;

		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (strncmp(line, kind, n) != 0 ||
		    (line[n] != ' ' && line[n] != '\t'))
			continue;
		value = line + n + strspn(line + n, " \t");
		*pos = next;
		return ctx_str(c, "%.*s", (int)strcspn(value, " \t\n"), value);
	}
	*pos = line;
	return NULL;
}

/* a lies strictly inside the tree b */
static int
strictly_inside(const char *a, const char *b)
{
	size_t n = strlen(b);

	return strncmp(a, b, n) == 0 && a[n] == '/';
}

int
ctx_protected_type(struct emit_ctx *c, const char *type)
{
	const char *pos = c->guard_map, *name;

	while ((name = guard_next(c, "type", &pos)) != NULL)
		if (policyinfo_type_is(c->pi, type, name))
			return 1;
	/* An attribute the policy lacks protects nothing (type_is on the
	 * attribute itself tells whether it exists). */
	pos = c->guard_map;
	while ((name = guard_next(c, "file-without", &pos)) != NULL)
		if (policyinfo_type_is(c->pi, name, name) &&
		    policyinfo_type_is(c->pi, type,
		                       policy_type("file-types")) &&
		    !policyinfo_type_is(c->pi, type, name))
			return 1;
	return 0;
}

/* A type the claim may meet on its paths without replaces =. */
static int
own_type(struct emit_ctx *c, const struct label_claim *claim,
         const char *own_fc, const char *type)
{
	const char *needle = ctx_str(c, "object_r:%s,", type);
	int column;

	if (strstr(own_fc, needle))
		return 1;
	for (column = 1; claim->server && column <= 2; column++) {
		const char *mapped =
		    ctx_map(c, c->milter_map, claim->server, column);

		if (mapped && strcmp(mapped, type) == 0)
			return 1;
	}
	return 0;
}

static int
replaced(const struct label_claim *claim, const char *type)
{
	size_t i;

	for (i = 0; claim->replaces && i < claim->replaces->count; i++)
		if (strcmp(claim->replaces->items[i].path, type) == 0)
			return 1;
	return 0;
}

/* The verdict on one path the claim would relabel, of type type. */
static int
check_type(struct emit_ctx *c, const struct label_claim *claim,
           const char *own_fc, const char *path, const char *type)
{
	if (type == NULL || own_type(c, claim, own_fc, type) ||
	    ctx_map(c, c->generic_types, type, 0))
		return 0;
	if (ctx_protected_type(c, type))
		return ctx_fail(c, claim->at,
		                "%s = %s: the policy gives %s type %s, which "
		                "pfsel never relabels (policy/label-guard)",
		                claim->what, claim->path, path, type);
	if (replaced(claim, type))
		return 0;
	return ctx_fail(c, claim->at,
	                "%s = %s: the policy already gives %s type %s; the "
	                "section takes it over only with \"replaces = %s\"",
	                claim->what, claim->path, path, type, type);
}

static int
check_protected_paths(struct emit_ctx *c, const struct label_claim *claim)
{
	const char *pos = c->guard_map, *path;

	while ((path = guard_next(c, "path", &pos)) != NULL) {
		if (strcmp(path, claim->path) == 0)
			return ctx_fail(c, claim->at,
			                "%s = %s: a system or Postfix path "
			                "pfsel never labels "
			                "(policy/label-guard)",
			                claim->what, claim->path);
		if (claim->tree && strictly_inside(path, claim->path))
			return ctx_fail(c, claim->at,
			                "%s = %s: the tree holds %s, which "
			                "pfsel never labels "
			                "(policy/label-guard)",
			                claim->what, claim->path, path);
	}
	return 0;
}

/* The file contexts of the target root, read once: the policy's and the
 * administrator's (semanage fcontext). */
static const char *
file_contexts(struct emit_ctx *c)
{
	const char *base = policyinfo_root(c->pi)->file_contexts;
	const char *names[] = {base, ctx_str(c, "%s.local", base)};
	struct strbuf all = STRBUF_INIT;
	struct why ignored;
	size_t i, len;
	char *text;

	if (c->fc_text)
		return c->fc_text;
	for (i = 0; i < 2; i++)
		if (read_file(names[i], &text, &len, &ignored) == 0) {
			strbuf_addmem(&all, text, len);
			strbuf_addc(&all, '\n');
			free(text);
		}
	c->fc_text = strbuf_detach(&all);
	return c->fc_text;
}

/* The literal start of a file_contexts regular expression. */
static char *
literal_prefix(const char *re, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < len; i++) {
		if (re[i] == '\\' && i + 1 < len &&
		    strchr(".^$*+?()[]{}|\\/-", re[i + 1])) {
			strbuf_addc(&sb, re[++i]);
			continue;
		}
		if (strchr(".^$*+?()[]{}|\\", re[i]))
			break;
		strbuf_addc(&sb, re[i]);
	}
	return strbuf_detach(&sb);
}

/* The type of a file_contexts line: the third field of its context,
 * the line's last word; NULL for <<none>>. */
static const char *
line_type(struct emit_ctx *c, const char *line, size_t len)
{
	const char *end = line + len, *word, *type;

	while (end > line && strchr(" \t\r\n", end[-1]))
		end--;
	for (word = end; word > line && !strchr(" \t", word[-1]); word--)
		;
	if ((type = memchr(word, ':', (size_t)(end - word))) == NULL ||
	    (type = memchr(type + 1, ':', (size_t)(end - type - 1))) == NULL)
		return NULL;
	type++;
	return ctx_str(c, "%.*s", (int)strcspn(type, ":\n"), type);
}

/* Every file_contexts entry inside the tree the claim labels. */
static int
check_tree_entries(struct emit_ctx *c, const struct label_claim *claim,
                   const char *own_fc)
{
	const char *line, *next;

	for (line = file_contexts(c); *line; line = next) {
		size_t relen = strcspn(line, " \t\n");
		char *prefix;
		int inside;

		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (*line != '/')
			continue;
		prefix = literal_prefix(line, relen);
		inside = strictly_inside(prefix, claim->path);
		free(prefix);
		if (inside &&
		    check_type(c, claim, own_fc,
		               ctx_str(c, "%.*s", (int)relen, line),
		               line_type(c, line, (size_t)(next - line))) < 0)
			return -1;
	}
	return 0;
}

/*
 * A command = named like a program every domain shares or one of
 * Postfix's own: relabeling /usr/bin/python3 or a copy of postscreen
 * to an entry point type would take it from everyone else, wherever the
 * file lies and whatever type it has now (bin_t is generic).
 */
static int
check_program_name(struct emit_ctx *c, const struct label_claim *claim)
{
	const char *pos = c->guard_map, *name;
	const char *base = strrchr(claim->path, '/') + 1;

	while (claim->program &&
	       (name = guard_next(c, "program", &pos)) != NULL)
		if (strcmp(name, base) == 0 ||
		    (name[strlen(name) - 1] == '*' &&
		     strncmp(name, base, strlen(name) - 1) == 0))
			return ctx_fail(c, claim->at,
			                "%s = %s: %s is a system or Postfix "
			                "program pfsel never gives a domain "
			                "(policy/label-guard)",
			                claim->what, claim->path, base);
	return 0;
}

static int
guard_claim(struct emit_ctx *c, const struct label_claim *claim,
            const char *own_fc)
{
	/* A tree's top may be a file as well (reads = /etc/shadow). */
	static const mode_t modes[] = {S_IFREG, S_IFDIR};
	char *type;
	int i, rc = 0;

	if (check_protected_paths(c, claim) < 0 ||
	    check_program_name(c, claim) < 0)
		return -1;
	for (i = 0; i < (claim->tree ? 2 : 1) && rc == 0; i++) {
		type = policyinfo_file_type(c->pi, claim->path, modes[i]);
		rc = check_type(c, claim, own_fc, claim->path, type);
		free(type);
		/* and the type another section of the spec gives it (a
		 * moved queue's private/ is postfix_private_t) */
		type = ctx_own_type(c, claim->path, modes[i]);
		if (rc == 0)
			rc = check_type(c, claim, own_fc, claim->path, type);
		free(type);
	}
	if (rc < 0)
		return -1;
	return claim->tree ? check_tree_entries(c, claim, own_fc) : 0;
}

int
ctx_guard(struct emit_ctx *c, const struct label_claim *claim, size_t fc_start)
{
	return guard_claim(c, claim,
	                   ctx_str(c, "%s", c->out->fc.data + fc_start));
}

int
ctx_label(struct emit_ctx *c, const char *fragment, struct fragment_vars *v,
          const struct label_claim *claim)
{
	size_t start = c->out->fc.len;

	if (ctx_fc(c, fragment, v) < 0)
		return -1;
	return ctx_guard(c, claim, start);
}

int
ctx_check_server(struct emit_ctx *c, const char *server, struct spec_origin at)
{
	const char *pos = c->guard_map, *name;

	if (ctx_need_type(c, server, at, "server domain") < 0)
		return -1;
	while ((name = guard_next(c, "server-is", &pos)) != NULL)
		if (!policyinfo_type_is(c->pi, server, name))
			return ctx_fail(c, at,
			                "server = %s is not a domain of the "
			                "policy (it lacks the %s attribute)",
			                server, name);
	pos = c->guard_map;
	while ((name = guard_next(c, "server-not", &pos)) != NULL)
		if (policyinfo_type_is(c->pi, server, name))
			return ctx_fail(c, at,
			                "server = %s is an unconfined domain "
			                "(%s): pfsel gives Postfix no access "
			                "to it (policy/label-guard)",
			                server, name);
	return 0;
}

int
ctx_check_port_type(struct emit_ctx *c, const char *type, struct spec_origin at)
{
	const char *pos = c->guard_map, *name;

	if (ctx_need_type(c, type, at, "port type") < 0)
		return -1;
	while ((name = guard_next(c, "port-is", &pos)) != NULL)
		if (!policyinfo_type_is(c->pi, type, name))
			return ctx_fail(
			    c, at,
			    "port type %s is not a port type of the "
			    "policy (it lacks the %s attribute)",
			    type, name);
	return 0;
}
