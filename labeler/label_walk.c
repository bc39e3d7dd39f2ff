/*
 * label_walk - the race-safe, multithreaded label walk; see label_walk.h.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/magic.h>
#include <pthread.h>
#include <selinux/selinux.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#include "label_policy.h"
#include "label_walk.h"
#include "msg.h"
#include "quote.h"
#include "xalloc.h"

#define XATTR_SELINUX "security.selinux"

volatile sig_atomic_t label_walk_stop;

static pthread_mutex_t selabel_lock = PTHREAD_MUTEX_INITIALIZER;

/* A directory whose entries are being read or still have pending jobs. */
struct dirnode {
	int fd;
	char *path;    /* full path; "" for "/" so that children join */
	dev_t dev;     /* the operand's device, for --xdev */
	dev_t own_dev; /* this directory's device */
	struct label_memo_dir memo;
	atomic_int refs;
};

/* A directory still to be opened: its parent and its name. */
struct job {
	struct dirnode *parent;
	char *name;
	double weight; /* its share of the whole walk, for the ETA */
};

struct walk {
	const struct label_walk_opts *o;
	struct label_counts *c;
	size_t rootlen;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct job *jobs;
	size_t njobs, cap;
	int active;
};

struct worker {
	struct walk *w;
	void *td;
	struct label_out out;
	/* Composed contexts found valid, so as not to ask under a lock. */
	char *valid[16];
	unsigned nvalid;
	/* Counted here, added to the shared totals once per directory. */
	unsigned long files, differ, relabeled;
	struct strbuf path;
	struct strbuf shown, shown2; /* names escaped for messages */
	pthread_t tid;
};

/* A name or label for a message, escaped (quote.h). */
static const char *
shown(struct worker *wk, const char *s)
{
	return quote_text_str(&wk->shown, s);
}

static void
node_unref(struct dirnode *n)
{
	if (atomic_fetch_sub(&n->refs, 1) != 1)
		return;
	close(n->fd);
	label_memo_dir_free(&n->memo);
	free(n->path);
	free(n);
}

static void
add_done(struct label_counts *c, double share)
{
	double old = atomic_load(&c->done);

	while (!atomic_compare_exchange_weak(&c->done, &old, old + share))
		;
}

/* Shared counters are touched once per directory, not per file. */
static void
flush_counts(struct worker *wk)
{
	struct label_counts *c = wk->w->c;

	atomic_fetch_add(&c->files, wk->files);
	atomic_fetch_add(&c->differ, wk->differ);
	atomic_fetch_add(&c->relabeled, wk->relabeled);
	wk->files = wk->differ = wk->relabeled = 0;
}

/*
 * Queue a directory's subdirectories (names are taken over) under one
 * lock and one wake-up: with maildirs of a few entries each, per-name
 * locking and signalling cost more than the work they hand out.
 */
static void
push_jobs(struct walk *w, struct dirnode *parent, char **names, size_t n,
          double weight)
{
	size_t i;

	if (n == 0)
		return;
	atomic_fetch_add(&parent->refs, (int)n);
	pthread_mutex_lock(&w->lock);
	for (i = 0; i < n; i++) {
		if (w->njobs == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 256;
			w->jobs =
			    xreallocarray(w->jobs, w->cap, sizeof(*w->jobs));
		}
		w->jobs[w->njobs].parent = parent;
		w->jobs[w->njobs].name = names[i];
		w->jobs[w->njobs++].weight = weight;
	}
	/* The pusher takes one itself; wake another only for the rest. */
	if (n > 1)
		pthread_cond_signal(&w->cond);
	pthread_mutex_unlock(&w->lock);
}

static void
push_job(struct walk *w, struct dirnode *parent, const char *name,
         double weight)
{
	char *one = xstrdup(name);

	atomic_fetch_add(&parent->refs, 1);
	pthread_mutex_lock(&w->lock);
	if (w->njobs == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		w->jobs = xreallocarray(w->jobs, w->cap, sizeof(*w->jobs));
	}
	w->jobs[w->njobs].parent = parent;
	w->jobs[w->njobs].name = one;
	w->jobs[w->njobs++].weight = weight;
	pthread_cond_signal(&w->cond);
	pthread_mutex_unlock(&w->lock);
}

/*
 * Ask selabel (or the directory's memo) what key should be labeled.
 * 1 and a new string in *ctx, 0 when nothing applies, -1 on error.
 */
static int
lookup(struct worker *wk, struct label_memo_dir *md, const char *key,
       mode_t mode, char **ctx)
{
	uint64_t sig;
	char *con = NULL;
	int memo_ok, found;

	mode &= S_IFMT;
	memo_ok = md && label_memo_sig(wk->w->o->memo, wk->td, md, key,
	                               strlen(key), &sig) == 0;
	if (memo_ok &&
	    (found = label_memo_get(wk->td, md, sig, mode, ctx)) >= 0)
		return found;
	pthread_mutex_lock(&selabel_lock);
	if (selabel_lookup_raw(wk->w->o->handle, &con, key, mode) < 0) {
		found = errno == ENOENT ? 0 : -1;
	} else {
		found = 1;
	}
	pthread_mutex_unlock(&selabel_lock);
	if (found < 0)
		return -1;
	if (memo_ok)
		label_memo_put(wk->td, md, sig, mode, found, con);
	*ctx = found ? xstrdup(con) : NULL;
	if (con)
		freecon(con);
	return found;
}

/*
 * The label of the object fd refers to; NULL with errno ENODATA when it
 * has none.  An O_PATH descriptor cannot be used with fgetxattr(), so
 * its /proc/self/fd link names the very same object instead.
 */
static char *
read_label(int fd, int is_open, int *err)
{
	char proc[64], buf[256], *big;
	ssize_t n;

	if (!is_open)
		snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	n = is_open ? fgetxattr(fd, XATTR_SELINUX, buf, sizeof(buf) - 1)
	            : getxattr(proc, XATTR_SELINUX, buf, sizeof(buf) - 1);
	if (n >= 0) {
		buf[n] = '\0';
		*err = 0;
		return xstrdup(buf);
	}
	if (errno != ERANGE) {
		*err = errno;
		return NULL;
	}
	n = is_open ? fgetxattr(fd, XATTR_SELINUX, NULL, 0)
	            : getxattr(proc, XATTR_SELINUX, NULL, 0);
	if (n < 0 || n > 65536) {
		*err = n < 0 ? errno : ERANGE;
		return NULL;
	}
	big = xmalloc((size_t)n + 1);
	n = is_open ? fgetxattr(fd, XATTR_SELINUX, big, (size_t)n)
	            : getxattr(proc, XATTR_SELINUX, big, (size_t)n);
	if (n < 0) {
		*err = errno;
		free(big);
		return NULL;
	}
	big[n] = '\0';
	*err = 0;
	return big;
}

static int
write_label(int fd, int is_open, const char *ctx)
{
	char proc[64];

	/* With the NUL, as lsetfilecon(3) writes it. */
	if (is_open)
		return fsetxattr(fd, XATTR_SELINUX, ctx, strlen(ctx) + 1, 0);
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	return setxattr(proc, XATTR_SELINUX, ctx, strlen(ctx) + 1, 0);
}

/*
 * Is ctx valid?  The few composed contexts of a tree (old user, role and
 * range with a new type) recur for every file, and the policy's answer
 * is behind one lock for all threads: each worker remembers the last 16
 * valid ones (measured: the shared lookup was 8% of a two-thread check).
 */
static int
known_valid(struct worker *wk, const char *ctx)
{
	unsigned i, n = wk->nvalid < 16 ? wk->nvalid : 16;

	for (i = 0; i < n; i++)
		if (strcmp(wk->valid[i], ctx) == 0)
			return 1;
	if (label_policy_check(ctx) < 0)
		return 0;
	i = wk->nvalid++ % 16;
	if (wk->nvalid > 16)
		free(wk->valid[i]);
	wk->valid[i] = xstrdup(ctx);
	return 1;
}

/*
 * A file with more than one name and a type the trees' file contexts
 * never give: a name of it may lie outside the trees (a queue file
 * hard-linked to /etc/shadow), and its label is the inode's, shared by
 * every name.  Directories cannot be hard-linked; an unlabeled file has
 * nothing to protect.
 */
static int
hard_link_elsewhere(const struct label_walk_opts *o, const struct stat *st,
                    const char *cur)
{
	return !S_ISDIR(st->st_mode) && st->st_nlink > 1 && cur != NULL &&
	       o->native != NULL && !label_native_has(o->native, cur);
}

/* A differing label to the caller's differs() (label_walk.h). */
static void
differs(struct worker *wk, const char *path, const char *from, const char *to)
{
	const struct label_walk_opts *o = wk->w->o;

	pthread_mutex_lock(&wk->w->lock);
	o->differs(o->differs_arg, path, from, to);
	pthread_mutex_unlock(&wk->w->lock);
}

/* Compare (and with apply, set) the label of one object. */
static void
label_object(struct worker *wk, struct label_memo_dir *md, int fd, int is_open,
             const struct stat *st, const char *path, const char *key)
{
	const struct label_walk_opts *o = wk->w->o;
	struct label_counts *c = wk->w->c;
	char *spec = NULL, *cur, *target = NULL;
	int rc, err;

	wk->files++;
	rc = lookup(wk, md, *key ? key : "/", st->st_mode, &spec);
	if (rc < 0) {
		error("%s: cannot look up its context", shown(wk, path));
		atomic_fetch_add(&c->errors, 1);
		return;
	}
	if (rc == 0)
		return;
	cur = read_label(fd, is_open, &err);
	if (cur == NULL && err != ENODATA) {
		errno = err;
		error("%s: cannot read its label", shown(wk, path));
		atomic_fetch_add(&c->errors, 1);
		free(spec);
		return;
	}
	rc = label_ctx_target(cur, spec, o->force, &target);
	if (rc == 2) {
		atomic_fetch_add(&c->customized, 1);
		if (msg_verbose())
			info("%s not reset as customized by admin to %s",
			     shown(wk, path), quote_text_str(&wk->shown2, cur));
	} else if (rc == 1 && strcmp(target, spec) != 0 &&
	           !known_valid(wk, target)) {
		/*
		 * Only a composed context (old user, role, range) can be
		 * invalid: every spec was checked before the walk, and
		 * skipping those keeps threads off the policy lock.
		 */
		errorx("%s: %s is not valid in this policy, label left as %s",
		       shown(wk, path), target,
		       quote_text_str(&wk->shown2, cur ? cur : "(null)"));
		atomic_fetch_add(&c->errors, 1);
	} else if (rc == 1 && hard_link_elsewhere(o, st, cur)) {
		char *type = label_native_type_of(cur);

		atomic_fetch_add(&c->refused, 1);
		if (o->differs != NULL)
			differs(wk, path, cur, target);
		else
			label_report_refused(&wk->out, path, cur, target,
			                     (unsigned long)st->st_nlink,
			                     type ? type : "(none)");
		free(type);
	} else if (rc == 1) {
		int written = 0;

		wk->differ++;
		if (o->apply) {
			if (write_label(fd, is_open, target) == 0) {
				written = 1;
				wk->relabeled++;
			} else {
				error("%s: cannot set label %s",
				      shown(wk, path), target);
				atomic_fetch_add(&c->errors, 1);
			}
		}
		if (o->differs != NULL)
			differs(wk, path, cur, target);
		else if (!o->apply || written)
			label_report_change(&wk->out, path, cur, target,
			                    written);
	}
	free(target);
	free(cur);
	free(spec);
}

static const char *
join(struct worker *wk, const struct dirnode *d, const char *name)
{
	strbuf_reset(&wk->path);
	strbuf_adds(&wk->path, d->path);
	strbuf_addc(&wk->path, '/');
	strbuf_adds(&wk->path, name);
	return strbuf_str(&wk->path);
}

/*
 * Open a regular file for its label.  A real descriptor lets
 * fgetxattr/fsetxattr work without resolving /proc/self/fd/N, which costs
 * a third of the per-file time (14 vs 22 us measured on this machine).
 * Only entries readdir() called regular files are opened so: if one was
 * swapped since, O_NOFOLLOW refuses a link, O_NONBLOCK makes a FIFO
 * harmless, and a device node needs CAP_MKNOD to plant.  -1 when the
 * caller should use O_PATH instead.
 */
static int
open_regular(int dfd, const char *name)
{
	int flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
	int fd = openat(dfd, name, flags | O_NOATIME);

	/* O_NOATIME is refused on others' files without CAP_FOWNER. */
	if (fd < 0 && errno == EPERM)
		fd = openat(dfd, name, flags);
	return fd;
}

/*
 * Label a directory entry that is not (to be) read as a directory:
 * through an open descriptor for regular files, else through an O_PATH
 * one (opening a device or FIFO could have side effects).  Returns 1
 * when it turned out to be a directory that should be walked after all
 * (and descend allows it).
 */
static int
visit_plain(struct worker *wk, struct dirnode *d, const char *name,
            unsigned char dtype, int descend)
{
	struct label_counts *c = wk->w->c;
	const char *path;
	struct stat st;
	int fd = -1, is_open = 0;

	if (dtype == DT_REG && (fd = open_regular(d->fd, name)) >= 0)
		is_open = 1;
	/* Anything else, or a regular file that would not open. */
	if (fd < 0)
		fd = openat(d->fd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT) {
			atomic_fetch_add(&c->vanished, 1);
			debug("%s: vanished", shown(wk, join(wk, d, name)));
		} else {
			error("%s", shown(wk, join(wk, d, name)));
			atomic_fetch_add(&c->errors, 1);
		}
		return 0;
	}
	if (fstat(fd, &st) < 0) {
		error("%s", shown(wk, join(wk, d, name)));
		atomic_fetch_add(&c->errors, 1);
		close(fd);
		return 0;
	}
	if (S_ISDIR(st.st_mode) && descend) {
		close(fd);
		return 1;
	}
	path = join(wk, d, name);
	label_object(wk, &d->memo, fd, is_open, &st, path,
	             path + wk->w->rootlen);
	close(fd);
	return 0;
}

/* File systems with no labels of their own to restore. */
static int
pseudo_fs(const struct label_walk_opts *o, int fd)
{
	struct statfs sf;

	if (fstatfs(fd, &sf) < 0)
		return 0;
	switch (sf.f_type) {
	case PROC_SUPER_MAGIC:
	case SYSFS_MAGIC:
	case SELINUX_MAGIC:
	case CGROUP_SUPER_MAGIC:
	case CGROUP2_SUPER_MAGIC:
	case DEBUGFS_MAGIC:
	case TRACEFS_MAGIC:
	case SECURITYFS_MAGIC:
	case PSTOREFS_MAGIC:
	case BPF_FS_MAGIC:
	case DEVPTS_SUPER_MAGIC:
		return 1;
	case TMPFS_MAGIC:
		return o->skip_tmpfs;
	default:
		return 0;
	}
}

static struct dirnode *
node_new(int fd, const char *path, dev_t dev, dev_t own_dev)
{
	struct dirnode *n = xcalloc(1, sizeof(*n));

	n->fd = fd;
	n->path = xstrdup(path);
	n->dev = dev;
	n->own_dev = own_dev;
	atomic_init(&n->refs, 1);
	return n;
}

/* Read a directory: label plain entries now, queue subdirectories. */
static void
read_dir(struct worker *wk, struct dirnode *n, double weight)
{
	struct label_counts *c = wk->w->c;
	char **subdirs = NULL;
	size_t nsub = 0, i;
	struct dirent *de;
	DIR *dp;
	int fd;

	if ((fd = dup(n->fd)) < 0 || (dp = fdopendir(fd)) == NULL) {
		error("%s: cannot read directory",
		      shown(wk, *n->path ? n->path : "/"));
		atomic_fetch_add(&c->errors, 1);
		if (fd >= 0)
			close(fd);
		add_done(c, weight);
		return;
	}
	for (;;) {
		if (label_walk_stop)
			break;
		errno = 0;
		if ((de = readdir(dp)) == NULL) {
			if (errno != 0) {
				error("%s: cannot read directory",
				      shown(wk, n->path));
				atomic_fetch_add(&c->errors, 1);
			}
			break;
		}
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		/* visit_plain() finds the directories d_type did not name. */
		if (de->d_type == DT_DIR ||
		    visit_plain(wk, n, de->d_name, de->d_type, 1)) {
			subdirs =
			    xreallocarray(subdirs, nsub + 1, sizeof(char *));
			subdirs[nsub++] = xstrdup(de->d_name);
		}
	}
	closedir(dp);
	flush_counts(wk);
	add_done(c, weight / (double)(nsub + 1));
	if (!label_walk_stop) {
		push_jobs(wk->w, n, subdirs, nsub, weight / (double)(nsub + 1));
	} else {
		for (i = 0; i < nsub; i++)
			free(subdirs[i]);
	}
	free(subdirs);
}

/* Open, label and read one queued directory. */
static void
run_job(struct worker *wk, struct job *j)
{
	const struct label_walk_opts *o = wk->w->o;
	struct label_counts *c = wk->w->c;
	struct dirnode *p = j->parent, *n;
	const char *path;
	struct stat st;
	int fd;

	fd = openat(p->fd, j->name,
	            O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC |
	                O_NONBLOCK);
	if (fd < 0) {
		if (errno == ENOENT) {
			atomic_fetch_add(&c->vanished, 1);
			debug("%s: vanished", shown(wk, join(wk, p, j->name)));
		} else if (errno == ENOTDIR || errno == ELOOP) {
			/* Replaced by a file or link: label that, no more. */
			atomic_fetch_add(&c->vanished, 1);
			visit_plain(wk, p, j->name, DT_UNKNOWN, 0);
		} else {
			error("%s: cannot open directory",
			      shown(wk, join(wk, p, j->name)));
			atomic_fetch_add(&c->errors, 1);
			visit_plain(wk, p, j->name, DT_UNKNOWN, 0);
		}
		add_done(c, j->weight);
		return;
	}
	if (fstat(fd, &st) < 0) {
		error("%s", shown(wk, join(wk, p, j->name)));
		atomic_fetch_add(&c->errors, 1);
		close(fd);
		add_done(c, j->weight);
		return;
	}
	/* Mount points: skipped with --xdev, as setfiles(8) does. */
	if (st.st_dev != p->own_dev &&
	    ((o->xdev && st.st_dev != p->dev) || pseudo_fs(o, fd))) {
		debug("%s: other file system, skipped",
		      shown(wk, join(wk, p, j->name)));
		close(fd);
		add_done(c, j->weight);
		return;
	}
	path = join(wk, p, j->name);
	label_object(wk, &p->memo, fd, 1, &st, path, path + wk->w->rootlen);
	n = node_new(fd, path, p->dev, st.st_dev);
	label_memo_dir_init(o->memo, wk->td, &n->memo, &p->memo,
	                    n->path + wk->w->rootlen);
	read_dir(wk, n, j->weight);
	node_unref(n);
}

static void *
worker_main(void *arg)
{
	struct worker *wk = arg;
	struct walk *w = wk->w;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		struct job j;

		while (w->njobs == 0 && w->active > 0) {
			struct timespec until;

			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_nsec += 100000000;
			if (until.tv_nsec >= 1000000000) {
				until.tv_sec++;
				until.tv_nsec -= 1000000000;
			}
			pthread_cond_timedwait(&w->cond, &w->lock, &until);
		}
		if (w->njobs == 0)
			break;
		j = w->jobs[--w->njobs];
		w->active++;
		pthread_mutex_unlock(&w->lock);
		if (!label_walk_stop)
			run_job(wk, &j);
		node_unref(j.parent);
		free(j.name);
		pthread_mutex_lock(&w->lock);
		w->active--;
		if (w->njobs == 0 && w->active == 0)
			pthread_cond_broadcast(&w->cond);
	}
	pthread_mutex_unlock(&w->lock);
	label_out_flush(&wk->out);
	flush_counts(wk);
	return NULL;
}

/* "/a/b/c" -> "/a/b" and "c", the directory resolved; -1 if not in root. */
static int
split_operand(const struct walk *w, const char *path, char **dir, char **base)
{
	const char *root = w->o->root;
	char *copy = xstrdup(path), *slash, real[PATH_MAX];
	size_t len = strlen(copy);
	struct strbuf msg = STRBUF_INIT;

	while (len > 1 && copy[len - 1] == '/')
		copy[--len] = '\0';
	slash = strrchr(copy, '/');
	if (slash == NULL) {
		free(copy);
		return -1;
	}
	*slash = '\0';
	if (realpath(*copy ? copy : "/", real) == NULL) {
		error("%s", quote_text_str(&msg, path));
		strbuf_free(&msg);
		free(copy);
		return -1;
	}
	if (strncmp(real, root, w->rootlen) != 0 ||
	    (real[w->rootlen] != '/' && real[w->rootlen] != '\0')) {
		errorx("%s: not inside root %s", quote_text_str(&msg, path),
		       root);
		strbuf_free(&msg);
		free(copy);
		return -1;
	}
	*dir = xstrdup(strcmp(real, "/") == 0 ? "" : real);
	*base = xstrdup(slash + 1);
	free(copy);
	return 0;
}

/* The root itself: its own label, then its entries. */
static void
start_root(struct worker *wk, const char *root)
{
	struct label_counts *c = wk->w->c;
	struct dirnode *n;
	struct stat st;
	int fd;

	fd = open(*root ? root : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		error("%s", shown(wk, *root ? root : "/"));
		atomic_fetch_add(&c->errors, 1);
		if (fd >= 0)
			close(fd);
		return;
	}
	label_object(wk, NULL, fd, 1, &st, *root ? root : "/", "/");
	n = node_new(fd, root, st.st_dev, st.st_dev);
	label_memo_dir_init(wk->w->o->memo, wk->td, &n->memo, NULL, "");
	read_dir(wk, n, 1.0);
	node_unref(n);
}

/* Start one operand: label it, queue it when it is a directory. */
static int
start_operand(struct worker *wk, const char *path, double weight)
{
	struct walk *w = wk->w;
	char *dir, *base;
	struct dirnode *p;
	struct stat st;
	int fd;

	if (strcmp(path, *w->o->root ? w->o->root : "/") == 0) {
		start_root(wk, w->o->root);
		return 0;
	}
	if (split_operand(w, path, &dir, &base) < 0)
		return -1;
	fd = open(*dir ? dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || fstatat(fd, base, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		error("%s", shown(wk, path));
		if (fd >= 0)
			close(fd);
		free(dir);
		free(base);
		return -1;
	}
	p = node_new(fd, dir, st.st_dev, st.st_dev);
	label_memo_dir_init(w->o->memo, wk->td, &p->memo, NULL,
	                    dir + w->rootlen);
	if (S_ISDIR(st.st_mode)) {
		push_job(w, p, base, weight);
	} else {
		visit_plain(wk, p, base, DT_UNKNOWN, 0);
		add_done(w->c, weight);
	}
	node_unref(p);
	free(dir);
	free(base);
	return 0;
}

/* Wide trees need many descriptors only in bursts; allow what we may. */
static void
raise_nofile(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

int
label_walk(const struct label_walk_opts *o, char *const *paths, size_t npaths,
           struct label_counts *c)
{
	struct walk w;
	struct worker *wk;
	int i, nthreads = o->threads > 0 ? o->threads : 1, rc = 0;
	size_t k;

	memset(&w, 0, sizeof(w));
	w.o = o;
	w.c = c;
	w.rootlen = strlen(o->root);
	pthread_mutex_init(&w.lock, NULL);
	pthread_cond_init(&w.cond, NULL);
	raise_nofile();
	wk = xcalloc((size_t)nthreads, sizeof(*wk));
	for (i = 0; i < nthreads; i++) {
		wk[i].w = &w;
		wk[i].td = label_memo_thread_data(o->memo);
		label_out_init(&wk[i].out, o->json);
		strbuf_init(&wk[i].path);
		strbuf_init(&wk[i].shown);
		strbuf_init(&wk[i].shown2);
	}
	for (k = 0; k < npaths; k++)
		if (start_operand(&wk[0], paths[k], 1.0 / (double)npaths) < 0) {
			atomic_fetch_add(&c->errors, 1);
			rc = -1;
		}
	label_out_flush(&wk[0].out);
	for (i = 1; i < nthreads; i++)
		if (pthread_create(&wk[i].tid, NULL, worker_main, &wk[i]) != 0)
			fatal("pthread_create");
	worker_main(&wk[0]);
	for (i = 1; i < nthreads; i++)
		pthread_join(wk[i].tid, NULL);
	for (i = 0; i < nthreads; i++) {
		unsigned v;

		for (v = 0; v < wk[i].nvalid && v < 16; v++)
			free(wk[i].valid[v]);
		label_out_free(&wk[i].out);
		strbuf_free(&wk[i].path);
		strbuf_free(&wk[i].shown);
		strbuf_free(&wk[i].shown2);
		label_memo_thread_free(wk[i].td);
	}
	free(wk);
	free(w.jobs);
	pthread_mutex_destroy(&w.lock);
	pthread_cond_destroy(&w.cond);
	return rc;
}
