/*
 * selroot - where the SELinux policy of a root directory lives.
 *
 * Both programs can work on the running system (root "") or on a scratch
 * root holding copies of etc/selinux and var/lib/selinux, the layout
 * semanage_set_root(3), "semodule -p" and "setfiles -r" use.  This module
 * reads ROOT/etc/selinux/config and resolves the paths of that policy;
 * it never touches the store itself.
 */
#ifndef PFSEL_SELROOT_H
#define PFSEL_SELROOT_H

#include "why.h"

struct selroot {
	char *root;	     /* "" for the running system, else absolute */
	char *policy_type;   /* SELINUXTYPE, e.g. "default" */
	char *policy_dir;    /* ROOT/etc/selinux/TYPE */
	char *file_contexts; /* ROOT/etc/selinux/TYPE/contexts/files/file_contexts */
	char *binary_policy; /* ROOT/etc/selinux/TYPE/policy/policy.N, newest N */
	char *store_dir;     /* ROOT/var/lib/selinux/TYPE */
	char *devel_dir;     /* the devel headers and Makefile modules are
	                        built with: ROOT/usr/share/selinux/devel when
	                        ROOT has them, else the running system's */
};

/* root may be NULL or "" for the running system. */
int selroot_open(struct selroot *sr, const char *root, struct why *why);
void selroot_free(struct selroot *sr);
/* ROOT prefixed to an absolute path; the caller frees the result. */
char *selroot_path(const struct selroot *sr, const char *abspath);

#endif
