/*
 * build_base - a copy of a root without one module; see build_base.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "build_base.h"
#include "manifest.h"
#include "msg.h"
#include "selroot.h"
#include "statedir.h"
#include "strbuf.h"
#include "temp_name.h"
#include "xalloc.h"

/* nftw keeps no user pointer: the copy in progress. */
static struct {
	const char *from;
	const char *to;
	struct why *why;
} copy_job;

static int
copy_file(const char *from, const char *to, mode_t mode, struct why *why)
{
	char buf[65536];
	int in, out, rc = 0;
	ssize_t n;

	if ((in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return why_errno(why, "cannot open %s", from);
	if ((out =
	         open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	              mode & 07777)) < 0) {
		close(in);
		return why_errno(why, "cannot create %s", to);
	}
	while (rc == 0 && ((n = read(in, buf, sizeof(buf))) > 0 ||
	                   (n < 0 && errno == EINTR)))
		if (n > 0 && write(out, buf, (size_t)n) != n)
			rc = why_errno(why, "cannot write %s", to);
	if (rc == 0 && n < 0)
		rc = why_errno(why, "cannot read %s", from);
	close(in);
	if (close(out) < 0 && rc == 0)
		rc = why_errno(why, "cannot write %s", to);
	return rc;
}

/* Directories, regular files and symbolic links (never followed);
 * lock files and anything else are left out. */
static int
copy_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	char *to = xasprintf("%s%s", copy_job.to, path + strlen(copy_job.from));
	char link[4096];
	ssize_t n;
	int rc = 0;

	(void)ftw;
	if (flag == FTW_D) {
		if (mkdir(to, st->st_mode & 07777) < 0 && errno != EEXIST)
			rc = why_errno(copy_job.why, "cannot create %s", to);
	} else if (flag == FTW_SL) {
		if ((n = readlink(path, link, sizeof(link) - 1)) < 0 ||
		    (link[n] = '\0', symlink(link, to) < 0))
			rc = why_errno(copy_job.why, "cannot copy %s", path);
	} else if (S_ISREG(st->st_mode) && strstr(path, ".LOCK") == NULL) {
		rc = copy_file(path, to, st->st_mode, copy_job.why);
	}
	free(to);
	return rc;
}

/* ROOT's tree rel into base, as it is; a missing one is no error. */
static int
copy_tree(const char *root, const char *base, const char *rel, struct why *why)
{
	char *from = xasprintf("%s%s", root, rel);
	char *to = xasprintf("%s%s", base, rel);
	struct stat st;
	int rc = 0;

	if (lstat(from, &st) == 0) {
		copy_job.from = from;
		copy_job.to = to;
		copy_job.why = why;
		rc = nftw(from, copy_entry, 32, FTW_PHYS) == 0 ? 0 : -1;
	}
	free(from);
	free(to);
	return rc;
}

/* mkdir -p base/rel, root-owned 0755 as statedir_open wants. */
static int
make_dirs(const char *base, const char *rel, struct why *why)
{
	char *path = xasprintf("%s%s", base, rel);
	char *p;
	int rc = 0;

	for (p = strchr(path + strlen(base) + 1, '/'); rc == 0 && p;
	     p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST)
			rc = why_errno(why, "cannot create %s", path);
		*p = '/';
	}
	if (rc == 0 && mkdir(path, 0755) < 0 && errno != EEXIST)
		rc = why_errno(why, "cannot create %s", path);
	free(path);
	return rc;
}

/* The devel headers ROOT carries, lent to the copy by a link. */
static int
lend_devel(const struct selroot *sr, const char *base, struct why *why)
{
	char *mk = selroot_path(sr, "/usr/share/selinux/devel/Makefile");
	char *to = xasprintf("%s/usr/share/selinux/devel", base);
	int rc = 0;

	if (access(mk, R_OK) == 0 &&
	    (rc = make_dirs(base, "/usr/share/selinux", why)) == 0 &&
	    symlink(sr->devel_dir, to) < 0)
		rc = why_errno(why, "cannot link %s", to);
	free(mk);
	free(to);
	return rc;
}

/*
 * "pfsel-gen uninstall MODULE --root BASE" in a process of its own:
 * libsemanage keeps the store paths of the first root a process opens
 * (see install_store.c), and this process has opened ROOT's.  Its
 * output is kept for the error message.
 */
static int
uninstall_in_base(const char *base, const char *module, struct why *why)
{
	struct strbuf out = STRBUF_INIT;
	int fds[2], status;
	char buf[4096];
	ssize_t n;
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) < 0)
		return why_errno(why, "pipe");
	if ((pid = fork()) < 0)
		return why_errno(why, "fork");
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		dup2(fds[1], STDERR_FILENO);
		execl("/proc/self/exe", "pfsel-gen", "uninstall", module,
		      "--root", base, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0 ||
	       (n < 0 && errno == EINTR))
		if (n > 0)
			strbuf_addmem(&out, buf, (size_t)n);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		strbuf_free(&out);
		return 0;
	}
	while (out.len > 0 && out.data[out.len - 1] == '\n')
		out.data[--out.len] = '\0';
	why_set(why,
	        "cannot make the policy without %s to build against (a copy "
	        "in %s): %s",
	        module, base, out.len ? strbuf_str(&out) : "uninstall failed");
	strbuf_free(&out);
	return -1;
}

/* ROOT's pfsel records hold a manifest of module: 1, 0 not, -1. */
static int
installed_by_pfsel(const struct selroot *sr, const char *module,
                   struct why *why)
{
	struct statedir sd = {-1, NULL};
	char *name = xasprintf("%s%s", module, MANIFEST_SUFFIX);
	int rc;

	if ((rc = statedir_open(&sd, sr->root, 0, why)) > 0)
		rc = statedir_check(&sd, name, S_IFREG, why);
	statedir_close(&sd);
	free(name);
	return rc;
}

int
build_base(const char *root, const char *module, char **base, struct why *why)
{
	struct selroot sr;
	char *store;
	int rc;

	*base = NULL;
	if (selroot_open(&sr, root, why) < 0)
		return -1;
	if ((rc = installed_by_pfsel(&sr, module, why)) <= 0) {
		selroot_free(&sr);
		return rc;
	}
	*base = temp_name("pfsel-base");
	if (mkdtemp(*base) == NULL)
		fatal("cannot create %s", *base);
	store = xasprintf("/var/lib/selinux/%s", sr.policy_type);
	rc = make_dirs(*base, "/etc", why) < 0 ||
	             make_dirs(*base, "/var/lib/selinux", why) < 0 ||
	             copy_tree(sr.root, *base, "/etc/selinux", why) < 0 ||
	             copy_tree(sr.root, *base, store, why) < 0 ||
	             copy_tree(sr.root, *base, "/var/lib/pfsel", why) < 0 ||
	             lend_devel(&sr, *base, why) < 0 ||
	             uninstall_in_base(*base, module, why) < 0
	         ? -1
	         : 1;
	if (rc < 0) {
		build_base_remove(*base);
		*base = NULL;
	}
	free(store);
	selroot_free(&sr);
	return rc;
}

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	if (remove(path) < 0)
		warn("cannot remove %s", path);
	return 0;
}

void
build_base_remove(char *base)
{
	if (base)
		nftw(base, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
	free(base);
}
