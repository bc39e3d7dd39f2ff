/*
 * label_report - report lines, JSON and progress; see label_report.h.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "label_report.h"

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

/* Length of the valid UTF-8 sequence at s, 0 if invalid. */
static size_t
utf8_len(const unsigned char *s)
{
	size_t n, i;
	unsigned c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	/* Overlong three-byte forms and UTF-16 surrogates. */
	if (n == 3 &&
	    ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] > 0x9f)))
		return 0;
	if (n == 4 &&
	    ((c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] > 0x8f)))
		return 0;
	return n;
}

void
label_json_string(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	strbuf_addc(sb, '"');
	while (*p) {
		size_t n = utf8_len(p);

		if (*p == '"' || *p == '\\') {
			strbuf_addc(sb, '\\');
			strbuf_addc(sb, (char)*p++);
		} else if (*p == '\n') {
			strbuf_adds(sb, "\\n");
			p++;
		} else if (*p == '\t') {
			strbuf_adds(sb, "\\t");
			p++;
		} else if (n == 0) {
			/*
			 * A byte that is not UTF-8 becomes the lone surrogate
			 * U+DCXX (PEP 383's "surrogateescape"): it cannot be
			 * confused with any character, so names stay
			 * distinct and the bytes can be recovered.
			 */
			strbuf_addf(sb, "\\udc%02x", *p++);
		} else if (*p < 0x20 || *p == 0x7f) {
			strbuf_addf(sb, "\\u%04x", *p++);
		} else {
			strbuf_addmem(sb, p, n);
			p += n;
		}
	}
	strbuf_addc(sb, '"');
}

void
label_report_change(struct label_out *o, const char *path, const char *from,
                    const char *to, int written)
{
	if (o->json) {
		strbuf_adds(&o->sb, "{\"path\":");
		label_json_string(&o->sb, path);
		strbuf_adds(&o->sb, ",\"from\":");
		if (from)
			label_json_string(&o->sb, from);
		else
			strbuf_adds(&o->sb, "null");
		strbuf_adds(&o->sb, ",\"to\":");
		label_json_string(&o->sb, to);
		strbuf_addf(&o->sb, ",\"action\":\"%s\"}\n",
		            written ? "relabeled" : "would relabel");
	} else {
		/* Plain appends: printf costs show at 100,000 lines/s. */
		strbuf_adds(&o->sb, written ? "Relabeled " : "Would relabel ");
		strbuf_adds(&o->sb, path);
		strbuf_adds(&o->sb, " from ");
		strbuf_adds(&o->sb, from ? from : "(null)");
		strbuf_adds(&o->sb, " to ");
		strbuf_adds(&o->sb, to);
		strbuf_addc(&o->sb, '\n');
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
		strbuf_addf(&o.sb,
		            "{\"summary\":{\"files\":%lu,\"differ\":%lu,"
		            "\"relabeled\":%lu,\"errors\":%lu,"
		            "\"vanished\":%lu,\"customized\":%lu,"
		            "\"interrupted\":%s,\"seconds\":%.3f,"
		            "\"files_per_second\":%.0f}}\n",
		            files, atomic_load(&c->differ),
		            atomic_load(&c->relabeled), atomic_load(&c->errors),
		            atomic_load(&c->vanished),
		            atomic_load(&c->customized),
		            interrupted ? "true" : "false", seconds, rate);
		label_out_free(&o);
	} else if (verbose) {
		fprintf(stderr,
		        "%lu files in %.2fs (%.0f files/s): %lu differ, %lu "
		        "relabeled, %lu errors, %lu vanished, %lu "
		        "customized%s\n",
		        files, seconds, rate, atomic_load(&c->differ),
		        atomic_load(&c->relabeled), atomic_load(&c->errors),
		        atomic_load(&c->vanished), atomic_load(&c->customized),
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
