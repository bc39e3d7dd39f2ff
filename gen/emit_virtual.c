/*
 * emit_virtual - [virtual]: virtual(8) delivers into mailbox_base, which
 * gets mail_spool_t, the type postfix_virtual_t already manages (and
 * Dovecot reads); only the way there may need a rule.
 */
#include "emit_ctx.h"
#include "policy_file.h"

int
emit_virtual(struct emit_ctx *c)
{
	const struct spec_virtual *vb = c->spec->virtual_;
	struct label_claim claim;
	struct fragment_vars v;

	if (vb == NULL)
		return 0;
	claim = (struct label_claim){.what = "[virtual] mailbox_base",
	                             .path = vb->mailbox_base.path,
	                             .tree = 1,
	                             .replaces = &vb->replaces,
	                             .at = vb->mailbox_base.at};
	ctx_vars(c, &v, vb->mailbox_base.at);
	fragment_set(&v, "WHAT", "[virtual] mailbox_base");
	/* the type virtual(8) delivers into (virtual.te) */
	fragment_set(&v, "TYPE", policy_type("mail-spool"));
	if (ctx_path_vars(c, &v, vb->mailbox_base.path, vb->mailbox_base.at) <
	        0 ||
	    ctx_te(c, "virtual.te", &v) < 0 ||
	    ctx_label(c, "tree.fc", &v, &claim) < 0)
		return -1;
	return ctx_search(c, policy_daemon_domain("virtual"), NULL,
	                  vb->mailbox_base.path, vb->mailbox_base.at);
}
