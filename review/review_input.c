/*
 * review_input - read audit logs as a stream and fill the denial groups;
 * see review_input.h.  Called by cmd_review.c and the fuzz target.
 *
 * Per record: audit_record.c finds it, a single field scan picks the
 * values needed, the group is found by hash.  Event data (exe, cwd,
 * PATH names) waits in a 64-slot ring indexed by serial; a slot is
 * flushed into its groups when another event needs it or at the end.
 *
 * Records of one event may come any distance apart (ausearch output,
 * logs of several nodes merged, a record written late): a flushed event
 * leaves a trace so that its later records still join it, in memory
 * bounded by two fixed tables.  An event given to its groups leaves
 * them (GIVEN_SLOTS entries): a late SYSCALL or PATH record is given to
 * the same groups.  An event flushed before any AVC joined it (SYSCALL
 * first) is kept whole (ORPHAN_SLOTS): a late AVC takes its data.  A
 * trace is only lost when GIVEN_SLOTS (or ORPHAN_SLOTS) other events
 * hashed to its entry came in between.
 */
#include "review_input.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit_record.h"
#include "byte_scan.h"
#include "xalloc.h"

#define RING         64
#define GIVEN_SLOTS  4096
#define ORPHAN_SLOTS 256
#define EV_GROUPS    4
#define EV_PATHS     2
#define TEXT_MAX     512
#define LINE_MAX_LEN (256 * 1024)
#define READ_CHUNK   (1024 * 1024)
#define MAX_MARKS    32 /* '(' and 0x1D a line may hold to be told of */
#define STAMP_MAX    40 /* longer stamps (no real one) compare cut */

struct ev_slot {
	int used;
	unsigned long opened; /* order of opening, to flush oldest first */
	uint32_t nodeh;
	unsigned long serial;
	/* the stamp's text: an event is audit(TIME:SERIAL), both parts
	 * (serials restart at boot and differ per node) */
	char stamp[STAMP_MAX];
	size_t stamplen;
	struct rv_group *g[EV_GROUPS];
	int ng;
	int have_path; /* the AVC itself carried an absolute path= */
	char name[TEXT_MAX];
	char avc_path[TEXT_MAX];
	char exe[TEXT_MAX];
	size_t exelen;
	char cwd[TEXT_MAX];
	char paths[EV_PATHS][TEXT_MAX];
	int npaths;
	int created; /* index of the PATH item with nametype=CREATE, or -1 */
	int success; /* -1 unknown, 0 no, 1 yes */
};

/* The trace of an event given to its groups (see the header). */
struct ev_given {
	int used;
	uint32_t nodeh;
	unsigned long serial;
	char stamp[STAMP_MAX];
	size_t stamplen;
	struct rv_group *g[EV_GROUPS];
	int ng;
	int have_path;
};

struct rv_input {
	struct rv_table *t;
	struct rv_stats st;
	struct ev_slot ring[RING];
	struct ev_given *given;  /* GIVEN_SLOTS, allocated on first use */
	struct ev_slot *orphans; /* ORPHAN_SLOTS, allocated on first use */
	unsigned long nopened;
	struct rv_err errs[RV_MAX_ERRS];
	size_t nerrs;
	char *partial; /* a line spanning two rv_input_bytes() calls */
	size_t plen, pcap;
	int ptoo_long;
	int avx2; /* the line scan may use AVX2 */
};

struct rv_input *
rv_input_new(struct rv_table *t)
{
	struct rv_input *in = xcalloc(1, sizeof(*in));

	in->t = t;
#ifdef BYTE_SCAN_AVX2
	in->avx2 = __builtin_cpu_supports("avx2");
#endif
	return in;
}

void
rv_input_free(struct rv_input *in)
{
	if (in == NULL)
		return;
	free(in->partial);
	free(in->given);
	free(in->orphans);
	free(in);
}

static uint32_t
span_hash(struct audit_span s)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < s.n; i++)
		h = (h ^ (unsigned char)s.p[i]) * 16777619u;
	return h;
}

static int
key_is(const struct audit_field *f, const char *k, size_t n)
{
	return f->key.n == n && memcmp(f->key.p, k, n) == 0;
}
#define KEY(f, lit) key_is((f), lit, sizeof(lit) - 1)

/* Does the last component of p (trailing slashes ignored) equal name? */
static int
same_base(const char *p, const char *name)
{
	size_t n = strlen(p), nl = strlen(name);

	while (n > 1 && p[n - 1] == '/')
		n--;
	return n >= nl && strncmp(p + n - nl, name, nl) == 0 &&
	       (n == nl || p[n - nl - 1] == '/');
}

/* The full form of a PATH name into out: absolute, or joined to cwd;
 * trailing slashes dropped. */
static void full_path(const struct ev_slot *ev, const char *p, char *out);

/* Write a/b into out, dropping "./" noise; out has TEXT_MAX bytes. */
static void
join_path(char *out, const char *dir, const char *rel)
{
	size_t n;

	while (rel[0] == '.' && rel[1] == '/')
		rel += 2;
	n = strlen(dir);
	if (n > 0 && dir[n - 1] == '/')
		n--;
	if (n + 1 + strlen(rel) + 1 > TEXT_MAX) {
		out[0] = '\0';
		return;
	}
	memcpy(out, dir, n);
	out[n] = '/';
	strcpy(out + n + 1, rel);
}

static void
full_path(const struct ev_slot *ev, const char *p, char *out)
{
	size_t n;

	out[0] = '\0';
	if (p[0] == '/')
		strcpy(out, p);
	else if (ev->cwd[0] == '/')
		join_path(out, ev->cwd, p);
	n = strlen(out);
	while (n > 1 && out[n - 1] == '/')
		out[--n] = '\0';
}

/* The full path of the object an event's AVC named, or "": one of the
 * event's own strings, or written into buf (TEXT_MAX bytes). */
static const char *
event_path(const struct ev_slot *ev, char *buf)
{
	int i;

	if (ev->avc_path[0] == '/')
		return ev->avc_path;
	for (i = 0; i < ev->npaths; i++) {
		const char *p = ev->paths[i];

		if (ev->name[0] != '\0' && !same_base(p, ev->name) &&
		    strcmp(p, ev->name) != 0)
			continue;
		full_path(ev, p, buf);
		if (buf[0] != '\0')
			return buf;
	}
	return ev->name; /* relative, or "": shown, not diagnosed */
}

static void
event_add_group(struct ev_slot *ev, struct rv_group *g)
{
	int i;

	for (i = 0; i < ev->ng; i++)
		if (ev->g[i] == g)
			return;
	if (ev->ng < EV_GROUPS)
		ev->g[ev->ng++] = g;
}

/* Give an event's exe, outcome and paths to the groups of its AVCs. */
static void
event_give(struct rv_input *in, const struct ev_slot *ev)
{
	char buf[TEXT_MAX], created[TEXT_MAX];
	const char *path = "";
	size_t pathlen = 0, createdlen = 0;
	int i;

	if (!ev->have_path) {
		path = event_path(ev, buf);
		pathlen = strlen(path);
	}
	created[0] = '\0';
	if (ev->created >= 0 && ev->created < ev->npaths) {
		full_path(ev, ev->paths[ev->created], created);
		if (created[0] == '/')
			createdlen = strlen(created);
	}
	for (i = 0; i < ev->ng; i++) {
		struct rv_group *g = ev->g[i];

		rv_examples_add(in->t, &g->exes, ev->exe, ev->exelen);
		if (ev->success == 1)
			g->success_yes++;
		else if (ev->success == 0)
			g->success_no++;
		rv_examples_add(in->t, &g->paths, path, pathlen);
		rv_examples_add(in->t, &g->created, created, createdlen);
	}
}

static size_t
trace_index(uint32_t nodeh, unsigned long serial, size_t slots)
{
	return (size_t)((serial ^ nodeh) % slots);
}

static int
same_event(const struct ev_slot *ev, uint32_t nodeh, unsigned long serial,
           const char *stamp, size_t stamplen)
{
	return ev->used && ev->serial == serial && ev->nodeh == nodeh &&
	       ev->stamplen == stamplen &&
	       memcmp(ev->stamp, stamp, stamplen) == 0;
}

static void
given_put(struct rv_input *in, const struct ev_slot *ev)
{
	struct ev_given *e;

	if (in->given == NULL)
		in->given = xcalloc(GIVEN_SLOTS, sizeof(*in->given));
	e = &in->given[trace_index(ev->nodeh, ev->serial, GIVEN_SLOTS)];
	e->used = 1;
	e->nodeh = ev->nodeh;
	e->serial = ev->serial;
	memcpy(e->stamp, ev->stamp, ev->stamplen);
	e->stamplen = ev->stamplen;
	memcpy(e->g, ev->g, sizeof(e->g));
	e->ng = ev->ng;
	e->have_path = ev->have_path;
}

/* An event with data for an AVC still to come: a SYSCALL, CWD or PATH. */
static void
orphan_put(struct rv_input *in, const struct ev_slot *ev)
{
	if (ev->exelen == 0 && ev->npaths == 0 && ev->cwd[0] == '\0' &&
	    ev->success < 0)
		return;
	if (in->orphans == NULL)
		in->orphans = xcalloc(ORPHAN_SLOTS, sizeof(*in->orphans));
	in->orphans[trace_index(ev->nodeh, ev->serial, ORPHAN_SLOTS)] = *ev;
}

/* Take into ev what o knew that ev does not. */
static void
event_fill(struct ev_slot *ev, const struct ev_slot *o)
{
	int i;

	if (ev->exelen == 0) {
		memcpy(ev->exe, o->exe, sizeof(ev->exe));
		ev->exelen = o->exelen;
	}
	if (ev->cwd[0] == '\0')
		memcpy(ev->cwd, o->cwd, sizeof(ev->cwd));
	if (ev->npaths == 0) {
		memcpy(ev->paths, o->paths, sizeof(ev->paths));
		ev->npaths = o->npaths;
		ev->created = o->created;
	}
	if (ev->success < 0)
		ev->success = o->success;
	if (ev->name[0] == '\0')
		memcpy(ev->name, o->name, sizeof(ev->name));
	ev->have_path |= o->have_path;
	for (i = 0; i < o->ng; i++)
		event_add_group(ev, o->g[i]);
}

/*
 * ev, just opened (or taken over from another piece), joins what its
 * event left behind when flushed earlier: the groups it was given to,
 * or the data it held before any AVC.
 */
static int
event_rejoin(struct rv_input *in, struct ev_slot *ev)
{
	struct ev_slot *o;
	struct ev_given *e;
	int i, filled = 0;

	if (in->orphans != NULL) {
		o = &in->orphans[trace_index(ev->nodeh, ev->serial,
		                             ORPHAN_SLOTS)];
		if (same_event(o, ev->nodeh, ev->serial, ev->stamp,
		               ev->stamplen)) {
			event_fill(ev, o);
			o->used = 0;
			filled = 1;
		}
	}
	if (in->given != NULL) {
		e = &in->given[trace_index(ev->nodeh, ev->serial, GIVEN_SLOTS)];
		if (e->used && e->serial == ev->serial &&
		    e->nodeh == ev->nodeh && e->stamplen == ev->stamplen &&
		    memcmp(e->stamp, ev->stamp, ev->stamplen) == 0) {
			for (i = 0; i < e->ng; i++)
				event_add_group(ev, e->g[i]);
			ev->have_path |= e->have_path;
			e->used = 0;
		}
	}
	return filled;
}

static void
event_flush(struct rv_input *in, struct ev_slot *ev)
{
	if (!ev->used)
		return;
	if (ev->ng > 0) { /* else no AVC joined it yet */
		event_give(in, ev);
		given_put(in, ev);
	} else
		orphan_put(in, ev);
	/* Reset field by field: clearing the whole slot (2.5 KB) per event
	 * doubled the time of a 1M-AVC run. */
	ev->used = ev->ng = ev->have_path = ev->npaths = 0;
	ev->success = -1;
	ev->created = -1;
	ev->exelen = 0;
	ev->name[0] = ev->avc_path[0] = ev->exe[0] = ev->cwd[0] = '\0';
}

/* The open event of a record, flushing whatever held its slot. */
static struct ev_slot *
event_of(struct rv_input *in, const struct audit_rec *r)
{
	uint32_t nh = span_hash(r->node);
	struct ev_slot *ev = &in->ring[(r->serial ^ nh) % RING];
	size_t sl = (size_t)(r->stamp_end - r->stamp);

	if (sl > STAMP_MAX)
		sl = STAMP_MAX;
	if (ev->used &&
	    (ev->serial != r->serial || ev->nodeh != nh ||
	     ev->stamplen != sl || memcmp(ev->stamp, r->stamp, sl) != 0))
		event_flush(in, ev);
	if (!ev->used) {
		ev->used = 1;
		ev->opened = in->nopened++;
		ev->serial = r->serial;
		ev->nodeh = nh;
		memcpy(ev->stamp, r->stamp, sl);
		ev->stamplen = sl;
		ev->success = -1;
		ev->created = -1;
		if (in->given != NULL || in->orphans != NULL)
			event_rejoin(in, ev);
	}
	return ev;
}

struct avc_fields {
	struct audit_span perms, scon, tcon, tclass;
	struct audit_field comm, exe, name, path;
	int have_comm, have_exe, have_name, have_path;
	int permissive;
	int port;
};

/*
 * Parse an AVC message body ("avc:  denied  { perms } for k=v ...").
 * Returns 1 for a denial, 0 for something else (granted, policy load
 * notice), -1 when malformed, -2 for a denial that cannot be read.
 */
static int
parse_avc(const char *p, const char *end, struct avc_fields *a,
          struct rv_input *in)
{
	const char *ob, *cb;
	struct audit_field f;

	memset(a, 0, sizeof(*a));
	a->port = -1;
	if ((size_t)(end - p) < 4 || memcmp(p, "avc:", 4) != 0)
		return -1;
	p += 4;
	while (p < end && *p == ' ')
		p++;
	if ((size_t)(end - p) >= 7 && memcmp(p, "granted", 7) == 0) {
		in->st.granted++;
		return 0;
	}
	if ((size_t)(end - p) < 6 || memcmp(p, "denied", 6) != 0)
		return 0;
	ob = byte_scan1(p, end, '{');
	if (ob == end)
		return -2;
	cb = byte_scan1(ob, end, '}');
	if (cb == end)
		return -2;
	a->perms.p = ob + 1;
	a->perms.n = (size_t)(cb - ob - 1);
	p = cb + 1;
	while (audit_next_field(&p, end, &f)) {
		switch (f.key.p[0]) {
		case 's':
			if (KEY(&f, "scontext"))
				a->scon = f.val;
			else if (KEY(&f, "src"))
				a->port = atoi(f.val.p);
			break;
		case 't':
			if (KEY(&f, "tcontext"))
				a->tcon = f.val;
			else if (KEY(&f, "tclass"))
				a->tclass = f.val;
			break;
		case 'c':
			if (KEY(&f, "comm"))
				a->comm = f, a->have_comm = 1;
			break;
		case 'e':
			if (KEY(&f, "exe"))
				a->exe = f, a->have_exe = 1;
			break;
		case 'n':
			if (KEY(&f, "name"))
				a->name = f, a->have_name = 1;
			break;
		case 'p':
			if (KEY(&f, "path"))
				a->path = f, a->have_path = 1;
			else if (KEY(&f, "permissive"))
				a->permissive =
				    f.val.n > 0 && f.val.p[0] == '1';
			break;
		case 'd':
			if (KEY(&f, "dest") && a->port < 0)
				a->port = atoi(f.val.p);
			break;
		}
	}
	if (a->scon.n == 0 || a->tcon.n == 0 || a->tclass.n == 0)
		return -2;
	return 1;
}

/* A denial skipped: it may need a fix that review cannot tell. */
static void
unread_denial(struct rv_input *in)
{
	in->st.malformed++;
	in->st.unread_denials++;
}

/* Whether a line no record was read from says "avc:  denied". */
static int
mentions_denial(const char *p, size_t len)
{
	const char *end = p + len, *q;

	while ((q = memmem(p, (size_t)(end - p), "avc:", 4)) != NULL) {
		for (p = q + 4; p < end && *p == ' '; p++)
			;
		if ((size_t)(end - p) >= 6 && memcmp(p, "denied", 6) == 0)
			return 1;
	}
	return 0;
}

/* Add a field's value to examples; a quoted one straight from the
 * line, without the copy a hex one needs to be decoded. */
static void
example_add(struct rv_input *in, const struct audit_rec *r,
            struct rv_examples *ex, const struct audit_field *f)
{
	char text[TEXT_MAX];

	if (f->quote != 0 && f->val.n < TEXT_MAX)
		rv_examples_add(in->t, ex, f->val.p, f->val.n);
	else
		rv_examples_add(in->t, ex, text,
		                audit_value_text(r, f, text, sizeof(text)));
}

/* Find or make the group, context pair and permission bits of a
 * denial; -1 for a malformed one. */
static int
resolve(struct rv_input *in, const struct avc_fields *a, struct rv_resolved *r)
{
	const char *st, *tt, *p, *end;
	size_t sl, tl;

	if (rv_context_type(a->scon.p, a->scon.n, &st, &sl) < 0 ||
	    rv_context_type(a->tcon.p, a->tcon.n, &tt, &tl) < 0)
		return -1;
	/* "{ }": nothing was asked; never make an empty group. */
	for (p = a->perms.p, end = p + a->perms.n; p < end && *p == ' '; p++)
		;
	if (p == end)
		return -1;
	r->g = rv_group_get(in->t, st, sl, tt, tl, a->tclass.p, a->tclass.n,
	                    a->scon.p, a->scon.n, a->tcon.p, a->tcon.n);
	r->bits = 0;
	for (p = a->perms.p, end = p + a->perms.n; p < end;) {
		const char *w;
		int i;

		while (p < end && *p == ' ')
			p++;
		for (w = p; p < end && *p != ' '; p++)
			;
		if (p > w &&
		    (i = rv_group_perm(in->t, r->g, w, (size_t)(p - w))) >= 0)
			r->bits |= (uint64_t)1 << i;
	}
	r->ctx = rv_group_ctx(in->t, r->g, a->scon.p, a->scon.n, a->tcon.p,
	                      a->tcon.n);
	return 0;
}

/*
 * The memo key of a denial: its permissions, and the contexts and
 * class as one stretch of the record (the kernel writes them one after
 * the other).  0 when they are not in that order or too long.
 */
_Static_assert(RV_MEMO_KEY < 256, "a key's shape packs offsets in bytes");

static int
request_key(const struct avc_fields *a, struct rv_request_key *k)
{
	size_t toff, coff;

	if (!(a->scon.p < a->tcon.p && a->tcon.p < a->tclass.p))
		return 0;
	toff = (size_t)(a->tcon.p - a->scon.p);
	coff = (size_t)(a->tclass.p - a->scon.p);
	k->perms = a->perms.p;
	k->nperms = a->perms.n;
	k->ctx = a->scon.p;
	k->nctx = coff + a->tclass.n;
	if (k->nperms + k->nctx > RV_MEMO_KEY)
		return 0;
	/* all under 256: the stretch is at most RV_MEMO_KEY long */
	k->shape = (uint32_t)a->scon.n | (uint32_t)toff << 8 |
	           (uint32_t)a->tcon.n << 16 | (uint32_t)coff << 24;
	return 1;
}

static void
add_denial(struct rv_input *in, const struct audit_rec *r,
           const struct avc_fields *a, int user)
{
	struct rv_request_key k;
	uint32_t h = 0;
	int memo = request_key(a, &k);
	struct rv_resolved res;
	struct rv_group *g;
	char text[TEXT_MAX];
	struct ev_slot *ev;

	if (memo)
		h = rv_memo_hash(&k);
	if (!memo || !rv_memo_get(in->t, &k, h, &res)) {
		if (resolve(in, a, &res) < 0) {
			unread_denial(in);
			return;
		}
		if (memo)
			rv_memo_put(in->t, &k, h, &res);
	}
	g = res.g;
	in->st.denials++;
	rv_group_request(g, res.ctx, res.bits, audit_rec_time(r));
	if (user)
		g->user_avc++;
	if (a->permissive)
		g->permissive++;
	if (r->node.n > 0)
		rv_examples_add(in->t, &g->nodes, r->node.p, r->node.n);
	/* A USER_AVC's exe= and comm= are the object manager's (systemd,
	 * dbus-daemon) that asked on the subject's behalf, never the
	 * subject's program. */
	if (a->have_comm && !user)
		example_add(in, r, &g->comms, &a->comm);
	if (a->have_exe && !user)
		example_add(in, r, &g->exes, &a->exe);
	if (a->port >= 0)
		rv_group_port(g, a->port);
	/* No kernel event records follow a USER_AVC; a journal record
	 * has no serial to join them by. */
	if (user)
		return;
	if (r->stamp == NULL) {
		if (a->have_name) /* relative: shown, not diagnosed */
			example_add(in, r, &g->paths, &a->name);
		return;
	}
	ev = event_of(in, r);
	event_add_group(ev, g);
	if (a->have_path) {
		audit_value_text(r, &a->path, text, sizeof(text));
		if (text[0] == '/') {
			rv_examples_add(in->t, &g->paths, text, strlen(text));
			ev->have_path = 1;
		}
	}
	if (a->have_name)
		audit_value_text(r, &a->name, ev->name, sizeof(ev->name));
}

static void
on_avc(struct rv_input *in, const struct audit_rec *r)
{
	struct avc_fields a;
	int rc;

	in->st.avc++;
	rc = parse_avc(r->body, r->end, &a, in);
	if (rc == -2)
		unread_denial(in);
	else if (rc < 0)
		in->st.malformed++;
	else if (rc > 0)
		add_denial(in, r, &a, 0);
}

static void
on_user_avc(struct rv_input *in, const struct audit_rec *r)
{
	const char *p = r->body;
	struct audit_field f;
	struct avc_fields a;

	in->st.user_avc++;
	while (audit_next_field(&p, r->end, &f)) {
		int rc;

		if (!KEY(&f, "msg") || f.quote != '\'')
			continue;
		rc = parse_avc(f.val.p, f.val.p + f.val.n, &a, in);
		if (rc == -2)
			unread_denial(in);
		else if (rc < 0)
			in->st.malformed++;
		else if (rc > 0)
			add_denial(in, r, &a, 1);
		else
			in->st.other_user_avc++;
		return;
	}
	in->st.other_user_avc++;
}

/* SELINUX_ERR: kept by kind ("security_compute_sid: invalid context",
 * "op=security_bounded_transition seresult=denied", ...). */
static void
on_selinux_err(struct rv_input *in, const struct audit_rec *r)
{
	const char *p = r->body, *e, *w;
	char kind[128];
	size_t k = 0, i, n;

	in->st.selinux_err++;
	/* The kind: words up to the first context, or "op=X". */
	while (p < r->end && k + 1 < sizeof(kind)) {
		while (p < r->end && *p == ' ')
			p++;
		for (w = p; p < r->end && *p != ' '; p++)
			;
		n = (size_t)(p - w);
		if (n == 0 || (memchr(w, ':', n) != NULL && w[n - 1] != ':'))
			break;
		if (memchr(w, '=', n) != NULL &&
		    !(n > 3 && !memcmp(w, "op=", 3)))
			break;
		if (k + n + 2 > sizeof(kind))
			break;
		if (k > 0)
			kind[k++] = ' ';
		memcpy(kind + k, w, n);
		k += n;
	}
	kind[k] = '\0';
	for (i = 0; i < in->nerrs; i++)
		if (strcmp(in->errs[i].what, kind) == 0) {
			in->errs[i].count++;
			return;
		}
	if (in->nerrs == RV_MAX_ERRS)
		return;
	e = r->end - r->body > 400 ? r->body + 400 : r->end;
	in->errs[in->nerrs].what = rv_intern(in->t, kind, k);
	in->errs[in->nerrs].example =
	    rv_intern(in->t, r->body, (size_t)(e - r->body));
	in->errs[in->nerrs].count = 1;
	in->nerrs++;
}

/*
 * The value of key (its klen bytes include the '=') in a record body,
 * found by stepping from '=' to '=': SYSCALL records hold ~30 fields
 * and only two matter, so walking them all with the field iterator took
 * a quarter of the parse time, and memmem's set-up cost 3% more.
 */
static int
find_value(const char *body, const char *end, const char *key, size_t klen,
           struct audit_field *f)
{
	const char *q, *k;

	for (q = body; (q = byte_scan1(q, end, '=')) < end; q++) {
		if ((size_t)(q - body) < klen - 1)
			continue; /* no room for the key before this '=' */
		k = q - (klen - 1);
		if ((k == body || k[-1] == ' ') &&
		    memcmp(k, key, klen - 1) == 0)
			return audit_next_field(&k, end, f);
	}
	return 0;
}
#define FIND(b, e, lit, f) find_value((b), (e), lit, sizeof(lit) - 1, (f))

/* The same for a key near the end of the body (SYSCALL's exe=), found
 * by stepping back over '=' with byte_rscan1: a memrchr call per '='
 * was 7% of reading SYSCALL records. */
static int
find_value_back(const char *body, const char *end, const char *key, size_t klen,
                struct audit_field *f)
{
	const char *q = end;

	while (q > body && (q = byte_rscan1(body, q, '=')) != NULL) {
		const char *k;

		if ((size_t)(q - body) < klen - 1)
			break; /* no room for the key before this '=' */
		k = q - (klen - 1);
		if (memcmp(k, key, klen - 1) == 0 &&
		    (k == body || k[-1] == ' '))
			return audit_next_field(&k, end, f);
	}
	return 0;
}

static void
on_event_record(struct rv_input *in, const struct audit_rec *r)
{
	struct ev_slot *ev = event_of(in, r);
	struct audit_field f;

	switch (r->type) {
	case AR_SYSCALL:
		if (find_value_back(r->body, r->end, "exe=", 4, &f))
			ev->exelen =
			    audit_value_text(r, &f, ev->exe, sizeof(ev->exe));
		if (FIND(r->body, r->end, "success=", &f))
			ev->success = f.val.n > 0 && f.val.p[0] == 'y';
		break;
	case AR_CWD:
		if (FIND(r->body, r->end, "cwd=", &f))
			audit_value_text(r, &f, ev->cwd, sizeof(ev->cwd));
		break;
	case AR_PATH:
		if (ev->npaths < EV_PATHS &&
		    FIND(r->body, r->end, "name=", &f) &&
		    !(f.val.n == 6 && !memcmp(f.val.p, "(null)", 6))) {
			audit_value_text(r, &f, ev->paths[ev->npaths],
			                 TEXT_MAX);
			if (FIND(r->body, r->end, "nametype=", &f) &&
			    f.val.n == 6 && memcmp(f.val.p, "CREATE", 6) == 0)
				ev->created = ev->npaths;
			ev->npaths++;
		}
		break;
	case AR_AVC_PATH:
		if (FIND(r->body, r->end, "path=", &f))
			audit_value_text(r, &f, ev->avc_path,
			                 sizeof(ev->avc_path));
		break;
	default:
		break;
	}
}

/* One line; at/nat as for audit_line_records_marked (at NULL: none
 * known). */
static void
line_read(struct rv_input *in, const char *line, size_t len, const uint32_t *at,
          size_t nat)
{
	struct audit_rec recs[AUDIT_MAX_RECS];
	int n, i;

	in->st.lines++;
	n = audit_line_records_marked(line, len, at, nat, recs, AUDIT_MAX_RECS);
	if (n <= 0) { /* not the hot path: raw log lines hold records */
		if (mentions_denial(line, len))
			unread_denial(in);
		else if (n < 0)
			in->st.malformed++;
		return;
	}
	for (i = 0; i < n; i++) {
		switch (recs[i].type) {
		case AR_AVC:
			on_avc(in, &recs[i]);
			break;
		case AR_USER_AVC:
			on_user_avc(in, &recs[i]);
			break;
		case AR_SELINUX_ERR:
			on_selinux_err(in, &recs[i]);
			break;
		case AR_SYSCALL:
		case AR_CWD:
		case AR_PATH:
		case AR_AVC_PATH:
			on_event_record(in, &recs[i]);
			break;
		default:
			break;
		}
	}
}

static void
partial_add(struct rv_input *in, const char *p, size_t n)
{
	if (in->plen + n > LINE_MAX_LEN) {
		in->ptoo_long = 1;
		return;
	}
	if (in->plen + n > in->pcap) {
		in->pcap = (in->plen + n) * 2;
		in->partial = xreallocarray(in->partial, in->pcap, 1);
	}
	memcpy(in->partial + in->plen, p, n);
	in->plen += n;
}

static void
partial_flush(struct rv_input *in)
{
	if (in->ptoo_long) {
		in->st.lines++;
		in->st.malformed++;
	} else if (in->plen > 0) {
		line_read(in, in->partial, in->plen, NULL, 0);
	}
	in->plen = 0;
	in->ptoo_long = 0;
}

/*
 * Lines are found with one scan for '\n', '(' and 0x1D together, and
 * the line's '(' and 0x1D are handed on, so that the record reader does
 * not read the line again: a memchr for the newline and a second scan
 * for '(' took 88 ms of a 1M-AVC log, the one scan 49 ms.  The scan
 * marks 64 bytes at a time and visits the marks; on a CPU with AVX2 it
 * compares 32 bytes at once.  Reading alone (records not parsed), a
 * 1M-AVC log took 65 ms of CPU restarting a 16-byte scan after each of
 * the ~3 hits per line, 56 ms in 64-byte blocks, 36 ms with AVX2.
 */
struct line_scan {
	const char *line; /* where the current line starts */
	uint32_t at[MAX_MARKS];
	size_t nat;
};

static inline void
line_scan_hit(struct rv_input *in, struct line_scan *ls, const char *q)
{
	if (*q == '\n') {
		line_read(in, ls->line, (size_t)(q - ls->line),
		          ls->nat <= MAX_MARKS ? ls->at : NULL, ls->nat);
		ls->line = q + 1;
		ls->nat = 0;
		return;
	}
	if (ls->nat < MAX_MARKS && q - ls->line <= UINT32_MAX)
		ls->at[ls->nat] = (uint32_t)(q - ls->line);
	else
		ls->nat = MAX_MARKS; /* too many: the reader scans */
	ls->nat++;
}

/* The whole 64-byte blocks of [p, end); returns where the rest starts. */
static const char *
scan_blocks(struct rv_input *in, struct line_scan *ls, const char *p,
            const char *end)
{
	uint64_t m;

	for (; end - p >= 64; p += 64)
		for (m = byte_mask64(p, '\n', '(', '\x1d'); m != 0; m &= m - 1)
			line_scan_hit(in, ls, p + __builtin_ctzll(m));
	return p;
}

#ifdef BYTE_SCAN_AVX2
__attribute__((target("avx2"))) static const char *
scan_blocks_avx2(struct rv_input *in, struct line_scan *ls, const char *p,
                 const char *end)
{
	uint64_t m;

	for (; end - p >= 64; p += 64)
		for (m = byte_mask64_avx2(p, '\n', '(', '\x1d'); m != 0;
		     m &= m - 1)
			line_scan_hit(in, ls, p + __builtin_ctzll(m));
	return p;
}
#endif

void
rv_input_bytes(struct rv_input *in, const char *p, size_t n)
{
	const char *end = p + n, *q;
	struct line_scan ls;

	if (in->plen > 0 || in->ptoo_long) {
		/* the rest of a line begun in an earlier piece */
		q = memchr(p, '\n', n);
		if (q == NULL) {
			partial_add(in, p, n);
			return;
		}
		partial_add(in, p, (size_t)(q - p));
		partial_flush(in);
		p = q + 1;
	}
	ls.line = p;
	ls.nat = 0;
#ifdef BYTE_SCAN_AVX2
	if (in->avx2)
		p = scan_blocks_avx2(in, &ls, p, end);
	else
#endif
		p = scan_blocks(in, &ls, p, end);
	for (; (q = byte_scan3(p, end, '\n', '(', '\x1d')) < end; p = q + 1)
		line_scan_hit(in, &ls, q);
	if (ls.line < end)
		partial_add(in, ls.line, (size_t)(end - ls.line));
}

void
rv_input_portable(struct rv_input *in)
{
	in->avx2 = 0;
}

int
rv_input_fd(struct rv_input *in, int fd, const char *name, struct why *why)
{
	char *buf = xmalloc(READ_CHUNK);
	ssize_t r;

	for (;;) {
		r = read(fd, buf, READ_CHUNK);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		rv_input_bytes(in, buf, (size_t)r);
	}
	free(buf);
	/* A file not ending in a newline still ends its last line. */
	partial_flush(in);
	if (r < 0)
		return why_errno(why, "%s: read", name);
	return 0;
}

/* Flush all open events, oldest first: the order a longer log would
 * have flushed them in, so that a log read in pieces keeps its
 * examples in the same order as one read whole. */
static struct ev_slot *
events_oldest(struct rv_input *in)
{
	struct ev_slot *oldest = NULL;
	size_t i;

	for (i = 0; i < RING; i++)
		if (in->ring[i].used &&
		    (oldest == NULL || in->ring[i].opened < oldest->opened))
			oldest = &in->ring[i];
	return oldest;
}

static void
events_flush_all(struct rv_input *in)
{
	struct ev_slot *oldest;

	while ((oldest = events_oldest(in)) != NULL)
		event_flush(in, oldest);
}

void
rv_input_finish(struct rv_input *in)
{
	partial_flush(in);
	events_flush_all(in);
}

static void
errs_merge(struct rv_input *in, const struct rv_err *e)
{
	size_t i;

	for (i = 0; i < in->nerrs; i++)
		if (strcmp(in->errs[i].what, e->what) == 0) {
			in->errs[i].count += e->count;
			return;
		}
	if (in->nerrs == RV_MAX_ERRS)
		return;
	in->errs[in->nerrs].what = rv_intern(in->t, e->what, strlen(e->what));
	in->errs[in->nerrs].example =
	    rv_intern(in->t, e->example, strlen(e->example));
	in->errs[in->nerrs].count = e->count;
	in->nerrs++;
}

/*
 * Take over an event still open at the end of a piece (one whose
 * records go on in the next file), with its groups looked up in in's
 * table, which already holds the piece's groups.
 */
/* The group of in's table that is piece group g. */
static struct rv_group *
group_in(struct rv_input *in, const struct rv_group *g)
{
	return rv_group_get(in->t, g->stype, g->slen, g->ttype, g->tlen,
	                    g->tclass, g->clen, g->scon, strlen(g->scon),
	                    g->tcon, strlen(g->tcon));
}

static void
event_adopt(struct rv_input *in, const struct ev_slot *ev)
{
	struct ev_slot *to = &in->ring[(ev->serial ^ ev->nodeh) % RING];
	int i;

	event_flush(in, to);
	*to = *ev;
	to->opened = in->nopened++;
	for (i = 0; i < ev->ng; i++)
		to->g[i] = group_in(in, ev->g[i]);
	event_rejoin(in, to);
}

/* The slot of in's ring where ev's event is open, or NULL. */
static struct ev_slot *
open_event(struct rv_input *in, const struct ev_slot *ev)
{
	struct ev_slot *o = &in->ring[(ev->serial ^ ev->nodeh) % RING];

	return same_event(o, ev->nodeh, ev->serial, ev->stamp, ev->stamplen)
	           ? o
	           : NULL;
}

/*
 * A piece's traces of flushed events (see the header) meet in's: an
 * event whose AVC was in an earlier piece and a late record in this
 * one, or the other way round, is joined as if read in one go.
 */
static void
traces_merge(struct rv_input *in, const struct rv_input *piece)
{
	struct ev_slot ev, *open;
	size_t i;
	int k;

	for (i = 0; piece->orphans != NULL && i < ORPHAN_SLOTS; i++) {
		if (!piece->orphans[i].used)
			continue;
		ev = piece->orphans[i];
		if ((open = open_event(in, &ev)) != NULL) {
			event_fill(open, &ev);
			continue;
		}
		event_rejoin(in, &ev);
		if (ev.ng > 0) {
			event_give(in, &ev);
			given_put(in, &ev);
		} else
			orphan_put(in, &ev);
	}
	for (i = 0; piece->given != NULL && i < GIVEN_SLOTS; i++) {
		const struct ev_given *e = &piece->given[i];

		if (!e->used)
			continue;
		memset(&ev, 0, sizeof(ev));
		ev.used = 1;
		ev.nodeh = e->nodeh;
		ev.serial = e->serial;
		memcpy(ev.stamp, e->stamp, e->stamplen);
		ev.stamplen = e->stamplen;
		ev.success = ev.created = -1;
		for (k = 0; k < e->ng; k++)
			event_add_group(&ev, group_in(in, e->g[k]));
		if ((open = open_event(in, &ev)) != NULL) {
			for (k = 0; k < ev.ng; k++)
				event_add_group(open, ev.g[k]);
			continue;
		}
		if (event_rejoin(in, &ev)) /* data from an earlier piece */
			event_give(in, &ev);
		ev.have_path |= e->have_path;
		given_put(in, &ev);
	}
}

void
rv_input_merge(struct rv_input *in, struct rv_input *piece)
{
	struct ev_slot *oldest;
	size_t i;

	partial_flush(piece);
	in->st.lines += piece->st.lines;
	in->st.avc += piece->st.avc;
	in->st.user_avc += piece->st.user_avc;
	in->st.selinux_err += piece->st.selinux_err;
	in->st.denials += piece->st.denials;
	in->st.granted += piece->st.granted;
	in->st.other_user_avc += piece->st.other_user_avc;
	in->st.malformed += piece->st.malformed;
	in->st.unread_denials += piece->st.unread_denials;
	rv_table_merge(in->t, piece->t);
	for (i = 0; i < piece->nerrs; i++)
		errs_merge(in, &piece->errs[i]);
	traces_merge(in, piece);
	while ((oldest = events_oldest(piece)) != NULL) {
		event_adopt(in, oldest);
		oldest->used = 0;
	}
}

struct rv_table *
rv_input_table(const struct rv_input *in)
{
	return in->t;
}

const struct rv_stats *
rv_input_stats(const struct rv_input *in)
{
	return &in->st;
}

const struct rv_err *
rv_input_errs(const struct rv_input *in, size_t *n)
{
	*n = in->nerrs;
	return in->errs;
}
