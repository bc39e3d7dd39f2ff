/*
 * review_pieces - read one large regular audit log on several threads;
 * see review_pieces.h.
 *
 * Why threads: parsing is the whole cost of a review (one pass at ~800
 * MB/s on this machine, 0.69 s for a 1M-AVC, 565 MB log), and the
 * records of a log are independent apart from the few that make up one
 * event.  A cut is therefore only made between two lines of different
 * events (serial or node differ), so that SYSCALL/CWD/PATH records
 * still meet their AVC.  The pieces are read with pread into a buffer
 * per thread rather than mmap: a log truncated under us must give a
 * short read, not SIGBUS, and mmap was no faster here (0.38 s on 1M
 * AVCs either way) while its pages counted in peak RSS (568 MB).
 *
 * The file is cut into one piece per thread (one fewer when the policy
 * loader will help, rv_helpers_help); a thread done with its piece, or
 * the loader once done, takes the second half of what is left of the
 * biggest other one.
 * The two cores of this machine are often not equally fast (one ran a
 * review 25% slower than the other, pinned), and with fixed halves the
 * slower one set the time; more, smaller pieces from the start balance
 * as well but each costs a merge of its table (16 pieces: 25 ms more
 * CPU on 1M AVCs), while taking work only when a thread runs dry costs
 * one merge or two.
 */
#include "review_pieces.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit_record.h"
#include "msg.h"
#include "review_group.h"
#include "xalloc.h"

/* Smaller pieces are not worth a thread, nor smaller rests a split. */
#define PIECE_MIN  (4 * 1024 * 1024)
#define MAX_PIECES 64
#define CUT_WINDOW (64 * 1024)
#define READ_CHUNK (1024 * 1024)

struct piece {
	struct rv_input *in;
	off_t off;     /* read up to here (from the piece's start) */
	off_t to;      /* moves back when another thread takes the rest */
	off_t busy_to; /* the end of the chunk being read now */
	int err;       /* errno of a failed read, or 0 */
	int last;      /* the file's last piece */
};

/* The pieces of one file; pieces and their fields are under lock. */
struct pieces {
	pthread_mutex_t lock;
	int fd;
	struct piece pool[MAX_PIECES];
	struct piece *order[MAX_PIECES]; /* in file order */
	int n;
};

struct worker {
	struct pieces *ps;
	struct piece *first; /* the piece it starts with */
	pthread_t tid;
};

static off_t find_cut(int fd, off_t off);

/* Feed the piece's bytes to its input until none are left. */
static void
piece_read(struct pieces *ps, struct piece *pc, char *buf)
{
	off_t off;
	size_t want;
	ssize_t r;
	int last;

	pthread_mutex_lock(&ps->lock);
	while (pc->off < pc->to) {
		off = pc->off;
		want = pc->to - off < READ_CHUNK ? (size_t)(pc->to - off)
		                                 : READ_CHUNK;
		pc->busy_to = off + (off_t)want;
		pthread_mutex_unlock(&ps->lock);
		do
			r = pread(ps->fd, buf, want, off);
		while (r < 0 && errno == EINTR);
		if (r > 0)
			rv_input_bytes(pc->in, buf, (size_t)r);
		pthread_mutex_lock(&ps->lock);
		if (r < 0)
			pc->err = errno;
		if (r <= 0) /* shrunk under us: what is left is gone */
			pc->to = pc->off;
		else
			pc->off += r;
	}
	pc->busy_to = pc->off;
	last = pc->last;
	pthread_mutex_unlock(&ps->lock);
	/* Cuts are clean, so only the last piece's events can go on (in
	 * the next file); rv_input_merge keeps them open. */
	if (!last)
		rv_input_finish(pc->in);
}

/*
 * A new piece of the second half of what is left of the piece with the
 * most left, cut between two events; NULL when no rest is worth it.
 * ps->lock is held: the owner waits at its next chunk while the window
 * around the cut is read.
 */
static struct piece *
piece_split(struct pieces *ps)
{
	struct piece *big = NULL, *np;
	off_t left = 0, cut;
	int i, at = 0;

	for (i = 0; i < ps->n; i++)
		if (ps->order[i]->to - ps->order[i]->busy_to > left) {
			big = ps->order[i];
			left = big->to - big->busy_to;
			at = i;
		}
	if (big == NULL || left < 2 * PIECE_MIN || ps->n == MAX_PIECES)
		return NULL;
	cut = find_cut(ps->fd, big->busy_to + left / 2);
	if (cut <= big->busy_to || cut >= big->to)
		return NULL;
	np = &ps->pool[ps->n];
	np->off = np->busy_to = cut;
	np->to = big->to;
	np->last = big->last;
	np->err = 0;
	np->in = rv_input_new(rv_table_new());
	big->to = cut;
	big->last = 0;
	memmove(&ps->order[at + 2], &ps->order[at + 1],
	        (size_t)(ps->n - at - 1) * sizeof(ps->order[0]));
	ps->order[at + 1] = np;
	ps->n++;
	return np;
}

/* Read pc, then whatever can be taken from the others. */
static void
pieces_work(struct pieces *ps, struct piece *pc, char *buf)
{
	for (;;) {
		if (pc != NULL)
			piece_read(ps, pc, buf);
		pthread_mutex_lock(&ps->lock);
		pc = piece_split(ps);
		pthread_mutex_unlock(&ps->lock);
		if (pc == NULL)
			return;
	}
}

static void *
piece_worker(void *arg)
{
	struct worker *w = arg;
	char *buf = xmalloc(READ_CHUNK);

	pieces_work(w->ps, w->first, buf);
	free(buf);
	return NULL;
}

struct rv_helpers {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct pieces *ps;  /* the file being read in pieces, or NULL */
	unsigned long file; /* counts the files published in ps */
	int busy;           /* helpers at work on ps */
	int done;
};

struct rv_helpers *
rv_helpers_new(void)
{
	struct rv_helpers *hs = xcalloc(1, sizeof(*hs));

	if (pthread_mutex_init(&hs->lock, NULL) != 0 ||
	    pthread_cond_init(&hs->cond, NULL) != 0)
		fatal("pthread_mutex_init");
	return hs;
}

void
rv_helpers_free(struct rv_helpers *hs)
{
	if (hs == NULL)
		return;
	pthread_cond_destroy(&hs->cond);
	pthread_mutex_destroy(&hs->lock);
	free(hs);
}

void
rv_helpers_help(struct rv_helpers *hs)
{
	char *buf = xmalloc(READ_CHUNK);
	unsigned long seen = 0;
	struct pieces *ps;

	pthread_mutex_lock(&hs->lock);
	for (;;) {
		while (!hs->done && (hs->ps == NULL || hs->file == seen))
			pthread_cond_wait(&hs->cond, &hs->lock);
		if (hs->done)
			break;
		ps = hs->ps;
		seen = hs->file;
		hs->busy++;
		pthread_mutex_unlock(&hs->lock);
		pieces_work(ps, NULL, buf);
		pthread_mutex_lock(&hs->lock);
		hs->busy--;
		pthread_cond_broadcast(&hs->cond);
	}
	pthread_mutex_unlock(&hs->lock);
	free(buf);
}

void
rv_helpers_done(struct rv_helpers *hs)
{
	pthread_mutex_lock(&hs->lock);
	hs->done = 1;
	pthread_cond_broadcast(&hs->cond);
	pthread_mutex_unlock(&hs->lock);
}

/* Offer ps to the helpers (or, ps NULL, take it back once none is at
 * work on it). */
static void
helpers_offer(struct rv_helpers *hs, struct pieces *ps)
{
	if (hs == NULL)
		return;
	pthread_mutex_lock(&hs->lock);
	hs->ps = ps;
	if (ps != NULL)
		hs->file++;
	pthread_cond_broadcast(&hs->cond);
	while (ps == NULL && hs->busy > 0)
		pthread_cond_wait(&hs->cond, &hs->lock);
	pthread_mutex_unlock(&hs->lock);
}

/* The event a line's first (or last) record belongs to. */
struct event_key {
	int known;
	unsigned long serial;
	struct audit_span node;
};

static struct event_key
line_event(const char *line, size_t len, int last)
{
	struct audit_rec recs[AUDIT_MAX_RECS];
	struct event_key k;
	int n = audit_line_records(line, len, recs, AUDIT_MAX_RECS);

	memset(&k, 0, sizeof(k));
	if (n > 0) {
		k.known = 1;
		k.serial = recs[last ? n - 1 : 0].serial;
		k.node = recs[last ? n - 1 : 0].node;
	}
	return k;
}

static int
same_event(struct event_key a, struct event_key b)
{
	/* node.p is NULL for a line without node= */
	return a.known && b.known && a.serial == b.serial &&
	       a.node.n == b.node.n &&
	       (a.node.n == 0 || memcmp(a.node.p, b.node.p, a.node.n) == 0);
}

/*
 * The offset of a line start after off that begins a new event, or -1
 * when the window after off holds none (one huge line, or one event
 * spanning the whole window).
 */
static off_t
find_cut(int fd, off_t off)
{
	char *buf = xmalloc(CUT_WINDOW);
	ssize_t r;
	const char *p, *end, *nl, *prev = NULL;
	size_t prevlen = 0;
	off_t cut = -1;

	do
		r = pread(fd, buf, CUT_WINDOW, off);
	while (r < 0 && errno == EINTR);
	end = buf + (r > 0 ? r : 0);
	/* Skip the partial line off falls into. */
	p = r > 0 ? memchr(buf, '\n', (size_t)r) : NULL;
	while (p != NULL && p + 1 < end) {
		p++;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
		if (prev != NULL &&
		    !same_event(line_event(prev, prevlen, 1),
		                line_event(p, (size_t)(nl - p), 0))) {
			cut = off + (p - buf);
			break;
		}
		prev = p;
		prevlen = (size_t)(nl - p);
		p = nl;
	}
	free(buf);
	return cut;
}

/* Cut [0, size) into at most max pieces; returns their number. */
static int
cut_pieces(int fd, off_t size, int max, struct piece *pcs)
{
	off_t step = size / max, from = 0, cut;
	int n = 0, i;

	for (i = 1; i < max; i++) {
		cut = find_cut(fd, step * i);
		if (cut <= from || cut >= size)
			continue; /* no clean cut here: the piece grows */
		pcs[n].off = from;
		pcs[n++].to = cut;
		from = cut;
	}
	pcs[n].off = from;
	pcs[n++].to = size;
	return n;
}

int
rv_read_file(struct rv_input *in, int fd, const char *name, int threads,
             struct rv_helpers *hs, struct why *why)
{
	struct worker ws[MAX_PIECES];
	struct pieces *ps;
	struct stat st;
	int max, nt, i, err = 0;

	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || threads < 2 ||
	    st.st_size / PIECE_MIN < 2)
		return rv_input_fd(in, fd, name, why);
	max = hs != NULL ? threads - 1 : threads; /* a helper will come */
	if (max > MAX_PIECES)
		max = MAX_PIECES;
	if (st.st_size / PIECE_MIN < max)
		max = (int)(st.st_size / PIECE_MIN);
	ps = xcalloc(1, sizeof(*ps));
	if (pthread_mutex_init(&ps->lock, NULL) != 0)
		fatal("pthread_mutex_init");
	ps->fd = fd;
	nt = ps->n = cut_pieces(fd, st.st_size, max, ps->pool);
	for (i = 0; i < nt; i++) {
		struct piece *pc = &ps->pool[i];

		pc->busy_to = pc->off;
		pc->last = i == nt - 1;
		pc->in = i == 0 ? in : rv_input_new(rv_table_new());
		ps->order[i] = pc;
		ws[i].ps = ps;
		ws[i].first = pc;
		if (i > 0 &&
		    pthread_create(&ws[i].tid, NULL, piece_worker, &ws[i]) != 0)
			fatal("pthread_create");
	}
	helpers_offer(hs, ps);
	piece_worker(&ws[0]);
	for (i = 1; i < nt; i++)
		pthread_join(ws[i].tid, NULL);
	helpers_offer(hs, NULL);
	for (i = 0; i < ps->n; i++) {
		struct piece *pc = ps->order[i];

		if (pc->err != 0 && err == 0)
			err = pc->err;
		if (pc->in != in) {
			struct rv_table *t = rv_input_table(pc->in);

			rv_input_merge(in, pc->in);
			rv_input_free(pc->in);
			rv_table_free(t);
		}
	}
	pthread_mutex_destroy(&ps->lock);
	free(ps);
	if (err != 0) {
		errno = err;
		return why_errno(why, "%s: read", name);
	}
	return 0;
}
