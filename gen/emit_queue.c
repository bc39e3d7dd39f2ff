/*
 * emit_queue - [queue] (a moved queue_directory) and [instance NAME] (a
 * postmulti instance): the stock queue, configuration and data types
 * reproduced under the new paths, and a way for Postfix to reach them.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "emit_ctx.h"

/* Postfix's default queue_directory, whose labels a moved queue copies. */
#define STOCK_QUEUE "/var/spool/postfix"

/* The type the policy gives path as a file of the given mode, "" if none. */
static const char *
stock_type(struct emit_ctx *c, const char *path, mode_t mode)
{
	char *type = policyinfo_file_type(c->pi, path, mode);
	const char *kept = ctx_str(c, "%s", type ? type : "");

	free(type);
	return kept;
}

static int
emit_sub_line(struct emit_ctx *c, struct fragment_vars *v, const char *sub_re,
              int dirs_only, const char *type)
{
	if (*type == '\0')
		return 0; /* the policy leaves it unlabeled: so do we */
	fragment_set(v, "SUB_RE", sub_re);
	fragment_set(v, "FILE_TYPE", dirs_only ? "-d\t" : "");
	fragment_set(v, "TYPE", type);
	return ctx_fc(c, "queue-sub.fc", v);
}

/*
 * One subdirectory: the directory itself, the directories in it and the
 * other files in it, each as the stock queue's are labeled; written as
 * one line where the three agree, and not at all where they are what the
 * queue's own line gives.
 */
static int
emit_queue_sub(struct emit_ctx *c, struct fragment_vars *v, const char *sub,
               const char *top)
{
	const char *dir = ctx_str(c, STOCK_QUEUE "/%s", sub);
	const char *inside = ctx_str(c, STOCK_QUEUE "/%s/x", sub);
	const char *dir_t = stock_type(c, dir, S_IFDIR);
	const char *subdir_t = stock_type(c, inside, S_IFDIR);
	const char *file_t = stock_type(c, inside, S_IFREG);

	if (strcmp(dir_t, subdir_t) == 0 && strcmp(dir_t, file_t) == 0) {
		if (strcmp(dir_t, top) == 0)
			return 0;
		return emit_sub_line(c, v, ctx_str(c, "%s(/.*)?", sub), 0,
		                     dir_t);
	}
	if (emit_sub_line(c, v, sub, 1, dir_t) < 0 ||
	    emit_sub_line(c, v, ctx_str(c, "%s/.*", sub), 0, file_t) < 0)
		return -1;
	if (strcmp(subdir_t, file_t) == 0)
		return 0;
	return emit_sub_line(c, v, ctx_str(c, "%s/.*", sub), 1, subdir_t);
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
emit_queue_dir(struct emit_ctx *c, const struct spec_path *q, const char *what)
{
	const char *top = stock_type(c, STOCK_QUEUE, S_IFDIR);
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
	    emit_queue_subs(c, &v, top) < 0)
		return -1;
	/* Every Postfix domain works in the queue; master is a member of
	 * postfix_domain whose accesses tell whether the path is reachable. */
	return ctx_search(c, "postfix_domain", "postfix_master_t", q->path,
	                  q->at);
}

static int
emit_tree(struct emit_ctx *c, const struct spec_path *p, const char *what,
          const char *type)
{
	struct fragment_vars v;

	if (p->path == NULL)
		return 0;
	ctx_vars(c, &v, p->at);
	fragment_set(&v, "WHAT", what);
	fragment_set(&v, "TYPE", type);
	if (ctx_path_vars(c, &v, p->path, p->at) < 0 ||
	    ctx_fc(c, "tree.fc", &v) < 0)
		return -1;
	return ctx_search(c, "postfix_domain", "postfix_master_t", p->path,
	                  p->at);
}

int
emit_instances(struct emit_ctx *c)
{
	size_t i;

	for (i = 0; i < c->spec->ninstances; i++) {
		const struct spec_instance *in = &c->spec->instances[i];

		if (in->name[0] == '\0') {
			if (emit_queue_dir(c, &in->queue_directory,
			                   "[queue] directory") < 0)
				return -1;
			continue;
		}
		if (emit_queue_dir(c, &in->queue_directory,
		                   ctx_str(c, "[instance %s] queue_directory",
		                           in->name)) < 0 ||
		    emit_tree(
		        c, &in->config_directory,
		        ctx_str(c, "[instance %s] config_directory", in->name),
		        "postfix_etc_t") < 0 ||
		    emit_tree(
		        c, &in->data_directory,
		        ctx_str(c, "[instance %s] data_directory", in->name),
		        "postfix_data_t") < 0)
			return -1;
	}
	return 0;
}
