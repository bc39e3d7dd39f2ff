/*
 * verify - check what pfsel-gen installed; see verify.h.
 *
 * The checks read the store inside a transaction that is never
 * committed (intent_reconcile needs one, and it holds the store lock
 * while the manifests are compared), and the file contexts and files
 * through libselinux, as setfiles would see them.  Results are
 * collected first and printed once, as text or JSON.
 */
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <selinux/label.h>
#include <selinux/selinux.h>

#include "build_temp.h"
#include "bundle.h"
#include "install_intent.h"
#include "install_store.h"
#include "manifest.h"
#include "module_package.h"
#include "msg.h"
#include "quote.h"
#include "read_file.h"
#include "selroot.h"
#include "statedir.h"
#include "temp_name.h"
#include "verify.h"
#include "xalloc.h"

/* Walks stop here: a tree is the spec's, not a whole file system. */
#define VERIFY_MAX_FILES 200000

struct loss {
	char *what;
	char *restore; /* a shell command line, or NULL when there is none */
};

struct result {
	const struct manifest *m;
	struct loss *losses;
	size_t nlosses;
	char **notes;
	size_t nnotes;
	const char *drift; /* "same", "differs", "not checked" */
};

struct verify_ctx {
	const struct verify_opts *o;
	struct selroot sr;
	struct store *st;
	struct selabel_handle *labels; /* ROOT's file contexts */
	const struct manifest *list;
	size_t n;
	struct port_set local;
};

static char *
command_line(const char *const *argv)
{
	struct strbuf sb = STRBUF_INIT;

	quote_command(&sb, argv);
	return strbuf_detach(&sb);
}

static void add_loss(struct result *r, char *restore, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
add_loss(struct result *r, char *restore, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	quote_text(&sb, buf);
	r->losses = xreallocarray(r->losses, r->nlosses + 1, sizeof(*r->losses));
	r->losses[r->nlosses].what = strbuf_detach(&sb);
	r->losses[r->nlosses++].restore = restore;
}

static void
add_note(struct result *r, const char *text)
{
	struct strbuf sb = STRBUF_INIT;

	quote_text(&sb, text);
	r->notes = xreallocarray(r->notes, r->nnotes + 1, sizeof(*r->notes));
	r->notes[r->nnotes++] = strbuf_detach(&sb);
}

/* "pfsel-gen install SPEC [--root ROOT]": what puts the module, its
 * ports and file contexts back; NULL without a recorded spec. */
static char *
install_command(const struct verify_ctx *c, const struct manifest *m)
{
	const char *argv[] = {"pfsel-gen", "install", m->spec, "--root",
	                      c->sr.root, NULL};

	if (m->spec == NULL)
		return NULL;
	if (!*c->sr.root)
		argv[3] = NULL;
	return command_line(argv);
}

/* semodule [-p ROOT] ARGS... */
static char *
semodule_command(const struct verify_ctx *c, const char *a1, const char *a2,
                 const char *a3, const char *a4)
{
	const char *argv[] = {"semodule", "-p", c->sr.root, a1, a2, a3, a4,
	                      NULL};

	return command_line(*c->sr.root ? argv : argv + 2);
}

static void
check_module(struct verify_ctx *c, struct result *r, int *present)
{
	const struct manifest *m = r->m;
	struct store_module sm;
	struct why why;
	char prio[16];

	*present = 0;
	if (store_module_lookup(c->st, m->module, &sm, &why) < 0) {
		add_loss(r, NULL, "cannot read module %s: %s", m->module,
		         why.text);
		return;
	}
	if (sm.priority == 0) {
		add_loss(r, install_command(c, m),
		         "module %s is not in the store", m->module);
		return;
	}
	snprintf(prio, sizeof(prio), "%d", sm.priority);
	if (sm.priority > STORE_PRIORITY)
		add_loss(r, semodule_command(c, "-X", prio, "-r", m->module),
		         "module %s at priority %d overrides the one "
		         "pfsel-gen installed at %d",
		         m->module, sm.priority, STORE_PRIORITY);
	else if (sm.priority < STORE_PRIORITY)
		add_loss(r, install_command(c, m),
		         "module %s is in the store at priority %d only, not "
		         "at %d where pfsel-gen installed it",
		         m->module, sm.priority, STORE_PRIORITY);
	else if (!sm.enabled)
		add_loss(r, semodule_command(c, "-e", m->module, NULL, NULL),
		         "module %s is disabled", m->module);
	else
		*present = 1;
}

/* Some manifest records type for the key (an override by one module
 * replaces the label another claims). */
static int
claimed_type(const struct verify_ctx *c, const char *proto, int low, int high,
             const char *type)
{
	size_t i, j;

	for (i = 0; i < c->n; i++)
		for (j = 0; j < c->list[i].nports; j++) {
			const struct manifest_port *q = &c->list[i].ports[j];

			if (q->low == low && q->high == high &&
			    strcmp(q->proto, proto) == 0 &&
			    strcmp(q->type, type) == 0)
				return 1;
		}
	return 0;
}

static void
check_ports(struct verify_ctx *c, struct result *r)
{
	size_t i;

	for (i = 0; i < r->m->nports; i++) {
		const struct manifest_port *p = &r->m->ports[i];
		const struct port_rec *rec =
		    port_set_find(&c->local, p->proto, p->low, p->high);

		if (rec && claimed_type(c, p->proto, p->low, p->high,
		                        rec->type))
			continue;
		add_loss(r, install_command(c, r->m),
		         "port %s/%d-%d should have the local label %s, the "
		         "store has %s",
		         p->proto, p->low, p->high, p->type,
		         rec ? rec->type : "none");
	}
}

/* "user:role:type[:level]" -> type, in buf. */
static const char *
type_of(const char *context, char *buf, size_t size)
{
	const char *p = strchr(context, ':');

	if (p == NULL || (p = strchr(p + 1, ':')) == NULL)
		return context;
	p++;
	snprintf(buf, size, "%.*s", (int)strcspn(p, ":"), p);
	return buf;
}

/* The type labels gives path (of mode), in buf; NULL when none. */
static const char *
lookup_type(struct selabel_handle *labels, const char *path, mode_t mode,
            char *buf, size_t size)
{
	char *con = NULL;

	if (selabel_lookup_raw(labels, &con, path, (int)mode) < 0)
		return NULL;
	type_of(con, buf, size);
	freecon(con);
	return strcmp(buf, "<<none>>") == 0 ? NULL : buf;
}

static mode_t
mode_in_root(const struct verify_ctx *c, const char *path)
{
	char *full = selroot_path(&c->sr, path);
	struct stat st;
	mode_t mode = 0;

	if (lstat(full, &st) == 0)
		mode = st.st_mode;
	free(full);
	return mode;
}

/* The module's own file contexts, as a selabel handle (read from a
 * temporary copy, removed once loaded). */
static struct selabel_handle *
module_labels(struct verify_ctx *c, struct result *r)
{
	struct selinux_opt opt = {SELABEL_OPT_PATH, NULL};
	struct selabel_handle *h = NULL;
	char *data = NULL, *fc = NULL, *path;
	struct why why;
	size_t len;
	int fd;

	path = temp_name("pfsel-gen.fc");
	if (store_module_package(c->st, r->m->module, &data, &len, &why) <= 0 ||
	    (fc = module_package_fc(data, len, r->m->module, &why)) == NULL) {
		add_note(r, "the module's file contexts cannot be read");
	} else if ((fd = mkstemp(path)) >= 0) {
		FILE *fp = fdopen(fd, "w");

		if (fp && fputs(fc, fp) >= 0 && fclose(fp) == 0) {
			opt.value = path;
			h = selabel_open(SELABEL_CTX_FILE, &opt, 1);
		} else if (fp) {
			fclose(fp);
		}
		unlink(path);
	}
	if (fc && h == NULL)
		add_note(r, "the module's file contexts cannot be loaded");
	free(path);
	free(data);
	free(fc);
	return h;
}

static void
check_file_contexts(struct verify_ctx *c, struct result *r)
{
	char want[256], got[256];
	struct selabel_handle *own = module_labels(c, r);
	size_t i;

	for (i = 0; own && i < r->m->ntrees; i++) {
		const char *t = r->m->trees[i];
		mode_t mode = mode_in_root(c, t);
		const char *w = lookup_type(own, t, mode, want, sizeof(want));
		const char *g =
		    lookup_type(c->labels, t, mode, got, sizeof(got));
		char *fix = NULL;

		if (w == NULL || (g && strcmp(w, g) == 0))
			continue;
		if (!*c->sr.root) {
			char *re = xasprintf("%s(/.*)?", t);
			const char *argv[] = {"semanage", "fcontext", "-a",
			                      "-t", w, re, NULL};

			fix = command_line(argv);
			free(re);
		}
		add_loss(r, fix,
		         "%s: the file contexts give %s, module %s says %s "
		         "(a file context that takes precedence shadows it)",
		         t, g ? g : "no label", r->m->module, w);
	}
	if (own)
		selabel_close(own);
}

/* One walk of a tree: the files whose type is not what labels gives. */
struct walk {
	struct selabel_handle *labels;
	size_t rootlen;
	size_t files, wrong;
	int unsupported;
	char first[PATH_MAX + 600];
};
static struct walk *the_walk; /* nftw passes no argument */

static int
walk_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	struct walk *w = the_walk;
	char want[256], got[256], *con = NULL;
	const char *wt, *rel = path + w->rootlen;

	(void)flag;
	(void)ftw;
	if (++w->files > VERIFY_MAX_FILES)
		return 1;
	if ((wt = lookup_type(w->labels, *rel ? rel : "/", st->st_mode, want,
	                      sizeof(want))) == NULL)
		return 0;
	if (lgetfilecon_raw(path, &con) < 0) {
		if (errno == ENOTSUP) {
			w->unsupported = 1;
			return 1;
		}
		snprintf(got, sizeof(got), "no label");
	} else {
		type_of(con, got, sizeof(got));
		freecon(con);
	}
	if (strcmp(wt, got) == 0)
		return 0;
	if (w->wrong++ == 0)
		snprintf(w->first, sizeof(w->first), "%s has %s, not %s", rel,
		         got, wt);
	return 0;
}

static void
check_files(struct verify_ctx *c, struct result *r)
{
	size_t rootlen = strlen(c->sr.root), i;
	struct walk w;

	for (i = 0; i < r->m->ntrees; i++) {
		char *full = selroot_path(&c->sr, r->m->trees[i]);
		const char *with_root[] = {"pfsel-label", "apply", "-r",
		                           c->sr.root, r->m->trees[i], NULL};
		const char *without[] = {"pfsel-label", "apply",
		                         r->m->trees[i], NULL};
		struct stat st;

		memset(&w, 0, sizeof(w));
		w.labels = c->labels;
		w.rootlen = rootlen;
		the_walk = &w;
		if (lstat(full, &st) == 0)
			nftw(full, walk_entry, 16, FTW_PHYS);
		the_walk = NULL;
		free(full);
		if (w.unsupported) {
			add_note(r, "file labels not checked: the file system "
			            "holds no SELinux labels");
			return;
		}
		if (w.files > VERIFY_MAX_FILES)
			add_note(r, "a tree has more files than verify walks; "
			            "the rest were not checked");
		if (w.wrong)
			add_loss(r,
			         command_line(*c->sr.root ? with_root
			                                  : without),
			         "%s: %zu file%s not labelled as the file "
			         "contexts say (%s)",
			         r->m->trees[i], w.wrong,
			         w.wrong == 1 ? " is" : "s are", w.first);
	}
}

/* The package the recorded input makes now: the bundle's, or the spec
 * built against the current policy.  1 with *pp, 0 not checked (a note
 * says why), -1 a loss already added. */
static int
rebuilt_package(struct verify_ctx *c, struct result *r, char **pp, size_t *len)
{
	struct build_temp bt;
	struct bundle b;
	struct spec *spec;
	struct why why;
	char *mk;
	int is_bundle, rc = -1;

	if ((is_bundle = bundle_load(r->m->spec, &b, &why)) < 0) {
		add_loss(r, NULL, "%s, which module %s was installed from, "
		                  "cannot be read: %s",
		         r->m->spec, r->m->module, why.text);
		return -1;
	}
	if (is_bundle) {
		*pp = b.pp;
		*len = b.pp_len;
		b.pp = NULL;
		bundle_free(&b);
		return 1;
	}
	mk = xasprintf("%s/Makefile", c->sr.devel_dir);
	if (access(mk, R_OK) < 0) {
		free(mk);
		add_note(r, "drift not checked: no devel toolchain to rebuild "
		            "the spec with");
		return 0;
	}
	free(mk);
	if ((spec = spec_load(r->m->spec, &why)) == NULL) {
		add_loss(r, NULL, "%s, which module %s was installed from, "
		                  "cannot be read: %s",
		         r->m->spec, r->m->module, why.text);
		return -1;
	}
	if (build_temp(spec, NULL, *c->sr.root ? c->sr.root : NULL, &bt,
	               &why) < 0)
		add_loss(r, NULL,
		         "the spec no longer builds against the current "
		         "policy: %s",
		         why.text);
	else if (read_file(bt.pp, pp, len, &why) < 0)
		add_loss(r, NULL, "%s", why.text);
	else
		rc = 1;
	build_temp_done(&bt);
	spec_free(spec);
	return rc;
}

static void
check_drift(struct verify_ctx *c, struct result *r)
{
	char *now = NULL, *installed = NULL;
	size_t nlen = 0, ilen = 0;
	struct why why;
	int rc;

	r->drift = "not checked";
	if (r->m->spec == NULL) {
		add_note(r, "drift not checked: the manifest names no spec");
		return;
	}
	if ((rc = rebuilt_package(c, r, &now, &nlen)) <= 0)
		return;
	if (store_module_package(c->st, r->m->module, &installed, &ilen,
	                         &why) <= 0)
		add_note(r, "drift not checked: the installed package cannot "
		            "be read");
	else if (nlen == ilen && memcmp(now, installed, nlen) == 0)
		r->drift = "same";
	else {
		r->drift = "differs";
		add_loss(r, install_command(c, r->m),
		         "%s against the current policy gives another module "
		         "than the one installed",
		         r->m->spec);
	}
	free(now);
	free(installed);
}

static void
verify_one(struct verify_ctx *c, struct result *r)
{
	int present;

	r->drift = "not checked";
	check_module(c, r, &present);
	check_ports(c, r);
	/* Without the module its trees' labels follow from that loss, and
	 * its restoring command restores them too. */
	if (!present)
		return;
	check_file_contexts(c, r);
	check_files(c, r);
	if (c->o->drift)
		check_drift(c, r);
}

static void
print_string_list(struct strbuf *sb, char **items, size_t n)
{
	size_t i;

	strbuf_adds(sb, "[");
	for (i = 0; i < n; i++) {
		if (i)
			strbuf_adds(sb, ",");
		quote_json(sb, items[i]);
	}
	strbuf_adds(sb, "]");
}

static void
print_json(const struct result *res, size_t n, int bad)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, j;

	strbuf_addf(&sb, "{\"ok\":%s,\"changed\":%s,\"modules\":[",
	            bad ? "false" : "true", bad ? "true" : "false");
	for (i = 0; i < n; i++) {
		const struct result *r = &res[i];

		strbuf_adds(&sb, i ? ",{\"name\":" : "{\"name\":");
		quote_json(&sb, r->m->module);
		strbuf_addf(&sb, ",\"ok\":%s,\"drift\":",
		            r->nlosses ? "false" : "true");
		quote_json(&sb, r->drift);
		strbuf_adds(&sb, ",\"losses\":[");
		for (j = 0; j < r->nlosses; j++) {
			strbuf_adds(&sb, j ? ",{\"what\":" : "{\"what\":");
			quote_json(&sb, r->losses[j].what);
			strbuf_adds(&sb, ",\"restore\":");
			quote_json(&sb, r->losses[j].restore);
			strbuf_adds(&sb, "}");
		}
		strbuf_adds(&sb, "],\"notes\":");
		print_string_list(&sb, r->notes, r->nnotes);
		strbuf_adds(&sb, "}");
	}
	strbuf_adds(&sb, "]}\n");
	fputs(sb.data, stdout);
	strbuf_free(&sb);
}

/* Text: values were quoted when the result was made. */
static void
print_text(const struct result *res, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		const struct result *r = &res[i];

		if (r->nlosses == 0)
			printf("%s: ok: module, %zu port label%s, %zu tree%s "
			       "as installed (drift: %s)\n",
			       r->m->module, r->m->nports,
			       r->m->nports == 1 ? "" : "s", r->m->ntrees,
			       r->m->ntrees == 1 ? "" : "s", r->drift);
		for (j = 0; j < r->nlosses; j++) {
			printf("%s: LOST: %s\n", r->m->module,
			       r->losses[j].what);
			if (r->losses[j].restore)
				printf("%s:   restore: %s\n", r->m->module,
				       r->losses[j].restore);
		}
		for (j = 0; j < r->nnotes; j++)
			printf("%s: note: %s\n", r->m->module, r->notes[j]);
	}
}

static void
results_free(struct result *res, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < res[i].nlosses; j++) {
			free(res[i].losses[j].what);
			free(res[i].losses[j].restore);
		}
		free(res[i].losses);
		for (j = 0; j < res[i].nnotes; j++)
			free(res[i].notes[j]);
		free(res[i].notes);
	}
	free(res);
}

/* The index of the manifest of module o->module, or n (all of them). */
static int
pick(const struct verify_opts *o, const struct manifest *list, size_t n,
     size_t *only, struct why *why)
{
	size_t i;

	*only = n;
	if (o->module == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(list[i].module, o->module) == 0) {
			*only = i;
			return 0;
		}
	return why_set(why, "%s was not installed by pfsel-gen (no manifest)",
	               o->module);
}

static int
check_all(struct verify_ctx *c, struct why *why)
{
	struct selinux_opt opt = {SELABEL_OPT_PATH, c->sr.file_contexts};
	struct result *res;
	size_t i, only, count = 0;
	int bad = 0;

	if (pick(c->o, c->list, c->n, &only, why) < 0)
		return -1;
	if ((c->labels = selabel_open(SELABEL_CTX_FILE, &opt, 1)) == NULL)
		return why_errno(why, "cannot load file contexts %s",
		                 c->sr.file_contexts);
	res = xcalloc(c->n ? c->n : 1, sizeof(*res));
	for (i = 0; i < c->n; i++) {
		if (only != c->n && i != only)
			continue;
		res[count].m = &c->list[i];
		verify_one(c, &res[count]);
		bad |= res[count].nlosses > 0;
		count++;
	}
	if (c->o->json)
		print_json(res, count, bad);
	else
		print_text(res, count);
	results_free(res, count);
	return bad;
}

int
verify_run(const struct verify_opts *o, struct why *why)
{
	struct statedir sd = {-1, NULL};
	struct manifest *list = NULL;
	struct verify_ctx c;
	int rc = -1, have;

	memset(&c, 0, sizeof(c));
	c.o = o;
	if (selroot_open(&c.sr, o->root, why) < 0)
		return -1;
	if ((have = statedir_open(&sd, c.sr.root, 0, why)) < 0)
		goto out;
	/* Under both locks an intent is one a dead run left; the store's
	 * needs a transaction. */
	if (have && statedir_lock(&sd, why) < 0)
		goto out;
	if ((c.st = store_begin(c.sr.root, why)) == NULL)
		goto out;
	if (have && (intent_reconcile(c.st, &sd, why) < 0 ||
	             manifest_load_others(&sd, "", &list, &c.n, why) < 0))
		goto out;
	if (store_local_ports(c.st, &c.local, why) < 0)
		goto out;
	c.list = list;
	rc = check_all(&c, why);
out:
	if (c.labels)
		selabel_close(c.labels);
	if (c.st)
		store_abort(c.st);
	port_set_free(&c.local);
	manifest_list_free(list, c.n);
	statedir_close(&sd);
	selroot_free(&c.sr);
	return rc;
}
