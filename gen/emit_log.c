/*
 * emit_log - [log]: a nonstandard maillog_file with a log type of the
 * module's own that the writer (postlogd, or master) may create and
 * append and logrotate may rotate.
 */
#include "emit_ctx.h"

int
emit_log(struct emit_ctx *c)
{
	const struct spec_log *l = c->spec->log;
	const char *writer, *domain, *type;
	struct label_claim claim;
	struct fragment_vars v;

	if (l == NULL)
		return 0;
	/* The file and its rotations, not the directory they live in. */
	claim = (struct label_claim){.what = "[log] maillog_file",
	                             .path = l->maillog_file.path,
	                             .replaces = &l->replaces,
	                             .at = l->maillog_file.at};
	writer = l->writer == LOG_WRITER_MASTER ? "master" : "postlogd";
	domain = ctx_client_domain(c, writer);
	if (domain == NULL)
		return ctx_fail(c, l->at,
		                "policy/postfix-daemons.map has no "
		                "domain for %s",
		                writer);
	type = ctx_str(c, "%s_maillog_t", c->spec->module);
	if (ctx_new_type(c, type, l->maillog_file.at) < 0)
		return -1;
	ctx_vars(c, &v, l->maillog_file.at);
	fragment_set(&v, "DOMAIN", domain);
	fragment_set(&v, "WRITER", writer);
	fragment_set(&v, "TYPE", type);
	if (ctx_path_vars(c, &v, l->maillog_file.path, l->maillog_file.at) <
	        0 ||
	    ctx_te(c, "maillog.te", &v) < 0 ||
	    ctx_label(c, "maillog.fc", &v, &claim) < 0 ||
	    ctx_if(c, "maillog.if", &v) < 0)
		return -1;
	if (l->writer == LOG_WRITER_POSTLOGD &&
	    ctx_te(c, "maillog-postlogd.te", &v) < 0)
		return -1;
	return ctx_search(c, domain, NULL, l->maillog_file.path,
	                  l->maillog_file.at);
}
