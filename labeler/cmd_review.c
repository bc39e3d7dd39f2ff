/*
 * cmd_review - "pfsel-label review": read audit logs, group the SELinux
 * denials, say why each happened and the fix to try first.
 *
 * Called by labeler/main.c.  The work is one streaming pass over the
 * logs (review_input.c), then a diagnosis per group against the binary
 * policy (review_diag.c), then one report (review_output.c).
 * See pfsel-label-review(1).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "msg.h"
#include "opt_threads.h"
#include "review_diag.h"
#include "review_iface.h"
#include "review_input.h"
#include "review_output.h"
#include "review_pieces.h"
#include "review_policy.h"
#include "selroot.h"
#include "subcommand.h"
#include "why.h"

/*
 * The policy is left to exit(): its policydb is ~60k allocations, and
 * freeing them was 14% of the CPU of a review of the 422 groups of the
 * sepolgen test log.  Held here, leak checkers see it still reachable;
 * volatile, or the compiler drops a store nothing reads.
 */
static struct rv_policy *volatile kept_policy;

struct review_opts {
	const char *policy;
	const char *root;
	int json;
	const char *te;
	int spec;
	int color;          /* -1 auto */
	int threads;        /* to parse one large file with */
	const char *ifaces; /* --interfaces: sepolgen interface vectors */
};

static int
valid_module_name(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '_'))
			return 0;
	return 1;
}

static int
parse_opts(int argc, char **argv, struct review_opts *o)
{
	static const struct option longopts[] = {
	    {"policy", required_argument, NULL, 'p'},
	    {"root", required_argument, NULL, 'r'},
	    {"json", no_argument, NULL, 'J'},
	    {"te", required_argument, NULL, 't'},
	    {"spec", no_argument, NULL, 's'},
	    {"color", optional_argument, NULL, 'c'},
	    {"threads", required_argument, NULL, 'j'},
	    {"interfaces", optional_argument, NULL, 'I'},
	    {NULL, 0, NULL, 0},
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->color = -1;
	o->threads = opt_threads_default();
	optind = 1;
	while ((c = getopt_long(argc, argv, ":p:r:j:", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			o->policy = optarg;
			break;
		case 'r':
			o->root = optarg;
			break;
		case 'J':
			o->json = 1;
			break;
		case 't':
			if (!valid_module_name(optarg))
				return usage_error("module name \"%s\" is "
				                   "not [a-z][a-z0-9_]*",
				                   optarg),
				       -1;
			o->te = optarg;
			break;
		case 's':
			o->spec = 1;
			break;
		case 'I':
			o->ifaces = optarg != NULL ? optarg : RV_IFACE_DEFAULT;
			break;
		case 'j':
			if ((o->threads = opt_threads(optarg)) < 0)
				return -1;
			break;
		case 'c':
			o->color = optarg == NULL || !strcmp(optarg, "always")
			               ? 1
			           : !strcmp(optarg, "never") ? 0
			                                      : -1;
			break;
		default:
			return subcommand_getopt_error(c, argv), -1;
		}
	}
	if (o->json + (o->te != NULL) + o->spec > 1)
		return usage_error("--json, --te and --spec exclude each "
		                   "other"),
		       -1;
	return 0;
}

static int
read_inputs(struct rv_input *in, int argc, char **argv, int threads,
            struct rv_helpers *hs)
{
	struct why why;
	int i, rc = 0;

	if (argc == 0)
		return rv_input_fd(in, 0, "stdin", &why) < 0
		           ? (errorx("%s", why.text), -1)
		           : 0;
	for (i = 0; i < argc; i++) {
		int fd = strcmp(argv[i], "-") == 0
		             ? 0
		             : open(argv[i], O_RDONLY | O_CLOEXEC);

		if (fd < 0) {
			error("%s", argv[i]);
			rc = -1;
			continue;
		}
		if (rv_read_file(in, fd, argv[i], threads, hs, &why) < 0) {
			errorx("%s", why.text);
			rc = -1;
		}
		if (fd != 0)
			close(fd);
	}
	return rc;
}

/* The policy and file contexts of -p/-r, or of the running system. */
static int
open_policy(const struct review_opts *o, struct selroot *sr,
            struct rv_policy **pol)
{
	struct why why;
	const char *path;

	if (selroot_open(sr, o->root, &why) < 0) {
		if (o->policy == NULL || o->root != NULL) {
			errorx("%s", why.text);
			return -1;
		}
		memset(sr, 0, sizeof(*sr)); /* -p alone: no file contexts */
	}
	path = o->policy ? o->policy : sr->binary_policy;
	if (path == NULL) {
		errorx("no binary policy found; use -p POLICY");
		return -1;
	}
	*pol = rv_policy_load(path, &why);
	if (*pol == NULL) {
		errorx("%s", why.text);
		return -1;
	}
	return 0;
}

/*
 * The policy loads (one parse of policy.N, ~0.04 s CPU) in a thread while
 * the main thread reads the logs: neither touches the other's data.  Its
 * thread then helps read a large log (rv_helpers_help): the readers are
 * one fewer meanwhile, so that the load has a core of its own and ends
 * before the reading does (a 100k-AVC review on 2 cores, median of 12:
 * 0.09 s with three threads sharing them, 0.08 s so).
 */
struct loader {
	const struct review_opts *o;
	struct selroot sr;
	struct rv_policy *pol;
	int rc;
	struct rv_helpers *hs; /* NULL: load only */
};

static void *
load_policy(void *arg)
{
	struct loader *l = arg;

	l->rc = open_policy(l->o, &l->sr, &l->pol);
	if (l->hs != NULL)
		rv_helpers_help(l->hs);
	return NULL;
}

/*
 * --interfaces: the narrowest refpolicy interface for each allow rule
 * left (review_iface.c); the names are interned into t.
 */
static void
suggest_interfaces(struct rv_ifaces *ifs, struct rv_policy *pol,
                   struct rv_table *t, struct rv_group **groups, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct rv_diag *d = groups[i]->diag;
		const char *perms[RV_MAXPERMS], *name;
		int k, np = 0, grants;

		if (d == NULL || d->fix != RV_FIX_ALLOW || d->rule_bits == 0)
			continue;
		for (k = 0; k < groups[i]->nperms; k++)
			if (d->rule_bits >> k & 1)
				perms[np++] = groups[i]->perms[k];
		name = rv_iface_choose(ifs, pol, groups[i]->stype,
		                       groups[i]->ttype, groups[i]->tclass,
		                       perms, np, &grants);
		if (name != NULL) {
			d->iface = rv_intern(t, name, strlen(name));
			d->iface_grants = grants;
		}
	}
}

static int
report(const struct review_opts *o, struct rv_table *t, struct rv_input *in,
       struct rv_policy *pol)
{
	struct rv_report r;
	size_t n, i, needs = 0;
	struct rv_group **all = rv_table_groups(t, &n);

	memset(&r, 0, sizeof(r));
	r.table = t;
	r.groups = all;
	r.ngroups = n;
	r.stats = rv_input_stats(in);
	r.errs = rv_input_errs(in, &r.nerrs);
	r.policy = pol ? sepolicy_path(rv_policy_sepolicy(pol)) : NULL;
	r.color =
	    o->color < 0 ? isatty(1) && getenv("NO_COLOR") == NULL : o->color;
	rv_report_sort(&r);
	if (o->json)
		rv_print_json(stdout, &r);
	else if (o->te != NULL)
		rv_print_te(stdout, &r, o->te);
	else if (o->spec)
		rv_print_spec(stdout, &r);
	else
		rv_print_text(stdout, &r);
	rv_report_done(&r);
	for (i = 0; i < n; i++)
		needs +=
		    all[i]->diag == NULL || all[i]->diag->fix != RV_FIX_NONE;
	if (fflush(stdout) == EOF || ferror(stdout)) {
		error("stdout");
		return PFSEL_EXIT_ERROR;
	}
	/* A denial that could not be read may need a fix review cannot
	 * tell: never "nothing to fix". */
	if (r.stats->unread_denials > 0)
		warnx("%lu denial%s could not be read (malformed)",
		      r.stats->unread_denials,
		      r.stats->unread_denials == 1 ? "" : "s");
	return needs > 0 || r.nerrs > 0 || r.stats->unread_denials > 0 ? 1 : 0;
}

int
cmd_review(int argc, char **argv)
{
	struct review_opts o;
	struct selroot sr;
	struct rv_policy *pol = NULL;
	struct rv_diag_ctx *dc;
	struct rv_table *t;
	struct rv_input *in;
	struct rv_group **groups;
	size_t n, i;
	int rc, readrc, threaded;
	struct loader ld;
	struct rv_ifaces *ifs = NULL;
	struct why why;
	pthread_t tid;

	if (parse_opts(argc, argv, &o) < 0)
		return PFSEL_EXIT_ERROR;
	if (o.ifaces != NULL &&
	    (ifs = rv_ifaces_load(o.ifaces, &why)) == NULL) {
		errorx("%s (sepolgen-ifgen -o FILE writes it from the "
		       "devel headers)",
		       why.text);
		return PFSEL_EXIT_ERROR;
	}
	/* One malloc arena: the loader thread's frees must be reusable by
	 * the main thread (peak RSS 49 MB -> see tests/bench/40-review.sh). */
	mallopt(M_ARENA_MAX, 1);
	memset(&ld, 0, sizeof(ld));
	ld.o = &o;
	ld.hs = rv_helpers_new();
	threaded = pthread_create(&tid, NULL, load_policy, &ld) == 0;
	if (!threaded) {
		rv_helpers_free(ld.hs);
		ld.hs = NULL;
		load_policy(&ld);
	}
	t = rv_table_new();
	in = rv_input_new(t);
	readrc =
	    read_inputs(in, argc - optind, argv + optind, o.threads, ld.hs);
	rv_input_finish(in);
	if (threaded) {
		rv_helpers_done(ld.hs);
		pthread_join(tid, NULL);
		rv_helpers_free(ld.hs);
	}
	sr = ld.sr;
	pol = ld.pol;
	if (ld.rc < 0) {
		rv_ifaces_free(ifs);
		rv_input_free(in);
		rv_table_free(t);
		selroot_free(&sr);
		return PFSEL_EXIT_ERROR;
	}
	dc = rv_diag_new(pol, sr.file_contexts);
	groups = rv_table_groups(t, &n);
	for (i = 0; i < n; i++)
		rv_diagnose(dc, t, groups[i]);
	rv_diagnose_fixes(dc, t, groups, n);
	if (ifs != NULL)
		suggest_interfaces(ifs, pol, t, groups, n);
	rc = report(&o, t, in, pol);
	rv_ifaces_free(ifs);
	rv_diag_free(dc);
	rv_input_free(in);
	rv_table_free(t);
	kept_policy = pol;
	selroot_free(&sr);
	return readrc < 0 ? PFSEL_EXIT_ERROR : rc;
}
