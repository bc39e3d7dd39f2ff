/*
 * doctor_denials - "The denials": the audit log's AVC records since
 * boot (or --since), reviewed as "pfsel-label review" does, the top
 * groups made findings with the first fix review offers.  Called by
 * cmd_doctor.c.
 *
 * Review's public entry points do the work (review_input.h reads,
 * review_diag.h diagnoses); this file only picks the records by time,
 * ranks the groups (mail domains first, then by count) and words the
 * fix as a command.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "doctor.h"
#include "msg.h"
#include "review_diag.h"
#include "review_input.h"
#include "strbuf.h"
#include "xalloc.h"

#define TOP 5

/* Feed in the whole lines of buf[0..n) logged at or after since. */
static size_t
feed_lines(struct rv_input *in, const char *buf, size_t n, double since)
{
	size_t off = 0;

	for (;;) {
		const char *nl = memchr(buf + off, '\n', n - off);
		size_t len;
		double t;

		if (nl == NULL)
			return off;
		len = (size_t)(nl - (buf + off)) + 1;
		t = doctor_record_time(buf + off, len);
		if (t < 0 || t >= since)
			rv_input_bytes(in, buf + off, len);
		off += len;
	}
}

static int
read_log(struct doctor *d, struct rv_input *in, struct why *why)
{
	char *buf = xmalloc((1 << 16) + 1); /* + the newline of a last line */
	size_t have = 0, used;
	ssize_t n;
	int fd = open(d->audit_log, O_RDONLY | O_CLOEXEC | O_NOCTTY);

	if (fd < 0) {
		free(buf);
		return why_errno(why, "%s", d->audit_log);
	}
	while ((n = read(fd, buf + have, (1 << 16) - have)) > 0) {
		have += (size_t)n;
		used = feed_lines(in, buf, have, d->since);
		if (used == 0 && have == 1 << 16)
			used = have; /* longer than any record: skipped */
		memmove(buf, buf + used, have - used);
		have -= used;
	}
	if (n == 0 && have > 0) {
		buf[have] = '\n';
		feed_lines(in, buf, have + 1, d->since);
	}
	close(fd);
	free(buf);
	if (n < 0)
		return why_errno(why, "%s", d->audit_log);
	return 0;
}

static int
mail_group(const struct doctor *d, const struct rv_group *g)
{
	return doctor_mail_domain(d, g->stype) ||
	       doctor_mail_domain(d, g->ttype);
}

static const struct doctor *rank_doctor;

static int
by_rank(const void *a, const void *b)
{
	const struct rv_group *x = *(const struct rv_group *const *)a;
	const struct rv_group *y = *(const struct rv_group *const *)b;
	int mx = mail_group(rank_doctor, x), my = mail_group(rank_doctor, y);

	if (mx != my)
		return my - mx;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
perms_text(struct strbuf *sb, const struct rv_group *g)
{
	int i;

	strbuf_adds(sb, g->nperms == 1 ? "" : "{");
	for (i = 0; i < g->nperms; i++)
		strbuf_addf(sb, g->nperms == 1 ? "%s" : " %s", g->perms[i]);
	strbuf_adds(sb, g->nperms == 1 ? "" : " }");
}

static void
examples(struct doctor_finding *f, const char *label,
         const struct rv_examples *ex)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	if (ex->n == 0)
		return;
	for (i = 0; i < ex->n; i++)
		strbuf_addf(&sb, "%s%.*s", i ? " " : "", (int)ex->len[i],
		            ex->v[i]);
	doctor_evidence(f, "%s: %s%s", label, sb.data, ex->more ? " ..." : "");
	strbuf_free(&sb);
}

/* The first fix review offers, as a command where there is one. */
static void
first_fix(struct doctor *d, struct doctor_finding *f, const struct rv_group *g)
{
	const struct rv_diag *dg = g->diag;
	char num[16], val[4];

	switch (dg->fix) {
	case RV_FIX_RELABEL: {
		const char *fix[] = {"restorecon", "-v", dg->fc_path, NULL};
		const char *rfix[] = {"pfsel-label", "apply",     "-r",
		                      d->root,       dg->fc_path, NULL};

		doctor_fix(f, d->root ? rfix : fix);
		doctor_evidence(f, "file contexts say %s is %s", dg->fc_path,
		                dg->fc_type);
		break;
	}
	case RV_FIX_PORT:
		snprintf(num, sizeof(num), "%d", dg->port);
		if (dg->nport_types >= 1 && dg->port >= 0) {
			const char *fix[] = {"semanage",
			                     "port",
			                     "-a",
			                     "-t",
			                     dg->port_types[0],
			                     "-p",
			                     dg->port_proto,
			                     num,
			                     NULL};
			doctor_fix(f, fix);
		} else
			doctor_fix_note(f, "label the port: semanage port -a "
			                   "-t PORT_TYPE -p PROTO PORT");
		break;
	case RV_FIX_BOOLEAN:
		if (dg->nbools > 0) {
			const char *fix[] = {"setsebool", "-P", dg->bools[0],
			                     val, NULL};

			snprintf(val, sizeof(val), "%d", dg->boolvals[0]);
			doctor_fix(f, fix);
		}
		break;
	case RV_FIX_SPEC: {
		size_t n = strcspn(dg->spec, "\n");

		doctor_evidence(f, "why: %s", dg->spec_why);
		doctor_fix_note(f,
		                "add %.*s to the pfsel spec (pfsel-label "
		                "review --spec writes the section), then "
		                "pfsel-gen install",
		                (int)n, dg->spec);
		break;
	}
	case RV_FIX_ALLOW:
		doctor_fix_note(f,
		                "an allow rule, the last resort: "
		                "pfsel-label review --te NAME writes it%s%s",
		                dg->risk ? "; RISK: " : "",
		                dg->risk ? dg->risk : "");
		break;
	default:
		doctor_fix_note(f,
		                "no allow rule helps (%s): see "
		                "pfsel-label review",
		                rv_reason_name(dg->reason));
		break;
	}
	if (dg->permissive_domain)
		doctor_evidence(f, "%s is a permissive domain", g->stype);
}

static void
group_finding(struct doctor *d, const struct rv_group *g)
{
	struct strbuf sb = STRBUF_INIT;
	struct doctor_finding *f;
	time_t t = (time_t)g->first;
	struct tm tm;
	char when[32] = "?";

	perms_text(&sb, g);
	f = doctor_finding(
	    d, DOCTOR_DENIALS, mail_group(d, g) ? DOCTOR_ERROR : DOCTOR_WARNING,
	    "denial", "%lu denial%s: %s -> %s:%s %s%s", g->count,
	    g->count == 1 ? "" : "s", g->stype, g->ttype, g->tclass, sb.data,
	    g->permissive > 0 ? " (permissive)" : "");
	if (g->first > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S UTC", &tm);
	doctor_evidence(f, "first seen %s; %s (audit2why: %s)", when,
	                g->diag ? rv_fix_name(g->diag->fix) : "undiagnosed",
	                g->diag ? rv_reason_name(g->diag->reason) : "?");
	examples(f, "comm", &g->comms);
	examples(f, "exe", &g->exes);
	examples(f, "path", &g->paths);
	if (g->diag != NULL)
		first_fix(d, f, g);
	strbuf_free(&sb);
}

static void
report(struct doctor *d, struct rv_table *t, struct rv_input *in)
{
	size_t n, i, shown = 0, needs = 0;
	struct rv_group **all = rv_table_groups(t, &n);
	const struct rv_stats *st = rv_input_stats(in);

	rank_doctor = d;
	if (n > 1)
		qsort(all, n, sizeof(*all), by_rank);
	for (i = 0; i < n; i++) {
		if (all[i]->diag != NULL && all[i]->diag->fix == RV_FIX_NONE)
			continue;
		needs++;
		if (shown < TOP) {
			group_finding(d, all[i]);
			shown++;
		}
	}
	doctor_fact(d, DOCTOR_DENIALS, "denials",
	            "%lu in %zu group%s, %zu needing a fix", st->denials, n,
	            n == 1 ? "" : "s", needs);
	if (needs > shown)
		doctor_fact(d, DOCTOR_DENIALS, "more",
		            "%zu more groups: pfsel-label review %s shows them "
		            "all",
		            needs - shown, d->audit_log);
	if (st->unread_denials > 0) {
		struct doctor_finding *f = doctor_finding(
		    d, DOCTOR_DENIALS, DOCTOR_WARNING, "denial",
		    "%lu denial record%s could not be read", st->unread_denials,
		    st->unread_denials == 1 ? "" : "s");
		doctor_evidence(f, "in %s", d->audit_log);
	}
}

void
doctor_denials(struct doctor *d)
{
	struct rv_table *t;
	struct rv_input *in;
	struct rv_diag_ctx *dc;
	struct rv_group **groups;
	size_t n, i;
	struct why why;
	char when[64] = "the beginning of the log";

	if (d->since > 0) {
		time_t s = (time_t)d->since;
		struct tm tm;

		if (gmtime_r(&s, &tm) != NULL)
			strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S UTC",
			         &tm);
	}
	t = rv_table_new();
	in = rv_input_new(t);
	if (read_log(d, in, &why) < 0) {
		doctor_fact(d, DOCTOR_DENIALS, "denials", "not read: %s",
		            why.text);
		rv_input_free(in);
		rv_table_free(t);
		return;
	}
	rv_input_finish(in);
	doctor_fact(d, DOCTOR_DENIALS, "audit log", "%s, records since %s",
	            d->audit_log, when);
	dc = rv_diag_new(d->pol, d->sr.file_contexts);
	groups = rv_table_groups(t, &n);
	for (i = 0; i < n; i++)
		rv_diagnose(dc, t, groups[i]);
	rv_diagnose_fixes(dc, t, groups, n);
	report(d, t, in);
	rv_diag_free(dc);
	rv_input_free(in);
	rv_table_free(t);
}
