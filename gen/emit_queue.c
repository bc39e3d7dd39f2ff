/*
 * emit_queue - [queue] (a moved queue_directory) and [instance NAME] (a
 * postmulti instance): the stock queue, configuration and data types
 * reproduced under the new paths, and a way for Postfix to reach them.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emit_ctx.h"
#include "policy_file.h"

/* The type the policy gives path as a file of the given mode, "" if none. */
static const char *
stock_type(struct emit_ctx *c, const char *path, mode_t mode)
{
	char *type = policyinfo_file_type(c->pi, path, mode);
	const char *kept = ctx_str(c, "%s", type ? type : "");

	free(type);
	return kept;
}

/* The file kinds a .fc line can name, with their column. */
static const struct {
	mode_t mode;
	const char *column;
} kinds[] = {
    {S_IFREG, "--"}, {S_IFDIR, "-d"}, {S_IFLNK, "-l"}, {S_IFSOCK, "-s"},
    {S_IFIFO, "-p"}, {S_IFCHR, "-c"}, {S_IFBLK, "-b"},
};
#define NKINDS (sizeof(kinds) / sizeof(*kinds))

/* One .fc line; none where the queue's own line already gives type. */
static int
emit_sub_line(struct emit_ctx *c, struct fragment_vars *v, const char *sub_re,
              const char *column, const char *type, const char *top)
{
	if (*type == '\0' || strcmp(type, top) == 0)
		return 0; /* unlabeled by the policy, or covered: add nothing */
	/* m4-quoted: the expression's parentheses stay text. */
	fragment_set(v, "SUB_RE", ctx_str(c, "`%s'", sub_re));
	fragment_set(v, "TYPE", type);
	if (column == NULL)
		return ctx_fc(c, "queue-sub.fc", v);
	fragment_set(v, "FILE_TYPE", column);
	return ctx_fc(c, "queue-sub-kind.fc", v);
}

/* The stock types of path for each file kind; 1 when all are one. */
static int
stock_kinds(struct emit_ctx *c, const char *path, const char *types[NKINDS])
{
	int uniform = 1;
	size_t i;

	for (i = 0; i < NKINDS; i++) {
		types[i] = stock_type(c, path, kinds[i].mode);
		uniform = uniform && strcmp(types[i], types[0]) == 0;
	}
	return uniform;
}

/* Lines for re: one without a kind, or one per kind where they differ
 * (a line with a kind and one without for the same expression would
 * conflict in file_contexts). */
static int
emit_kinds(struct emit_ctx *c, struct fragment_vars *v, const char *re,
           const char *types[NKINDS], int uniform, const char *top)
{
	size_t i;

	if (uniform)
		return emit_sub_line(c, v, re, NULL, types[0], top);
	for (i = 0; i < NKINDS; i++)
		if (emit_sub_line(c, v, re, kinds[i].column, types[i], top) < 0)
			return -1;
	return 0;
}

/*
 * One subdirectory and what is in it, labeled as the stock queue's are:
 * one line where everything agrees, else lines for the directory and
 * for its contents.
 */
static int
emit_queue_sub(struct emit_ctx *c, struct fragment_vars *v, const char *sub,
               const char *top)
{
	const char *self_t[NKINDS], *in_t[NKINDS];
	int self_uniform, in_uniform;

	self_uniform =
	    stock_kinds(c, ctx_str(c, STOCK_QUEUE "/%s", sub), self_t);
	in_uniform = stock_kinds(c, ctx_str(c, STOCK_QUEUE "/%s/x", sub), in_t);
	if (self_uniform && in_uniform && strcmp(self_t[0], in_t[0]) == 0)
		return emit_sub_line(c, v, ctx_str(c, "%s(/.*)?", sub), NULL,
		                     self_t[0], top);
	if (emit_kinds(c, v, sub, self_t, self_uniform, top) < 0)
		return -1;
	return emit_kinds(c, v, ctx_str(c, "%s/.*", sub), in_t, in_uniform,
	                  top);
}

/* The names in policy/queue-subdirs, one a line, "#" comments. */
static int
emit_queue_subs(struct emit_ctx *c, struct fragment_vars *v, const char *top)
{
	char *list = policy_file_read("queue-subdirs", c->why);
	char *line, *save = NULL;
	int rc = 0;

	if (list == NULL)
		return -1;
	for (line = strtok_r(list, "\n", &save); line && rc == 0;
	     line = strtok_r(NULL, "\n", &save)) {
		if (*line == '#')
			continue;
		if (line[strspn(line, "abcdefghijklmnopqrstuvwxyz0123456789")])
			rc = why_set(c->why,
			             "policy/queue-subdirs: \"%s\" is not a "
			             "directory name",
			             line);
		else
			rc = emit_queue_sub(c, v, line, top);
	}
	free(list);
	return rc;
}

static int
emit_queue_dir(struct emit_ctx *c, const struct spec_instance *in,
               const char *what)
{
	const struct spec_path *q = &in->queue_directory;
	struct label_claim claim = {.what = what,
	                            .path = q->path,
	                            .tree = 1,
	                            .replaces = &in->replaces,
	                            .at = q->at};
	const char *top = stock_type(c, STOCK_QUEUE, S_IFDIR);
	size_t fc_start = c->out->fc.len;
	struct fragment_vars v;

	if (*top == '\0')
		return ctx_fail(c, q->at,
		                "the policy gives the stock queue " STOCK_QUEUE
		                " no type to copy to %s",
		                q->path);
	ctx_vars(c, &v, q->at);
	fragment_set(&v, "WHAT", what);
	fragment_set(&v, "STOCK", STOCK_QUEUE);
	fragment_set(&v, "TYPE", top);
	if (ctx_path_vars(c, &v, q->path, q->at) < 0 ||
	    ctx_te(c, "queue.te", &v) < 0 || ctx_fc(c, "queue.fc", &v) < 0 ||
	    emit_queue_subs(c, &v, top) < 0 ||
	    ctx_guard(c, &claim, fc_start) < 0)
		return -1;
	/* Every Postfix domain works in the queue; master's is one of them
	 * whose accesses tell whether the path is reachable. */
	return ctx_search(c, policy_type("postfix-domains"),
	                  policy_daemon_domain("master"), q->path, q->at);
}

static int
emit_tree(struct emit_ctx *c, const struct spec_instance *in,
          const struct spec_path *p, const char *what, const char *type)
{
	struct label_claim claim = {.what = what,
	                            .path = p->path,
	                            .tree = 1,
	                            .replaces = &in->replaces,
	                            .at = p->at};
	struct fragment_vars v;

	if (p->path == NULL)
		return 0;
	ctx_vars(c, &v, p->at);
	fragment_set(&v, "WHAT", what);
	fragment_set(&v, "TYPE", type);
	if (ctx_path_vars(c, &v, p->path, p->at) < 0 ||
	    ctx_label(c, "tree.fc", &v, &claim) < 0)
		return -1;
	/* as for the queue: master stands for every Postfix domain */
	return ctx_search(c, policy_type("postfix-domains"),
	                  policy_daemon_domain("master"), p->path, p->at);
}

int
emit_instances(struct emit_ctx *c)
{
	size_t i;

	for (i = 0; i < c->spec->ninstances; i++) {
		const struct spec_instance *in = &c->spec->instances[i];

		if (in->name[0] == '\0') {
			if (emit_queue_dir(c, in, "[queue] directory") < 0)
				return -1;
			continue;
		}
		if (emit_queue_dir(c, in,
		                   ctx_str(c, "[instance %s] queue_directory",
		                           in->name)) < 0 ||
		    /* an instance's trees get the stock trees' types */
		    emit_tree(
		        c, in, &in->config_directory,
		        ctx_str(c, "[instance %s] config_directory", in->name),
		        policy_type("config")) < 0 ||
		    emit_tree(
		        c, in, &in->data_directory,
		        ctx_str(c, "[instance %s] data_directory", in->name),
		        policy_type("data")) < 0)
			return -1;
	}
	return 0;
}
