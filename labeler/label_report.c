/*
 * label_report - report lines, JSON and progress; see label_report.h.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "label_report.h"
#include "quote.h"

#define OUT_FLUSH_AT 65536

static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

void
label_out_init(struct label_out *o, int json)
{
	strbuf_init(&o->sb);
	o->json = json;
}

void
label_out_flush(struct label_out *o)
{
	size_t off = 0;

	if (o->sb.len == 0)
		return;
	pthread_mutex_lock(&out_lock);
	while (off < o->sb.len) {
		ssize_t n =
		    write(STDOUT_FILENO, o->sb.data + off, o->sb.len - off);

		if (n <= 0)
			break; /* stdout gone: nothing better to do */
		off += (size_t)n;
	}
	pthread_mutex_unlock(&out_lock);
	strbuf_reset(&o->sb);
}

void
label_out_free(struct label_out *o)
{
	label_out_flush(o);
	strbuf_free(&o->sb);
}

/* {"path":…,"from":…,"to":…  of a JSON change line, left open. */
static void
json_change_head(struct label_out *o, const char *path, const char *from,
                 const char *to)
{
	strbuf_adds(&o->sb, "{\"path\":");
	quote_json(&o->sb, path);
	strbuf_adds(&o->sb, ",\"from\":");
	quote_json(&o->sb, from);
	strbuf_adds(&o->sb, ",\"to\":");
	quote_json(&o->sb, to);
}

void
label_report_change(struct label_out *o, const char *path, const char *from,
                    const char *to, int written)
{
	if (o->json) {
		json_change_head(o, path, from, to);
		strbuf_addf(&o->sb, ",\"action\":\"%s\"}\n",
		            written ? "relabeled" : "would relabel");
	} else {
		/*
		 * Plain appends: printf costs show at 100,000 lines/s.  The
		 * name and the old label are escaped (quote.h): a newline in
		 * a name must not forge a line of its own.
		 */
		strbuf_adds(&o->sb, written ? "Relabeled " : "Would relabel ");
		quote_text(&o->sb, path);
		strbuf_adds(&o->sb, " from ");
		quote_text(&o->sb, from ? from : "(null)");
		strbuf_adds(&o->sb, " to ");
		quote_text(&o->sb, to);
		strbuf_addc(&o->sb, '\n');
	}
	if (o->sb.len >= OUT_FLUSH_AT)
		label_out_flush(o);
}

void
label_report_refused(struct label_out *o, const char *path, const char *from,
                     const char *to, unsigned long links, const char *type)
{
	if (o->json) {
		json_change_head(o, path, from, to);
		strbuf_addf(&o->sb,
		            ",\"action\":\"refused\",\"links\":%lu,"
		            "\"reason\":\"hard link with a type foreign to "
		            "the trees\"}\n",
		            links);
	} else {
		strbuf_adds(&o->sb, "Not relabeling ");
		quote_text(&o->sb, path);
		strbuf_adds(&o->sb, " from ");
		quote_text(&o->sb, from);
		strbuf_adds(&o->sb, " to ");
		quote_text(&o->sb, to);
		strbuf_addf(&o->sb, ": it has %lu links and its type ", links);
		quote_text(&o->sb, type);
		strbuf_adds(&o->sb, " is not one the file contexts of these "
		                    "trees give (a hard link to a file outside "
		                    "them?)\n");
	}
	if (o->sb.len >= OUT_FLUSH_AT)
		label_out_flush(o);
}

void
label_report_summary(int json, const struct label_counts *c, double seconds,
                     int interrupted, int verbose)
{
	unsigned long files = atomic_load(&c->files);
	double rate = seconds > 0 ? (double)files / seconds : 0;

	if (json) {
		struct label_out o;

		label_out_init(&o, 1);
		strbuf_addf(
		    &o.sb,
		    "{\"summary\":{\"files\":%lu,\"differ\":%lu,"
		    "\"relabeled\":%lu,\"errors\":%lu,"
		    "\"vanished\":%lu,\"customized\":%lu,"
		    "\"refused\":%lu,\"interrupted\":%s,\"seconds\":%.3f,"
		    "\"files_per_second\":%.0f}}\n",
		    files, atomic_load(&c->differ), atomic_load(&c->relabeled),
		    atomic_load(&c->errors), atomic_load(&c->vanished),
		    atomic_load(&c->customized), atomic_load(&c->refused),
		    interrupted ? "true" : "false", seconds, rate);
		label_out_free(&o);
	} else if (verbose) {
		fprintf(stderr,
		        "%lu files in %.2fs (%.0f files/s): %lu differ, %lu "
		        "relabeled, %lu errors, %lu vanished, %lu "
		        "customized, %lu refused%s\n",
		        files, seconds, rate, atomic_load(&c->differ),
		        atomic_load(&c->relabeled), atomic_load(&c->errors),
		        atomic_load(&c->vanished), atomic_load(&c->customized),
		        atomic_load(&c->refused),
		        interrupted ? ", interrupted" : "");
	}
}

/* The progress line: redrawn with \r, erased at the end. */
static pthread_t progress_thread;
static int progress_on;
static pthread_mutex_t progress_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t progress_cond = PTHREAD_COND_INITIALIZER;
static int progress_quit;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *
progress_main(void *arg)
{
	const struct label_counts *c = arg;
	double start = now();
	struct timespec until;

	pthread_mutex_lock(&progress_lock);
	for (int first = 1; !progress_quit; first = 0) {
		double t, f, eta;
		unsigned long files;
		char line[160], etas[32];

		/*
		 * At once (the user sees the walk has begun), then four
		 * times a second: lively, and cheap.
		 */
		if (!first) {
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_nsec += 250000000;
			if (until.tv_nsec >= 1000000000) {
				until.tv_sec++;
				until.tv_nsec -= 1000000000;
			}
			pthread_cond_timedwait(&progress_cond, &progress_lock,
			                       &until);
			if (progress_quit)
				break;
		}
		t = now() - start;
		files = atomic_load(&c->files);
		f = atomic_load(&c->done);
		eta = f > 0.001 && t > 0.1 ? t * (1 - f) / f : -1;
		if (eta >= 0)
			snprintf(etas, sizeof(etas), "%.0fs", eta);
		else
			snprintf(etas, sizeof(etas), "?");
		snprintf(line, sizeof(line),
		         "\r%lu files, %.0f files/s, %.0f%% done, ETA %s, "
		         "%lu differ\033[K",
		         files, t > 0.1 ? (double)files / t : 0, f * 100, etas,
		         atomic_load(&c->differ));
		if (write(STDERR_FILENO, line, strlen(line)) < 0)
			break;
	}
	pthread_mutex_unlock(&progress_lock);
	if (write(STDERR_FILENO, "\r\033[K", 4) < 0)
		return NULL;
	return NULL;
}

void
label_progress_start(const struct label_counts *c)
{
	if (!isatty(STDERR_FILENO))
		return;
	progress_quit = 0;
	if (pthread_create(&progress_thread, NULL, progress_main, (void *)c) ==
	    0)
		progress_on = 1;
}

void
label_progress_stop(void)
{
	if (!progress_on)
		return;
	pthread_mutex_lock(&progress_lock);
	progress_quit = 1;
	pthread_cond_signal(&progress_cond);
	pthread_mutex_unlock(&progress_lock);
	pthread_join(progress_thread, NULL);
	progress_on = 0;
}
