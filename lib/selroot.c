/*
 * selroot - resolve the policy paths of a (scratch) root; see selroot.h.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "selroot.h"
#include "strbuf.h"
#include "xalloc.h"

char *
selroot_path(const struct selroot *sr, const char *abspath)
{
	return xasprintf("%s%s", sr->root, abspath);
}

static int
read_policy_type(struct selroot *sr, struct why *why)
{
	char *path = selroot_path(sr, "/etc/selinux/config");
	char line[512];
	FILE *fp;

	if ((fp = fopen(path, "re")) == NULL) {
		why_errno(why, "cannot open %s", path);
		free(path);
		return -1;
	}
	while (fgets(line, sizeof(line), fp)) {
		char *val;

		if (strncmp(line, "SELINUXTYPE=", 12) != 0)
			continue;
		val = line + 12;
		val[strcspn(val, " \t\r\n")] = '\0';
		free(sr->policy_type);
		sr->policy_type = xstrdup(val);
	}
	fclose(fp);
	if (sr->policy_type == NULL || *sr->policy_type == '\0'
	    || strchr(sr->policy_type, '/')) {
		why_set(why, "%s: no usable SELINUXTYPE= line", path);
		free(path);
		return -1;
	}
	free(path);
	return 0;
}

/* The kernel loads the highest policy.N; so do we. */
static int
find_binary_policy(struct selroot *sr, struct why *why)
{
	char *dir = xasprintf("%s/policy", sr->policy_dir);
	struct dirent *de;
	long best = -1;
	DIR *dp;

	if ((dp = opendir(dir)) == NULL) {
		why_errno(why, "cannot open %s", dir);
		free(dir);
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		char *end;
		long n;

		if (strncmp(de->d_name, "policy.", 7) != 0)
			continue;
		errno = 0;
		n = strtol(de->d_name + 7, &end, 10);
		if (errno == 0 && *end == '\0' && n > best)
			best = n;
	}
	closedir(dp);
	if (best < 0) {
		why_set(why, "%s: no policy.N file", dir);
		free(dir);
		return -1;
	}
	sr->binary_policy = xasprintf("%s/policy.%ld", dir, best);
	free(dir);
	return 0;
}

/*
 * A module built from other headers than the target's may not link
 * there (Debian's headers name types Fedora lacks), so a root that
 * carries its own devel tree is built with it.
 */
static void
find_devel_dir(struct selroot *sr)
{
	char *mk = selroot_path(sr, "/usr/share/selinux/devel/Makefile");

	if (access(mk, R_OK) == 0)
		sr->devel_dir = selroot_path(sr, "/usr/share/selinux/devel");
	else
		sr->devel_dir = xstrdup("/usr/share/selinux/devel");
	free(mk);
}

int
selroot_open(struct selroot *sr, const char *root, struct why *why)
{
	char real[PATH_MAX];

	memset(sr, 0, sizeof(*sr));
	if (root == NULL || *root == '\0' || strcmp(root, "/") == 0) {
		sr->root = xstrdup("");
	} else {
		if (realpath(root, real) == NULL)
			return why_errno(why, "root %s", root);
		sr->root = xstrdup(strcmp(real, "/") == 0 ? "" : real);
	}
	if (read_policy_type(sr, why) < 0)
		goto fail;
	sr->policy_dir = xasprintf("%s/etc/selinux/%s", sr->root,
				   sr->policy_type);
	sr->file_contexts = xasprintf("%s/contexts/files/file_contexts",
				      sr->policy_dir);
	sr->store_dir = xasprintf("%s/var/lib/selinux/%s", sr->root,
				  sr->policy_type);
	if (find_binary_policy(sr, why) < 0)
		goto fail;
	find_devel_dir(sr);
	return 0;
fail:
	selroot_free(sr);
	return -1;
}

void
selroot_free(struct selroot *sr)
{
	free(sr->root);
	free(sr->policy_type);
	free(sr->policy_dir);
	free(sr->file_contexts);
	free(sr->binary_policy);
	free(sr->store_dir);
	free(sr->devel_dir);
	memset(sr, 0, sizeof(*sr));
}
