/*
 * emit - the module emitter's driver and shared helpers; see emit.h.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "emit_ctx.h"
#include "policy_file.h"
#include "policy_text.h"
#include "read_file.h"
#include "xalloc.h"

const char *
ctx_str(struct emit_ctx *c, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		abort();
	va_end(ap);
	c->pool = xreallocarray(c->pool, c->npool + 1, sizeof(*c->pool));
	c->pool[c->npool++] = s;
	return s;
}

/* The spec's real path: the module's comments must not depend on the
 * directory pfsel-gen ran in, or one spec would make another module from
 * elsewhere (install's "unchanged", verify's drift); the manifest records
 * the same path. */
static const char *
spec_path(struct emit_ctx *c, const char *path)
{
	char *real = realpath(path, NULL);
	const char *kept;

	if (real == NULL)
		return path;
	kept = ctx_str(c, "%s", real);
	free(real);
	return kept;
}

const char *
ctx_origin(struct emit_ctx *c, struct spec_origin at)
{
	return ctx_str(c, "%s:%d", spec_path(c, at.file), at.line);
}

int
ctx_fail(struct emit_ctx *c, struct spec_origin at, const char *fmt, ...)
{
	char text[WHY_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	return why_at(c->why, at.file, at.line, "%s", text);
}

void
ctx_vars(struct emit_ctx *c, struct fragment_vars *v, struct spec_origin at)
{
	memset(v, 0, sizeof(*v));
	fragment_set(v, "MODULE", c->spec->module);
	fragment_set(v, "SPEC", spec_path(c, c->spec->file));
	fragment_set(v, "ORIGIN", ctx_origin(c, at));
}

static const char *
parent_dir(struct emit_ctx *c, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == path)
		return "/";
	return ctx_str(c, "%.*s", (int)(slash - path), path);
}

/* path is tree or lies inside it: the rest of path ("" or "/..."). */
static const char *
within(const char *path, const char *tree)
{
	size_t n = tree ? strlen(tree) : 0;

	if (n == 0 || strncmp(path, tree, n) != 0 ||
	    (path[n] != '\0' && path[n] != '/'))
		return NULL;
	return path + n;
}

/*
 * The type a queue's .fc gives the place rest ("" or "/...") inside it:
 * under a subdirectory of policy/queue-subdirs the stock queue's type
 * there, anywhere else the queue's own (emit_queue.c copies no other
 * entry of the stock queue, such as a chrooted milter's directory).
 */
static char *
queue_type(struct emit_ctx *c, const char *rest, mode_t mode)
{
	size_t n = rest[0] ? strcspn(rest + 1, "/") : 0;
	const char *sub = ctx_str(c, "%.*s", (int)n, rest + 1);

	if (n && ctx_map(c, c->queue_subdirs, sub, 0))
		return policyinfo_file_type(
		    c->pi, ctx_str(c, STOCK_QUEUE "%s", rest), mode);
	return policyinfo_file_type(c->pi, STOCK_QUEUE, S_IFDIR);
}

char *
ctx_own_type(struct emit_ctx *c, const char *path, mode_t mode)
{
	size_t i;

	for (i = 0; i < c->spec->ninstances; i++) {
		const struct spec_instance *in = &c->spec->instances[i];
		const char *rest;

		if ((rest = within(path, in->queue_directory.path)) != NULL)
			return queue_type(c, rest, mode);
		/* Postfix's configuration and data types: the ones the
		 * policy gives /etc/postfix and /var/lib/postfix */
		if (within(path, in->config_directory.path))
			return xstrdup(policy_type("config"));
		if (within(path, in->data_directory.path))
			return xstrdup(policy_type("data"));
	}
	return NULL;
}

char *
ctx_file_type(struct emit_ctx *c, const char *path, mode_t mode)
{
	char *own = ctx_own_type(c, path, mode);

	return own ? own : policyinfo_file_type(c->pi, path, mode);
}

/* The target's path aliases, "ALIAS ORIGINAL" lines: the policy's
 * file_contexts.subs_dist and the administrator's .subs. */
static const char *
path_aliases(struct emit_ctx *c)
{
	const char *base = policyinfo_root(c->pi)->file_contexts;
	const char *names[] = {ctx_str(c, "%s.subs_dist", base),
	                       ctx_str(c, "%s.subs", base)};
	struct strbuf all = STRBUF_INIT;
	struct why ignored;
	size_t i, len;
	char *text;

	if (c->subs_text)
		return c->subs_text;
	for (i = 0; i < 2; i++)
		if (read_file(names[i], &text, &len, &ignored) == 0) {
			strbuf_addmem(&all, text, len);
			strbuf_addc(&all, '\n');
			free(text);
		}
	c->subs_text = strbuf_detach(&all);
	return c->subs_text;
}

/*
 * path as the target's file contexts spell it: the policy looks a path
 * up after replacing an alias prefix with its original (Red Hat's el9
 * keeps /var/run entries and aliases /run to it), so a .fc line for
 * /run/x would never match there.  The longest alias wins.
 */
static const char *
canonical_path(struct emit_ctx *c, const char *path)
{
	const char *line, *next, *best = NULL;
	size_t best_len = 0;

	for (line = path_aliases(c); *line; line = next) {
		size_t alias = strcspn(line, " \t\n");
		const char *orig = line + alias + strspn(line + alias, " \t");

		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (*line != '/' || alias <= best_len ||
		    strncmp(path, line, alias) != 0 ||
		    (path[alias] != '/' && path[alias] != '\0') || *orig != '/')
			continue;
		best_len = alias;
		best = ctx_str(c, "%.*s%s", (int)strcspn(orig, " \t\n"), orig,
		               path + alias);
	}
	return best ? best : path;
}

int
ctx_path_vars(struct emit_ctx *c, struct fragment_vars *v, const char *path,
              struct spec_origin at)
{
	const char *parent = parent_dir(c, path);
	char *regex = policy_text_fc_regex(canonical_path(c, path));
	char *name = policy_text_name_string(strrchr(path, '/') + 1);
	char *ptype;

	fragment_set(v, "PATH", path);
	fragment_set(v, "PATH_RE", ctx_str(c, "%s", regex));
	fragment_set(v, "BASENAME", ctx_str(c, "%s", name));
	free(regex);
	free(name);
	ptype = ctx_file_type(c, parent, S_IFDIR);
	if (ptype == NULL)
		return ctx_fail(c, at,
		                "the policy gives %s (the parent of %s) no "
		                "type",
		                parent, path);
	fragment_set(v, "PARENT_T", ctx_str(c, "%s", ptype));
	free(ptype);
	return 0;
}

int
ctx_te(struct emit_ctx *c, const char *file, struct fragment_vars *v)
{
	return fragment_append(&c->out->te, file, v, c->why);
}

int
ctx_fc(struct emit_ctx *c, const char *file, struct fragment_vars *v)
{
	return fragment_append(&c->out->fc, file, v, c->why);
}

int
ctx_if(struct emit_ctx *c, const char *file, struct fragment_vars *v)
{
	return fragment_append(&c->out->ifc, file, v, c->why);
}

/* Word number column of the line whose first word is key. */
const char *
ctx_map(struct emit_ctx *c, const char *map, const char *key, int column)
{
	const char *line, *next;
	char word[128];

	for (line = map; *line; line = next) {
		const char *p = line;
		int i;

		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (*line == '#')
			continue;
		for (i = 0; i <= column; i++) {
			size_t n;

			p += strspn(p, " \t");
			n = strcspn(p, " \t\n");
			if (n == 0 || n >= sizeof(word))
				break;
			if (i == 0 && (strlen(key) != n || strncmp(p, key, n)))
				break;
			if (i == column) {
				memcpy(word, p, n);
				word[n] = '\0';
				return ctx_str(c, "%s", word);
			}
			p += n;
		}
	}
	return NULL;
}

const char *
ctx_client_domain(struct emit_ctx *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->spec->ndaemons; i++)
		if (strcmp(c->spec->daemons[i].name, name) == 0) {
			char domain[EMIT_DOMAIN_MAX];

			emit_daemon_domain(name, domain);
			return ctx_str(c, "%s", domain);
		}
	return ctx_map(c, c->daemon_map, name, 1);
}

int
ctx_need_type(struct emit_ctx *c, const char *type, struct spec_origin at,
              const char *what)
{
	if (policyinfo_has_type(c->pi, type))
		return 0;
	return ctx_fail(c, at, "%s %s does not exist in the policy (%s)", what,
	                type, policyinfo_root(c->pi)->binary_policy);
}

int
ctx_new_type(struct emit_ctx *c, const char *type, struct spec_origin at)
{
	if (!policyinfo_has_type(c->pi, type) ||
	    policyinfo_module_installed(c->pi, c->spec->module))
		return 0;
	return ctx_fail(c, at,
	                "type %s already exists in the policy; choose another "
	                "name",
	                type);
}

/* Append type to a "{ a b }" set and a "a, b" list unless present. */
static void
add_type(struct strbuf *set, struct strbuf *list, const char *type)
{
	const char *s = strbuf_str(list);
	size_t n = strlen(type);
	const char *hit;

	for (hit = strstr(s, type); hit; hit = strstr(hit + 1, type))
		if ((hit == s || hit[-1] == ' ') &&
		    (hit[n] == ',' || hit[n] == '\0'))
			return;
	if (list->len)
		strbuf_adds(list, ", ");
	strbuf_adds(list, type);
	strbuf_addf(set, " %s", type);
}

int
ctx_search(struct emit_ctx *c, const char *domain, const char *probe,
           const char *path, struct spec_origin at)
{
	struct strbuf set = STRBUF_INIT, list = STRBUF_INIT;
	const char *dir = path;
	struct fragment_vars v;
	int rc = 0;

	while (strcmp(dir, "/") != 0) {
		char *type;

		dir = parent_dir(c, dir);
		type = ctx_file_type(c, dir, S_IFDIR);
		if (type && !policyinfo_allows(c->pi, probe ? probe : domain,
		                               type, "dir", "search"))
			add_type(&set, &list, type);
		free(type);
	}
	if (list.len) {
		ctx_vars(c, &v, at);
		fragment_set(&v, "DOMAIN", domain);
		fragment_set(&v, "PATH", path);
		fragment_set(&v, "SEARCH_LIST", strbuf_str(&list));
		fragment_set(&v, "SEARCH_T",
		             strchr(strbuf_str(&set) + 1, ' ')
		                 ? ctx_str(c, "{%s }", strbuf_str(&set))
		                 : ctx_str(c, "%s", strbuf_str(&set) + 1));
		rc = ctx_te(c, probe ? "search-attr.te" : "search.te", &v);
	}
	strbuf_free(&set);
	strbuf_free(&list);
	return rc;
}

static int
load_maps(struct emit_ctx *c)
{
	if ((c->daemon_map = policy_file_read("postfix-daemons.map", c->why)) ==
	        NULL ||
	    (c->milter_map = policy_file_read("milters.map", c->why)) == NULL ||
	    (c->generic_types = policy_file_read("generic-types", c->why)) ==
	        NULL ||
	    (c->guard_map = policy_file_read("label-guard", c->why)) == NULL ||
	    (c->queue_subdirs = policy_file_read("queue-subdirs", c->why)) ==
	        NULL)
		return -1;
	return 0;
}

int
emit_module(const struct spec *spec, struct policyinfo *pi,
            struct module_text *out, struct why *why)
{
	struct emit_ctx c = {.spec = spec, .pi = pi, .out = out, .why = why};
	struct fragment_vars v;
	struct why inner;
	size_t i;
	int rc = -1;

	/* Every rule's comment names the spec file (@ORIGIN@, @SPEC@): a
	 * newline in the name would end the comment and start a rule. */
	if (policy_text_check(POLICY_TEXT_COMMENT, spec->file, &inner) < 0)
		return why_set(why,
		               "the spec's file name cannot be written into "
		               "the module's comments (%s); rename the file",
		               inner.text);
	strbuf_init(&out->te);
	strbuf_init(&out->fc);
	strbuf_init(&out->ifc);
	if (load_maps(&c) < 0)
		goto out;
	ctx_vars(&c, &v, spec->module_at);
	if (ctx_te(&c, "header.te", &v) < 0 ||
	    ctx_fc(&c, "header.fc", &v) < 0 || ctx_if(&c, "header.if", &v) < 0)
		goto out;
	if (emit_daemons(&c) < 0 || emit_sockets(&c) < 0 ||
	    emit_instances(&c) < 0 || emit_log(&c) < 0 ||
	    emit_virtual(&c) < 0 || emit_ports(&c) < 0)
		goto out;
	rc = 0;
out:
	for (i = 0; i < c.npool; i++)
		free(c.pool[i]);
	free(c.pool);
	free(c.daemon_map);
	free(c.milter_map);
	free(c.generic_types);
	free(c.guard_map);
	free(c.queue_subdirs);
	free(c.fc_text);
	free(c.subs_text);
	if (rc < 0)
		module_text_free(out);
	return rc;
}

void
module_text_free(struct module_text *mt)
{
	strbuf_free(&mt->te);
	strbuf_free(&mt->fc);
	strbuf_free(&mt->ifc);
}

/*
 * All three files or none, and never a mix of old and new: write them into
 * a fresh directory beside the targets, then rename each into place.  An
 * earlier module in outdir is untouched until everything is written.
 */
int
emit_write(const struct spec *spec, const struct module_text *mt,
           const char *outdir, struct why *why)
{
	static const char *const ext[] = {"te", "fc", "if"};
	const struct strbuf *text[] = {&mt->te, &mt->fc, &mt->ifc};
	char *stage, *staged[3] = {NULL, NULL, NULL}, *final;
	int i, rc = 0;

	if (mkdir(outdir, 0755) < 0 && errno != EEXIST)
		return why_errno(why, "cannot create %s", outdir);
	stage = xasprintf("%s/.pfsel-emit.XXXXXX", outdir);
	if (mkdtemp(stage) == NULL) {
		why_errno(why, "cannot create a directory in %s", outdir);
		free(stage);
		return -1;
	}
	for (i = 0; i < 3 && rc == 0; i++) {
		staged[i] = xasprintf("%s/%s.%s", stage, spec->module, ext[i]);
		rc = atomic_write_file(staged[i], strbuf_str(text[i]),
		                       text[i]->len, 0644, why);
	}
	for (i = 0; i < 3 && rc == 0; i++) {
		final = xasprintf("%s/%s.%s", outdir, spec->module, ext[i]);
		if (rename(staged[i], final) < 0)
			rc = why_errno(why, "cannot rename %s to %s", staged[i],
			               final);
		free(final);
	}
	for (i = 0; i < 3; i++) {
		if (staged[i])
			unlink(staged[i]);
		free(staged[i]);
	}
	rmdir(stage);
	free(stage);
	return rc;
}
