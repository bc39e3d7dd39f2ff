/*
 * label_run - options and driver of check/apply; see label_run.h.
 *
 * Order matters for safety: every context of every file_contexts file is
 * validated against the binary policy before the first label is
 * written, so a bad module or .local file changes nothing.
 */
#include <getopt.h>
#include <selinux/label.h>
#include <selinux/selinux.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "label_changed.h"
#include "label_fc.h"
#include "label_memo.h"
#include "label_native.h"
#include "label_policy.h"
#include "label_report.h"
#include "label_run.h"
#include "label_walk.h"
#include "manifest.h"
#include "msg.h"
#include "opt_threads.h"
#include "selroot.h"
#include "spec.h"
#include "subcommand.h"
#include "xalloc.h"

struct run_opts {
	struct label_walk_opts walk;
	const char *root;
	const char *manifest;
	const char *spec;
	const char *changed_since;
	int dry_run;
	int no_memo;
};

enum {
	OPT_JSON = 256,
	OPT_XDEV,
	OPT_NO_XDEV,
	OPT_SKIP_TMPFS,
	OPT_MANIFEST,
	OPT_SPEC,
	OPT_NO_MEMO,
	OPT_CHANGED_SINCE,
};

static const struct option long_opts[] = {
    {"root", required_argument, NULL, 'r'},
    {"threads", required_argument, NULL, 'j'},
    {"force", no_argument, NULL, 'F'},
    {"dry-run", no_argument, NULL, 'n'},
    {"verbose", no_argument, NULL, 'v'},
    {"json", no_argument, NULL, OPT_JSON},
    {"xdev", no_argument, NULL, OPT_XDEV},
    {"no-xdev", no_argument, NULL, OPT_NO_XDEV},
    {"skip-tmpfs", no_argument, NULL, OPT_SKIP_TMPFS},
    {"manifest", required_argument, NULL, OPT_MANIFEST},
    {"spec", required_argument, NULL, OPT_SPEC},
    {"no-memo", no_argument, NULL, OPT_NO_MEMO},
    {"changed-since", required_argument, NULL, OPT_CHANGED_SINCE},
    {NULL, 0, NULL, 0},
};

static int
parse(int argc, char **argv, int apply, struct run_opts *ro)
{
	int c;

	memset(ro, 0, sizeof(*ro));
	ro->walk.xdev = 1;
	ro->walk.threads = opt_threads_default();
	optind = 1;
	while ((c = getopt_long(argc, argv, ":r:j:Fnv", long_opts, NULL)) !=
	       -1) {
		switch (c) {
		case 'r':
			ro->root = optarg;
			break;
		case 'j':
			if ((ro->walk.threads = opt_threads(optarg)) < 0)
				return -1;
			break;
		case 'F':
			ro->walk.force = 1;
			break;
		case 'n':
			if (!apply)
				return usage_error("%s is for apply; check "
				                   "never changes a label",
				                   argv[optind - 1]),
				       -1;
			ro->dry_run = 1;
			break;
		case 'v':
			msg_set_verbose(msg_verbose() + 1);
			break;
		case OPT_JSON:
			ro->walk.json = 1;
			break;
		case OPT_XDEV:
			ro->walk.xdev = 1;
			break;
		case OPT_NO_XDEV:
			ro->walk.xdev = 0;
			break;
		case OPT_SKIP_TMPFS:
			ro->walk.skip_tmpfs = 1;
			break;
		case OPT_MANIFEST:
			ro->manifest = optarg;
			break;
		case OPT_SPEC:
			ro->spec = optarg;
			break;
		case OPT_NO_MEMO:
			ro->no_memo = 1;
			break;
		case OPT_CHANGED_SINCE:
			ro->changed_since = optarg;
			break;
		default:
			return subcommand_getopt_error(c, argv), -1;
		}
	}
	ro->walk.apply = apply && !ro->dry_run;
	return 0;
}

/* A tree named by the user, a manifest or a spec, as a full path;
 * NULL with why when the working directory cannot be named. */
static char *
operand(const struct selroot *sr, const char *path, struct why *why)
{
	size_t rl = strlen(sr->root), len;
	char *full;

	if (path[0] != '/') {
		char cwd[4096];

		if (getcwd(cwd, sizeof(cwd)) == NULL) {
			why_errno(why, "%s: cannot name the working directory",
			          path);
			return NULL;
		}
		full = xasprintf("%s/%s", cwd, path);
	} else if (rl == 0 || (strncmp(path, sr->root, rl) == 0 &&
	                       (path[rl] == '/' || path[rl] == '\0'))) {
		/* Already inside ROOT, as setfiles -r wants them. */
		full = xstrdup(path);
	} else {
		full = selroot_path(sr, path);
	}
	/* "ROOT/var/spool/" is "ROOT/var/spool"; "ROOT/" is ROOT. */
	len = strlen(full);
	while (len > 1 && full[len - 1] == '/')
		full[--len] = '\0';
	return full;
}

static void
add_path(char ***v, size_t *n, char *p)
{
	*v = xreallocarray(*v, *n + 1, sizeof(char *));
	(*v)[(*n)++] = p;
}

/*
 * A tree from a manifest or spec: a module names paths that need not
 * exist yet (a log file, a runtime directory); those are skipped.
 */
static void
add_tree(char ***v, size_t *n, const struct selroot *sr, const char *tree)
{
	char *p = selroot_path(sr, tree);
	struct stat st;

	if (lstat(p, &st) < 0) {
		debug("%s: absent, skipped", p);
		free(p);
		return;
	}
	add_path(v, n, p);
}

/* The trees of --manifest and --spec, appended to *v. */
static int
trees_from_files(const struct run_opts *ro, const struct selroot *sr, char ***v,
                 size_t *n, struct why *why)
{
	size_t i;

	if (ro->manifest) {
		struct manifest m;

		if (manifest_load(ro->manifest, &m, why) < 0)
			return -1;
		for (i = 0; i < m.ntrees; i++)
			add_tree(v, n, sr, m.trees[i]);
		manifest_free(&m);
	}
	if (ro->spec) {
		struct spec *s = spec_load(ro->spec, why);
		char **t;
		size_t nt;

		if (s == NULL)
			return -1;
		t = spec_trees(s, &nt);
		for (i = 0; i < nt; i++) {
			add_tree(v, n, sr, t[i]);
			free(t[i]);
		}
		free(t);
		spec_free(s);
	}
	return 0;
}

/* The types the file contexts give the trees walked (label_native.h). */
static struct label_native *
trees_native(const struct label_fc *fc, const struct selroot *sr, char **paths,
             size_t npaths)
{
	const char **keys = xcalloc(npaths ? npaths : 1, sizeof(*keys));
	size_t rl = strlen(sr->root), i;
	struct label_native *nt;

	/* Operands lie inside ROOT; selabel sees them without it. */
	for (i = 0; i < npaths; i++)
		keys[i] = strlen(paths[i]) >= rl ? paths[i] + rl : paths[i];
	nt = label_native_new(fc, keys, npaths);
	free(keys);
	return nt;
}

static void
on_signal(int sig)
{
	(void)sig;
	label_walk_stop = 1;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Walk the trees; the exit status of check or apply (label_run.h), or
 * -1 with why when the labeling handle cannot be opened. */
static int
walk_all(struct run_opts *ro, const struct selroot *sr, char **paths,
         size_t npaths, struct why *why)
{
	struct selinux_opt sopt[] = {{SELABEL_OPT_PATH, sr->file_contexts}};
	struct label_counts c;
	struct sigaction sa;
	double start;
	int status;

	memset(&c, 0, sizeof(c));
	ro->walk.root = sr->root;
	ro->walk.handle = selabel_open(SELABEL_CTX_FILE, sopt, 1);
	if (ro->walk.handle == NULL)
		return why_errno(why, "selabel_open %s", sr->file_contexts);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	start = now();
	label_progress_start(&c);
	label_walk(&ro->walk, paths, npaths, &c);
	label_progress_stop();
	label_report_summary(ro->walk.json, &c, now() - start, label_walk_stop,
	                     msg_verbose());
	selabel_close(ro->walk.handle);
	if (label_walk_stop) {
		errorx("interrupted; run again to finish");
		status = PFSEL_EXIT_ERROR;
	} else if (atomic_load(&c.errors) > 0) {
		status = PFSEL_EXIT_ERROR;
	} else {
		/* A hard link left alone differs, after apply too. */
		status = (!ro->walk.apply && atomic_load(&c.differ) > 0) ||
		         atomic_load(&c.refused) > 0;
	}
	return status;
}

/*
 * Everything a run needs, validated before anything is looked at: the
 * root's policy, its file contexts, and the trees (operands, --manifest,
 * --spec, --changed-since).  -1 with why; label_run frees what was
 * loaded either way.
 */
static int
prepare(struct run_opts *ro, int argc, char **argv, struct selroot *sr,
        struct label_fc *fc, char ***paths, size_t *npaths, struct why *why)
{
	struct label_fc before;
	char *path;
	int k;

	if (selroot_open(sr, ro->root, why) < 0 ||
	    label_fc_load(fc, sr->file_contexts, why) < 0)
		return -1;
	if (label_policy_load(sr->binary_policy, why) < 0 ||
	    label_policy_check_fc(fc, why) < 0 ||
	    label_customizable_load(sr->policy_dir, why) < 0) {
		size_t len = strlen(why->text);

		snprintf(why->text + len, sizeof(why->text) - len,
		         "; nothing was changed");
		return -1;
	}
	for (k = optind; k < argc; k++) {
		if ((path = operand(sr, argv[k], why)) == NULL)
			return -1;
		add_path(paths, npaths, path);
	}
	if (trees_from_files(ro, sr, paths, npaths, why) < 0)
		return -1;
	if (ro->changed_since) {
		if (label_fc_load(&before, ro->changed_since, why) < 0)
			return -1;
		label_changed_trees(&before, fc, sr->root, paths, npaths);
		label_fc_free(&before);
	}
	return 0;
}

int
label_run(int argc, char **argv, int apply)
{
	struct run_opts ro;
	struct selroot sr;
	struct label_fc fc;
	struct label_memo *memo;
	struct label_native *native;
	struct why why;
	char **paths = NULL;
	size_t npaths = 0, i;
	int status;

	if (parse(argc, argv, apply, &ro) < 0)
		return PFSEL_EXIT_ERROR;
	memset(&sr, 0, sizeof(sr));
	memset(&fc, 0, sizeof(fc));
	if (prepare(&ro, argc, argv, &sr, &fc, &paths, &npaths, &why) < 0) {
		errorx("%s", why.text);
		status = PFSEL_EXIT_ERROR;
	} else if (npaths == 0) {
		/* A module whose trees do not exist, no change: all is well. */
		status = ro.manifest || ro.spec || ro.changed_since
		             ? 0
		             : usage_error("nothing to do: name a PATH, "
		                           "--manifest, --spec or "
		                           "--changed-since");
	} else {
		memo = label_memo_new(&fc, !ro.no_memo);
		ro.walk.memo = memo;
		native = trees_native(&fc, &sr, paths, npaths);
		ro.walk.native = native;
		if ((status = walk_all(&ro, &sr, paths, npaths, &why)) < 0) {
			errorx("%s", why.text);
			status = PFSEL_EXIT_ERROR;
		}
		label_native_free(native);
		label_memo_free(memo);
	}
	label_fc_free(&fc);
	label_policy_unload();
	for (i = 0; i < npaths; i++)
		free(paths[i]);
	free(paths);
	selroot_free(&sr);
	return status;
}
