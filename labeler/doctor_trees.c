/*
 * doctor_trees - the labels of Postfix's trees, found from main.cf the
 * way Postfix finds them (lib/pfconf_config.h): queue, data, config and
 * daemon directories, maillog_file, virtual_mailbox_base and the
 * directories of unix-socket milters.  Called by cmd_doctor.c.
 *
 * Two questions per tree.  Does every file carry the label the file
 * contexts give it?  That is "pfsel-label check" on the tree (the same
 * walk, label_walk.h, its differing labels made findings).  And may the
 * daemon that writes there write what the file contexts give the tree?
 * A queue moved to /srv or a maillog_file in a directory of its own is
 * labeled right by the stock file contexts and still unusable: that
 * takes a pfsel spec section, which the finding names.
 */
#include <selinux/label.h>
#include <selinux/selinux.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doctor.h"
#include "label_fc.h"
#include "label_memo.h"
#include "label_native.h"
#include "label_policy.h"
#include "label_walk.h"
#include "opt_threads.h"
#include "policy_file.h"
#include "xalloc.h"

#define EXAMPLES 5

/* A tree a main.cf parameter names, and who must write to it. */
struct tree_kind {
	const char *param;
	const char *writer; /* the daemon (postfix-daemons.map); NULL:
	                       labels only */
	const char *tclass, *perms;
	const char *section; /* the pfsel spec section that fixes it */
	mode_t mode;         /* S_IFDIR or S_IFREG */
};

/* The daemons that write each tree: master (whose domain postlogd(8)
 * shares) and virtual(8), the one [virtual] is for. */
static const struct tree_kind kinds[] = {
    {"queue_directory", "master", "dir", "write add_name",
     "[queue] (queue_directory)", S_IFDIR},
    {"data_directory", "master", "dir", "write add_name",
     "[queue] (data_directory)", S_IFDIR},
    {"config_directory", NULL, NULL, NULL, NULL, S_IFDIR},
    {"daemon_directory", NULL, NULL, NULL, NULL, S_IFDIR},
    {"maillog_file", "master", "file", "append", "[log]", S_IFREG},
    {"virtual_mailbox_base", "virtual", "dir", "write add_name", "[virtual]",
     S_IFDIR},
};

#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

struct differing {
	unsigned long count;
	char *examples[EXAMPLES];
	/* Under the queue: the chroot's copies of system files. */
	const char *queue; /* ROOT/queue_directory, or NULL */
	unsigned long copies;
	char *first_copy;
};

/*
 * The system files a chrooted Postfix needs (resolv.conf, localtime,
 * nsswitch.conf, services, random devices) are copied into
 * queue_directory's etc, lib, usr and dev at every start, by Debian's
 * configure-instance.sh and postfix-script: their labels are whatever
 * the copy gets, and a relabel lasts until the next start.  Those are
 * counted apart, as a fact, not a finding.
 */
static int
chroot_copy(const char *queue, const char *path)
{
	static const char *const dirs[] = {"/etc", "/lib", "/lib64", "/usr",
	                                   "/dev"};
	size_t n = queue ? strlen(queue) : 0, i, k;

	if (n == 0 || strncmp(path, queue, n) != 0)
		return 0;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		k = strlen(dirs[i]);
		if (strncmp(path + n, dirs[i], k) == 0 &&
		    (path[n + k] == '/' || path[n + k] == '\0'))
			return 1;
	}
	return 0;
}

static void
on_differs(void *arg, const char *path, const char *from, const char *to)
{
	struct differing *df = arg;

	if (chroot_copy(df->queue, path)) {
		if (df->copies++ == 0)
			df->first_copy =
			    xasprintf("%s is %s, file contexts say %s", path,
			              from ? from : "(no label)", to);
		return;
	}
	if (df->count < EXAMPLES)
		df->examples[df->count] =
		    xasprintf("%s is %s, file contexts say %s", path,
		              from ? from : "(no label)", to);
	df->count++;
}

struct walker {
	struct doctor *d;
	struct label_walk_opts o;
	struct label_fc fc;
	struct label_memo *memo;
	int ready;
	int trees;
};

static int
walker_open(struct walker *w, struct why *why)
{
	struct selinux_opt opt[] = {{SELABEL_OPT_PATH, w->d->sr.file_contexts}};

	if (label_fc_load(&w->fc, w->d->sr.file_contexts, why) < 0)
		return -1;
	if (label_customizable_load(w->d->sr.policy_dir, why) < 0) {
		label_fc_free(&w->fc);
		return -1;
	}
	w->o.handle = selabel_open(SELABEL_CTX_FILE, opt, 1);
	if (w->o.handle == NULL) {
		why_errno(why, "selabel_open %s", w->d->sr.file_contexts);
		label_fc_free(&w->fc);
		label_policy_unload();
		return -1;
	}
	w->memo = label_memo_new(&w->fc, 1);
	w->o.memo = w->memo;
	w->o.root = w->d->sr.root;
	w->o.xdev = 1;
	w->o.threads = opt_threads_default();
	w->o.differs = on_differs;
	w->ready = 1;
	return 0;
}

static void
walker_close(struct walker *w)
{
	if (!w->ready)
		return;
	selabel_close(w->o.handle);
	label_memo_free(w->memo);
	label_fc_free(&w->fc);
}

/* Walk one tree (path as main.cf names it) like pfsel-label check. */
static void
check_labels(struct walker *w, const char *param, const char *path)
{
	struct doctor *d = w->d;
	char *full = selroot_path(&d->sr, path);
	const char *key = path;
	struct label_native *native = label_native_new(&w->fc, &key, 1);
	struct label_counts c;
	struct differing df;
	unsigned long i;

	memset(&c, 0, sizeof(c));
	memset(&df, 0, sizeof(df));
	if (strcmp(param, "queue_directory") == 0)
		df.queue = full;
	w->o.native = native;
	w->o.differs_arg = &df;
	label_walk(&w->o, &full, 1, &c);
	w->trees++;
	if (df.count > 0) {
		const char *fix[] = {"pfsel-label", "apply", path, NULL};
		struct doctor_finding *f = doctor_finding(
		    d, DOCTOR_PART, DOCTOR_ERROR, "labels",
		    "%lu file%s under %s (%s) %s not labeled as the file "
		    "contexts say",
		    df.count, df.count == 1 ? "" : "s", path, param,
		    df.count == 1 ? "is" : "are");

		for (i = 0; i < df.count && i < EXAMPLES; i++)
			doctor_evidence(f, "%s", df.examples[i]);
		if (df.count > EXAMPLES)
			doctor_evidence(f, "... %lu more", df.count - EXAMPLES);
		doctor_fix_rooted(d, f, fix);
	}
	if (atomic_load(&c.errors) > 0)
		doctor_fact(d, DOCTOR_PART, "labels",
		            "%s: %lu file%s could not be checked", path,
		            (unsigned long)atomic_load(&c.errors),
		            atomic_load(&c.errors) == 1 ? "" : "s");
	if (df.copies > 0)
		doctor_fact(
		    d, DOCTOR_PART, "chroot copies",
		    "%lu file%s under %s/{etc,lib,usr,dev} differ%s from "
		    "the file contexts, e.g. %s: Postfix's start "
		    "copies them again with that label, not counted",
		    df.copies, df.copies == 1 ? "" : "s", path,
		    df.copies == 1 ? "s" : "", df.first_copy);
	free(df.first_copy);
	for (i = 0; i < df.count && i < EXAMPLES; i++)
		free(df.examples[i]);
	label_native_free(native);
	free(full);
}

/* May the daemon that writes the tree write what the file contexts
 * give it? */
static void
check_type(struct walker *w, const struct tree_kind *k, const char *path)
{
	struct doctor *d = w->d;
	char *con = NULL, *type;
	const char *t, *domain;
	size_t n;
	struct doctor_finding *f;

	if (k->writer == NULL || d->pol == NULL ||
	    selabel_lookup_raw(w->o.handle, &con, path, k->mode) < 0)
		return;
	if (label_ctx_type(con, &t, &n) < 0) {
		freecon(con);
		return;
	}
	type = xstrndup(t, n);
	domain = policy_daemon_domain(k->writer);
	if (!doctor_allowed(d, domain, type, k->tclass, k->perms)) {
		f = doctor_finding(d, DOCTOR_PART, DOCTOR_ERROR, "tree",
		                   "%s %s: the file contexts give it %s, to "
		                   "which %s may not %s",
		                   k->param, path, type, domain, k->perms);
		doctor_evidence(f, "file contexts: %s %s", path, con);
		doctor_evidence(f, "policy: %s may not { %s } on %s:%s", domain,
		                k->perms, type, k->tclass);
		doctor_fix_note(f,
		                "a %s section in the pfsel spec "
		                "(\"pfsel-gen scan\" writes it from "
		                "main.cf), then pfsel-gen install and "
		                "pfsel-label apply",
		                k->section);
	}
	free(type);
	freecon(con);
}

/* The value of a tree parameter, if it names an absolute path. */
static char *
tree_path(struct doctor *d, const char *param)
{
	struct why why;
	char *v = pfconf_get(&d->conf, NULL, param, &why);

	size_t rl = strlen(d->sr.root);

	/* config_directory is the directory read, ROOT/etc/postfix. */
	if (v != NULL && rl > 0 && strncmp(v, d->sr.root, rl) == 0 &&
	    v[rl] == '/')
		memmove(v, v + rl, strlen(v + rl) + 1);
	if (v != NULL && (v[0] != '/' || strncmp(v, "/dev/", 5) == 0)) {
		free(v); /* unset, relative, or maillog_file = /dev/stdout */
		v = NULL;
	}
	return v;
}

static int
exists(const struct doctor *d, const char *path)
{
	char *full = selroot_path(&d->sr, path);
	struct stat st;
	int rc = lstat(full, &st) == 0;

	free(full);
	return rc;
}

/* The directories of unix:PATH milters (relative: the queue's). */
static void
milter_dirs(struct walker *w, const char *queue)
{
	static const char *const params[] = {"smtpd_milters",
	                                     "non_smtpd_milters"};
	size_t i;

	for (i = 0; i < 2; i++) {
		struct why why;
		char *v = pfconf_get(&w->d->conf, NULL, params[i], &why);
		char *save = NULL, *m;

		for (m = v ? strtok_r(v, " \t,", &save) : NULL; m != NULL;
		     m = strtok_r(NULL, " \t,", &save)) {
			char *sock, *slash;

			if (strncmp(m, "unix:", 5) != 0)
				continue;
			sock = m[5] == '/' ? xstrdup(m + 5)
			                   : xasprintf("%s/%s", queue, m + 5);
			slash = strrchr(sock, '/');
			if (slash != NULL && slash != sock)
				*slash = '\0';
			/* Inside the queue: walked with it. */
			if ((strncmp(sock, queue, strlen(queue)) != 0 ||
			     (sock[strlen(queue)] != '/' &&
			      sock[strlen(queue)] != '\0')) &&
			    exists(w->d, sock))
				check_labels(w, params[i], sock);
			free(sock);
		}
		free(v);
	}
}

void
doctor_trees(struct doctor *d)
{
	struct walker w;
	struct why why;
	char *paths[NKINDS];
	size_t i;

	if (!d->have_conf) {
		doctor_fact(d, DOCTOR_PART, "trees",
		            "not checked: no Postfix configuration");
		return;
	}
	memset(&w, 0, sizeof(w));
	w.d = d;
	if (walker_open(&w, &why) < 0) {
		doctor_fact(d, DOCTOR_PART, "trees", "not checked: %s",
		            why.text);
		return;
	}
	/* The policy's answers first, then the walks. */
	for (i = 0; i < NKINDS; i++)
		if ((paths[i] = tree_path(d, kinds[i].param)) != NULL)
			check_type(&w, &kinds[i], paths[i]);
	if (d->pol == NULL) {
		doctor_fact(d, DOCTOR_PART, "trees",
		            "labels not checked: no policy file could be read");
	} else {
		/* The policy doctor read once, not a second copy. */
		label_policy_use(rv_policy_sepolicy(d->pol));
		for (i = 0; i < NKINDS; i++)
			if (paths[i] != NULL && exists(d, paths[i]))
				check_labels(&w, kinds[i].param, paths[i]);
		if (paths[0] != NULL) /* queue_directory */
			milter_dirs(&w, paths[0]);
		label_policy_unload();
		doctor_fact(d, DOCTOR_PART, "trees", "%d checked against %s",
		            w.trees, d->sr.file_contexts);
	}
	for (i = 0; i < NKINDS; i++)
		free(paths[i]);
	walker_close(&w);
}
