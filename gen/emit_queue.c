/*
 * emit_queue - [queue] (a moved queue_directory) and [instance NAME] (a
 * postmulti instance): the stock queue, configuration and data types
 * reproduced under the new paths, and a way for Postfix to reach them.
 */
#include <string.h>

#include "emit_ctx.h"

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
	struct fragment_vars v;

	ctx_vars(c, &v, q->at);
	fragment_set(&v, "WHAT", what);
	if (ctx_path_vars(c, &v, q->path, q->at) < 0 ||
	    ctx_te(c, "queue.te", &v) < 0 ||
	    ctx_label(c, "queue.fc", &v, &claim) < 0)
		return -1;
	/* Every Postfix domain works in the queue; master is a member of
	 * postfix_domain whose accesses tell whether the path is reachable. */
	return ctx_search(c, "postfix_domain", "postfix_master_t", q->path,
	                  q->at);
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
			if (emit_queue_dir(c, in, "[queue] directory") < 0)
				return -1;
			continue;
		}
		if (emit_queue_dir(c, in,
		                   ctx_str(c, "[instance %s] queue_directory",
		                           in->name)) < 0 ||
		    emit_tree(
		        c, in, &in->config_directory,
		        ctx_str(c, "[instance %s] config_directory", in->name),
		        "postfix_etc_t") < 0 ||
		    emit_tree(
		        c, in, &in->data_directory,
		        ctx_str(c, "[instance %s] data_directory", in->name),
		        "postfix_data_t") < 0)
			return -1;
	}
	return 0;
}
