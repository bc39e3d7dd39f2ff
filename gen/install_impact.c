/*
 * install_impact - compare file contexts before and after an install;
 * see install_impact.h.
 */
#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <selinux/label.h>
#include <selinux/selinux.h>

#include "install_impact.h"
#include "msg.h"
#include "policy_file.h"
#include "policyinfo.h"
#include "quote.h"
#include "read_file.h"
#include "strbuf.h"
#include "temp_name.h"
#include "xalloc.h"

/* One file_contexts line: expression, kind flag ("" for any), context. */
struct fc_line {
	char *re;
	char *flag;
	char *ctx;
	size_t order; /* input position: the sort is stable */
};

struct fc_list {
	struct fc_line *v;
	size_t n;
};

static void
fc_add(struct fc_list *l, const char *re, const char *flag, const char *ctx)
{
	struct fc_line *f;

	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	f = &l->v[l->n];
	f->re = xstrdup(re);
	f->flag = xstrdup(flag);
	f->ctx = xstrdup(ctx);
	f->order = l->n++;
}

static void
fc_list_free(struct fc_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].re);
		free(l->v[i].flag);
		free(l->v[i].ctx);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* ROOT's file_contexts, line by line (comments and blanks skipped). */
static int
read_fc(const char *path, struct fc_list *l, struct why *why)
{
	char *text, *line, *save = NULL;
	size_t len;

	if (read_file(path, &text, &len, why) < 0)
		return -1;
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char *f[3], *s2 = NULL;
		int n = 0;

		if (*line == '#')
			continue;
		for (f[n] = strtok_r(line, " \t", &s2); f[n] && n < 2;
		     f[n] = strtok_r(NULL, " \t", &s2))
			n++;
		if (f[n])
			n++;
		if (n == 2)
			fc_add(l, f[0], "", f[1]);
		else if (n == 3)
			fc_add(l, f[0], f[1], f[2]);
	}
	free(text);
	return 0;
}

/* The .fc kind column of a CIL filecon kind. */
static const char *
kind_flag(const char *kind)
{
	static const char *const map[][2] = {
	    {"file", "--"},    {"dir", "-d"},    {"char", "-c"},
	    {"block", "-b"},   {"socket", "-s"}, {"pipe", "-p"},
	    {"symlink", "-l"},
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(kind, map[i][0]) == 0)
			return map[i][1];
	return "";
}

/*
 * (filecon "RE" KIND (USER ROLE TYPE ((s0) (s0)))) as a file_contexts
 * line; 0, or -1 for a form this does not read (a named context, none).
 */
static int
parse_filecon(const char *s, struct fc_list *l)
{
	char re[4096], kind[16], user[256], role[256], type[256];
	const char *end;
	size_t n;
	char *ctx;

	if (strncmp(s, "(filecon \"", 10) != 0 ||
	    (end = strchr(s + 10, '"')) == NULL ||
	    (n = (size_t)(end - (s + 10))) >= sizeof(re))
		return -1;
	memcpy(re, s + 10, n);
	re[n] = '\0';
	if (sscanf(end + 1, " %15s (%255s %255s %255[^ )]", kind, user, role,
	           type) != 4)
		return -1;
	ctx = xasprintf("%s:%s:%s%s", user, role, type,
	                strstr(end, "((") ? ":s0" : "");
	fc_add(l, re, kind_flag(kind), ctx);
	free(ctx);
	return 0;
}

static int
has_meta(const char *s, size_t *stem)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (strchr(".^$?*+|[({\\", s[i])) {
			*stem = i;
			return 1;
		}
	*stem = i;
	return 0;
}

/*
 * libsemanage's order (semanage_fc_sort): expressions before plain
 * paths, then by stem (the part before the first special character),
 * then by length, then entries of one kind after "any"; the last match
 * wins, so the most specific entry does.
 */
static int
fc_compare(const void *pa, const void *pb)
{
	const struct fc_line *a = pa, *b = pb;
	size_t sa, sb;
	int ma = has_meta(a->re, &sa), mb = has_meta(b->re, &sb);
	size_t la = strlen(a->re), lb = strlen(b->re);

	if (ma != mb)
		return ma ? -1 : 1;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (la != lb)
		return la < lb ? -1 : 1;
	if ((*a->flag == '\0') != (*b->flag == '\0'))
		return *a->flag == '\0' ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* Where libsemanage's sort puts f in the sorted list l: after the last
 * line that sorts before or with it. */
static size_t
insertion_point(const struct fc_list *l, const struct fc_line *f)
{
	size_t i = l->n;

	while (i > 0 && fc_compare(&l->v[i - 1], f) > 0)
		i--;
	return i;
}

static int
same_key(const struct fc_line *a, const struct fc_line *b)
{
	return strcmp(a->re, b->re) == 0 && strcmp(a->flag, b->flag) == 0;
}

static void finding(struct impact *im, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
finding(struct impact *im, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	quote_text(&sb, buf);
	im->findings =
	    xreallocarray(im->findings, im->count + 1, sizeof(*im->findings));
	im->findings[im->count++] = strbuf_detach(&sb);
}

static void
fc_insert(struct fc_list *l, size_t at, const struct fc_line *f)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	memmove(&l->v[at + 1], &l->v[at], (l->n - at) * sizeof(*l->v));
	l->v[at].re = xstrdup(f->re);
	l->v[at].flag = xstrdup(f->flag);
	l->v[at].ctx = xstrdup(f->ctx);
	l->v[at].order = l->n++; /* after any equal entry: added last */
}

/*
 * after = before without the installed module's entries, with the new
 * module's inserted in libsemanage's order.  An entry repeating
 * another's expression and kind with another context is a finding:
 * which one the store keeps is not the spec's to choose.
 */
static void
merge(const struct fc_list *before, const struct fc_list *old_mod,
      const struct fc_list *new_mod, struct fc_list *after, struct impact *im)
{
	char *taken = xcalloc(before->n ? before->n : 1, 1);
	size_t i, j;

	for (j = 0; j < old_mod->n; j++)
		for (i = 0; i < before->n; i++)
			if (!taken[i] &&
			    same_key(&before->v[i], &old_mod->v[j]) &&
			    strcmp(before->v[i].ctx, old_mod->v[j].ctx) == 0) {
				taken[i] = 1;
				break;
			}
	for (i = 0; i < before->n; i++)
		if (!taken[i])
			fc_add(after, before->v[i].re, before->v[i].flag,
			       before->v[i].ctx);
	for (j = 0; j < new_mod->n; j++) {
		const struct fc_line *f = &new_mod->v[j];

		for (i = 0; i < after->n; i++)
			if (same_key(&after->v[i], f) &&
			    strcmp(after->v[i].ctx, f->ctx) != 0)
				finding(
				    im,
				    "%s %s: the module's %s conflicts with %s "
				    "for the same expression",
				    f->re, *f->flag ? f->flag : "(any)", f->ctx,
				    after->v[i].ctx);
		fc_insert(after, insertion_point(after, f), f);
	}
	free(taken);
}

static const char *const subs_suffixes[] = {".subs_dist", ".subs"};

/*
 * The path substitutions beside ROOT's file_contexts (Fedora's
 * "/usr/sbin /usr/bin") beside the copy too: libselinux reads them from
 * next to the file it opens, and without them /usr/sbin/postfix would
 * seem to change type.
 */
static void
copy_subs(const char *fc, const char *tmp)
{
	size_t i, len;
	char *text;
	struct why ignored;

	for (i = 0; i < 2; i++) {
		char *from = xasprintf("%s%s", fc, subs_suffixes[i]);
		char *to = xasprintf("%s%s", tmp, subs_suffixes[i]);
		FILE *fp;

		if (access(from, F_OK) == 0 &&
		    read_file(from, &text, &len, &ignored) == 0) {
			if ((fp = fopen(to, "wxe")) == NULL ||
			    fwrite(text, 1, len, fp) != len || fclose(fp) != 0)
				fatal("cannot write %s", to);
			free(text);
		}
		free(from);
		free(to);
	}
}

/* The copy and its substitutions. */
static void
remove_list(char *tmp)
{
	size_t i;

	if (tmp == NULL)
		return;
	unlink(tmp);
	for (i = 0; i < 2; i++) {
		char *p = xasprintf("%s%s", tmp, subs_suffixes[i]);

		unlink(p);
		free(p);
	}
	free(tmp);
}

/* l written to a temporary file and opened with libselinux. */
static struct selabel_handle *
open_list(const struct fc_list *l, const char *fc, char **tmp, struct why *why)
{
	struct selinux_opt opts[2];
	struct selabel_handle *h;
	size_t i;
	FILE *fp;
	int fd;

	*tmp = temp_name("pfsel-fc");
	if ((fd = mkstemp(*tmp)) < 0 || (fp = fdopen(fd, "w")) == NULL)
		fatal("cannot create %s", *tmp);
	for (i = 0; i < l->n; i++)
		fprintf(fp, "%s\t%s\t%s\n", l->v[i].re, l->v[i].flag,
		        l->v[i].ctx);
	if (fclose(fp) != 0)
		fatal("cannot write %s", *tmp);
	copy_subs(fc, *tmp);
	opts[0].type = SELABEL_OPT_PATH;
	opts[0].value = *tmp;
	opts[1].type = SELABEL_OPT_BASEONLY;
	opts[1].value = (const char *)1;
	if ((h = selabel_open(SELABEL_CTX_FILE, opts, 2)) == NULL)
		why_errno(why,
		          "cannot read the file contexts an install "
		          "would make (%s)",
		          *tmp);
	return h;
}

/* The type h gives path as a file of that mode (0: any), "<<none>>"
 * when no entry does; freed by the caller. */
static char *
type_at(struct selabel_handle *h, const char *path, mode_t mode)
{
	char *con = NULL, *type = NULL, *p;

	if (selabel_lookup_raw(h, &con, path, (int)mode) < 0)
		return xstrdup("<<none>>");
	if ((p = strchr(con, ':')) && (p = strchr(p + 1, ':'))) {
		type = xstrdup(p + 1);
		if ((p = strchr(type, ':')))
			*p = '\0';
	}
	freecon(con);
	return type ? type : xstrdup("<<none>>");
}

static char *
type_of(struct selabel_handle *h, const char *path)
{
	return type_at(h, path, 0);
}

/* a is b or lies inside b */
static int
inside(const char *a, const char *b)
{
	size_t n = strlen(b);

	return strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '/');
}

static int
in_trees(const char *path, char **trees, size_t n, int exact)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (exact ? strcmp(path, trees[i]) == 0
		          : inside(path, trees[i]))
			return 1;
	return 0;
}

struct probe_set {
	char **paths;
	int *stock;
	size_t n;
};

static void
probe_add(struct probe_set *ps, const char *path, int stock)
{
	size_t i;

	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->paths[i], path) == 0) {
			ps->stock[i] |= stock;
			return;
		}
	ps->paths = xreallocarray(ps->paths, ps->n + 1, sizeof(*ps->paths));
	ps->stock = xreallocarray(ps->stock, ps->n + 1, sizeof(*ps->stock));
	ps->paths[ps->n] = xstrdup(path);
	ps->stock[ps->n++] = stock;
}

/* The literal path an expression starts with, if it names one. */
static void
probe_stem(struct probe_set *ps, const char *re, char **trees, size_t ntrees)
{
	size_t stem;
	char *p;

	has_meta(re, &stem);
	p = xstrndup(re, stem);
	while (strlen(p) > 1 && p[strlen(p) - 1] == '/')
		p[strlen(p) - 1] = '\0';
	if (*p == '/' && in_trees(p, trees, ntrees, 0))
		probe_add(ps, p, 0);
	free(p);
}

/* Postfix's own paths, from policy/postfix-paths. */
static int
probe_stock(struct probe_set *ps, struct why *why)
{
	char *text, *line, *save = NULL;

	if ((text = policy_file_read("postfix-paths", why)) == NULL)
		return -1;
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		if (*line == '/')
			probe_add(ps, line, 1);
	free(text);
	return 0;
}

static void
judge(struct impact *im, const char *path, int stock, int named,
      struct selabel_handle *before, struct selabel_handle *after,
      struct selabel_handle *mod)
{
	char *was = type_of(before, path), *will = type_of(after, path);
	char *asked = type_of(mod, path);

	if (stock && !named && strcmp(was, will) != 0)
		finding(im, "%s: a Postfix path would change from %s to %s",
		        path, was, will);
	else if (strcmp(was, will) != 0 && strcmp(will, asked) != 0)
		finding(im,
		        "%s: would change from %s to %s, which the module "
		        "does not give it",
		        path, was, will);
	else if (named && strcmp(asked, "<<none>>") != 0 &&
	         strcmp(will, asked) != 0)
		finding(im,
		        "%s: the module gives it %s, but the policy would "
		        "keep %s",
		        path, asked, will);
	free(was);
	free(will);
	free(asked);
}

static void
from_facts(const struct module_facts *f, struct fc_list *l)
{
	size_t i;

	for (i = 0; i < f->nfc; i++)
		parse_filecon(f->fc[i], l);
}

/* nftw keeps no user pointer: the count in progress. */
static struct {
	struct selabel_handle *before, *after;
	size_t root_len; /* ROOT's prefix, cut off for the lookups */
	const char *stem; /* the literal start of the filecon's path */
	size_t stem_len;
	size_t count, seen;
} walk;

/*
 * Only a path that starts with the stem can match the filecon; a
 * directory on the way to the stem is walked through.  Walking the
 * whole directory the stem ends in (/var/lib for a new
 * /var/lib/NAME(/.*)?) looked up every file of the policy store: 49 of
 * the 55 s an install of examples/full took in a scratch root.
 */
static int
on_stem(const char *p, int flag)
{
	size_t len = strlen(p);

	if (strncmp(p, walk.stem, walk.stem_len) == 0)
		return 1;
	return flag == FTW_D && len < walk.stem_len &&
	       strncmp(walk.stem, p, len) == 0 &&
	       (walk.stem[len] == '/' || strcmp(p, "/") == 0);
}

static int
count_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	const char *p = path + walk.root_len;
	char *was, *will;

	(void)ftw;
	if (*p == '\0')
		p = "/";
	if (!on_stem(p, flag))
		return flag == FTW_D ? FTW_SKIP_SUBTREE : FTW_CONTINUE;
	if (++walk.seen > RELABEL_WALK_MAX)
		return FTW_STOP;
	was = type_at(walk.before, p, st->st_mode);
	will = type_at(walk.after, p, st->st_mode);
	if (strcmp(was, will) != 0)
		walk.count++;
	free(was);
	free(will);
	return FTW_CONTINUE;
}

/*
 * The files below the literal path a CIL filecon starts with (or its
 * directory, when that path is not there) whose type differs between
 * the two file contexts: what a relabel after the install would change.
 */
static size_t
count_relabel(const struct selroot *sr, const char *filecon,
              struct selabel_handle *before, struct selabel_handle *after)
{
	struct fc_list one = {0};
	struct stat st;
	size_t stem;
	char *dir;

	if (parse_filecon(filecon, &one) < 0)
		return 0;
	has_meta(one.v[0].re, &stem);
	dir = xasprintf("%s%.*s", sr->root, (int)stem, one.v[0].re);
	while (lstat(dir, &st) < 0 && strrchr(dir, '/') &&
	       strlen(dir) > strlen(sr->root) + 1)
		*strrchr(dir, '/') = '\0';
	walk.before = before;
	walk.after = after;
	walk.root_len = strlen(sr->root);
	walk.stem = one.v[0].re;
	walk.stem_len = stem;
	walk.count = walk.seen = 0;
	/* Never the whole of ROOT: an entry that far up names no tree. */
	if (strlen(dir) > strlen(sr->root) + 1 && lstat(dir, &st) == 0)
		nftw(dir, count_entry, 16,
		     FTW_PHYS | FTW_MOUNT | FTW_ACTIONRETVAL);
	free(dir);
	fc_list_free(&one);
	return walk.count;
}

static void
count_relabels(const struct selroot *sr, const struct module_facts *installed,
               const struct module_facts *next, struct selabel_handle *hb,
               struct selabel_handle *ha, struct impact *im)
{
	size_t i;

	im->relabel_added = xcalloc(next->nfc ? next->nfc : 1, sizeof(size_t));
	im->relabel_removed =
	    xcalloc(installed->nfc ? installed->nfc : 1, sizeof(size_t));
	for (i = 0; i < next->nfc; i++)
		if (!module_facts_has_fc(installed, next->fc[i]))
			im->relabel_added[i] =
			    count_relabel(sr, next->fc[i], hb, ha);
	for (i = 0; i < installed->nfc; i++)
		if (!module_facts_has_fc(next, installed->fc[i]))
			im->relabel_removed[i] =
			    count_relabel(sr, installed->fc[i], hb, ha);
}

int
impact_check(const struct selroot *sr, const struct spec *spec,
             const struct module_facts *installed,
             const struct module_facts *next, struct impact *im,
             struct why *why)
{
	struct fc_list before = {0}, old_mod = {0}, new_mod = {0}, after = {0},
	               mod_sorted = {0};
	struct selabel_handle *hb = NULL, *ha = NULL, *hm = NULL;
	struct selinux_opt opts[2] = {{SELABEL_OPT_PATH, sr->file_contexts},
	                              {SELABEL_OPT_BASEONLY, (const char *)1}};
	char *tmp_after = NULL, *tmp_mod = NULL;
	struct probe_set ps = {0};
	size_t ntrees = 0, i;
	char **trees = spec_trees(spec, &ntrees);
	int rc = -1;

	memset(im, 0, sizeof(*im));
	if (read_fc(sr->file_contexts, &before, why) < 0)
		goto out;
	from_facts(installed, &old_mod);
	from_facts(next, &new_mod);
	merge(&before, &old_mod, &new_mod, &after, im);
	for (i = 0; i < new_mod.n; i++)
		fc_insert(&mod_sorted,
		          insertion_point(&mod_sorted, &new_mod.v[i]),
		          &new_mod.v[i]);
	if ((hb = selabel_open(SELABEL_CTX_FILE, opts, 2)) == NULL) {
		why_errno(why, "cannot read %s", sr->file_contexts);
		goto out;
	}
	if ((ha = open_list(&after, sr->file_contexts, &tmp_after, why)) ==
	        NULL ||
	    (hm = open_list(&mod_sorted, sr->file_contexts, &tmp_mod, why)) ==
	        NULL ||
	    probe_stock(&ps, why) < 0)
		goto out;
	for (i = 0; i < ntrees; i++)
		probe_add(&ps, trees[i], 0);
	for (i = 0; i < before.n; i++)
		probe_stem(&ps, before.v[i].re, trees, ntrees);
	for (i = 0; i < new_mod.n; i++)
		probe_stem(&ps, new_mod.v[i].re, trees, ntrees);
	for (i = 0; i < ps.n; i++)
		judge(im, ps.paths[i], ps.stock[i],
		      in_trees(ps.paths[i], trees, ntrees, 1), hb, ha, hm);
	count_relabels(sr, installed, next, hb, ha, im);
	rc = 0;
out:
	if (hb)
		selabel_close(hb);
	if (ha)
		selabel_close(ha);
	if (hm)
		selabel_close(hm);
	remove_list(tmp_after);
	remove_list(tmp_mod);
	for (i = 0; i < ps.n; i++)
		free(ps.paths[i]);
	free(ps.paths);
	free(ps.stock);
	for (i = 0; i < ntrees; i++)
		free(trees[i]);
	free(trees);
	fc_list_free(&before);
	fc_list_free(&old_mod);
	fc_list_free(&new_mod);
	fc_list_free(&after);
	fc_list_free(&mod_sorted);
	return rc;
}

/* Who loses perm on the port: allowed on from, not on to. */
static void
port_losers(struct policyinfo *pi, const struct port_rec *r, const char *from,
            const char *perm, struct impact *im)
{
	char *class = xasprintf("%s_socket", r->proto);
	const char **had, **has;
	size_t nhad = policyinfo_allowed_domains(pi, from, class, perm, &had);
	size_t nhas =
	    policyinfo_allowed_domains(pi, r->type, class, perm, &has);
	struct strbuf names = STRBUF_INIT;
	size_t i, j, lost = 0;

	for (i = 0; i < nhad; i++) {
		for (j = 0; j < nhas && strcmp(had[i], has[j]) != 0; j++)
			;
		if (j < nhas)
			continue;
		if (lost++ < 8)
			strbuf_addf(&names, "%s%s", lost > 1 ? ", " : "",
			            had[i]);
	}
	if (lost > 8)
		strbuf_addf(&names, " and %zu more", lost - 8);
	if (lost)
		finding(im,
		        "%s/%d-%d: %s -> %s takes %s from %s (override = yes)",
		        r->proto, r->low, r->high, from, r->type, perm,
		        strbuf_str(&names));
	strbuf_free(&names);
	free(had);
	free(has);
	free(class);
}

int
impact_ports(const char *root, const struct port_plan *plan, struct impact *im,
             struct why *why)
{
	struct policyinfo *pi;
	size_t i;

	memset(im, 0, sizeof(*im));
	if (plan->nops == 0)
		return 0;
	if ((pi = policyinfo_open(root, why)) == NULL)
		return -1;
	for (i = 0; i < plan->nops; i++) {
		const struct port_rec *r = &plan->ops[i].rec;
		char *now;

		if (plan->ops[i].kind != PORT_OP_SET)
			continue;
		now = policyinfo_port_type(pi, r->proto, r->low);
		if (strcmp(now, r->type) != 0 && !port_type_is_generic(now)) {
			port_losers(pi, r, now, "name_bind", im);
			port_losers(pi, r, now, "name_connect", im);
		}
		free(now);
	}
	policyinfo_close(pi);
	return 0;
}

void
impact_free(struct impact *im)
{
	size_t i;

	for (i = 0; i < im->count; i++)
		free(im->findings[i]);
	free(im->findings);
	free(im->relabel_added);
	free(im->relabel_removed);
	memset(im, 0, sizeof(*im));
}
