/*
 * devel_headers - the names the target's selinux-policy devel headers
 * define: every interface and template of include/ (all *.if files) and
 * every macro of the include/support .spt files (stream_connect_pattern,
 * search_dir_perms, gen_require, ...).
 *
 * A generated module is built with these headers (gen/build.c picks the
 * target root's own when it has them), so a fragment may call a name
 * only when they define it: interfaces differ between refpolicy and Red
 * Hat's policy (Fedora's dkim module has no dkim_stream_connect).  Read
 * on the first question, by gen/policyinfo.c.
 */
#ifndef PFSEL_GEN_DEVEL_HEADERS_H
#define PFSEL_GEN_DEVEL_HEADERS_H

#include "why.h"

struct devel_headers;

/* Index devel_dir/include; fails when there is nothing to index. */
struct devel_headers *devel_headers_open(const char *devel_dir,
                                         struct why *why);
void devel_headers_close(struct devel_headers *h);
int devel_headers_defines(const struct devel_headers *h, const char *name);

#endif
