/*
 * emit - turn a validated spec into the text of a refpolicy module.
 *
 * Each spec section becomes one or more policy/fragments, filled and
 * written behind a comment naming the spec line (emit_daemon.c,
 * emit_socket.c, emit_queue.c, emit_log.c).  Everything the policy must
 * say (the type of a directory, whether a type exists, whether a domain
 * already has an access) is asked of the target root's policy through
 * policyinfo, before a single file is written.
 */
#ifndef PFSEL_GEN_EMIT_H
#define PFSEL_GEN_EMIT_H

#include "policyinfo.h"
#include "spec.h"
#include "strbuf.h"
#include "why.h"

struct module_text {
	struct strbuf te, fc, ifc;
};

int emit_module(const struct spec *spec, struct policyinfo *pi,
                struct module_text *out, struct why *why);
/* Write OUTDIR/NAME.te, .fc, .if, each atomically; on error none. */
int emit_write(const struct spec *spec, const struct module_text *mt,
               const char *outdir, struct why *why);
void module_text_free(struct module_text *mt);
/* The domain a [daemon NAME] gets (policy/fragments/daemon.te's
 * postfix_@NAME@_t), in buf. */
#define EMIT_DOMAIN_MAX (SPEC_NAME_MAX + 16)
void emit_daemon_domain(const char *name, char buf[EMIT_DOMAIN_MAX]);

#endif
