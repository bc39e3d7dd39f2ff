/*
 * review_json - the --json form of pfsel-label review's report.
 *
 * Called by cmd_review.c through rv_print_json() (review_output.h).  One
 * object: input statistics, the groups in fix order with every example,
 * the per-request reasons (the audit2why comparison uses them), the fix
 * and the allow rule, and the SELINUX_ERR kinds.
 */
#include <inttypes.h>
#include <string.h>

#include "quote.h"
#include "review_diag.h"
#include "review_output.h"

/* Every string goes out as quote_json writes it: valid UTF-8 always. */
static void
jstr(FILE *fp, const char *s)
{
	quote_fputs(fp, quote_json, s);
}

static void
jexamples(FILE *fp, const char *key, const struct rv_examples *ex)
{
	int i;

	fprintf(fp, ",\"%s\":[", key);
	for (i = 0; i < ex->n; i++) {
		if (i > 0)
			fputc(',', fp);
		jstr(fp, ex->v[i]);
	}
	fprintf(fp, "],\"%s_more\":%s", key, ex->more ? "true" : "false");
}

static void
jperms(FILE *fp, const char *key, const struct rv_group *g, uint64_t bits)
{
	int i, first = 1;

	fprintf(fp, ",\"%s\":[", key);
	for (i = 0; i < g->nperms; i++)
		if (bits & ((uint64_t)1 << i)) {
			if (!first)
				fputc(',', fp);
			first = 0;
			jstr(fp, g->perms[i]);
		}
	for (i = 0; (bits & RV_MORE_BIT) && i < g->nmore_perms; i++) {
		if (!first)
			fputc(',', fp);
		first = 0;
		jstr(fp, g->more_perms[i]);
	}
	fputc(']', fp);
}

static void
jdiag(FILE *fp, const struct rv_group *g, const struct rv_diag *d)
{
	int i;

	fprintf(fp, ",\"reason\":\"%s\",\"fix\":\"%s\"",
	        rv_reason_name(d->reason), rv_fix_name(d->fix));
	fprintf(fp, ",\"permissive_domain\":%s",
	        d->permissive_domain ? "true" : "false");
	jperms(fp, "allowed_perms", g, d->allowed);
	jperms(fp, "unknown_perms", g, d->unknown_perms);
	fputs(",\"booleans\":[", fp);
	for (i = 0; i < d->nbools; i++) {
		fprintf(fp, "%s{\"name\":", i ? "," : "");
		jstr(fp, d->bools[i]);
		fprintf(fp, ",\"value\":%d}", d->boolvals[i]);
	}
	fputc(']', fp);
	fputs(",\"constraint\":", fp);
	jstr(fp, d->constraint);
	fputs(",\"bad_context\":", fp);
	jstr(fp, d->bad_context);
	if (d->fc_path != NULL) {
		fputs(",\"file_context\":{\"path\":", fp);
		jstr(fp, d->fc_path);
		fputs(",\"type\":", fp);
		jstr(fp, d->fc_type);
		fputc('}', fp);
	}
	if (d->fix == RV_FIX_PORT) {
		fprintf(fp,
		        ",\"port\":{\"proto\":\"%s\",\"port\":%d,\"types\":[",
		        d->port_proto, d->port);
		for (i = 0; i < d->nport_types; i++) {
			if (i > 0)
				fputc(',', fp);
			jstr(fp, d->port_types[i]);
		}
		fputs("]}", fp);
	}
	fputs(",\"spec\":", fp);
	jstr(fp, d->spec);
	fputs(",\"risk\":", fp);
	jstr(fp, d->risk);
	fputs(",\"boolean_risk\":", fp);
	jstr(fp, d->bool_risk);
	fprintf(fp, ",\"relabel_program\":%s",
	        d->relabel_program ? "true" : "false");
	fputs(",\"interface\":", fp);
	jstr(fp, d->iface);
	fprintf(fp, ",\"interface_grants\":%d", d->iface_grants);
	if (d->fix == RV_FIX_ALLOW)
		jperms(fp, "rule_perms", g, d->rule_bits);
}

static void
jgroup(FILE *fp, const struct rv_group *g)
{
	int i;

	fputs("{\"source\":", fp);
	jstr(fp, g->stype);
	fputs(",\"target\":", fp);
	jstr(fp, g->ttype);
	fputs(",\"class\":", fp);
	jstr(fp, g->tclass);
	fputs(",\"scontext\":", fp);
	jstr(fp, g->scon);
	fputs(",\"tcontext\":", fp);
	jstr(fp, g->tcon);
	jperms(fp, "perms", g, ~(uint64_t)0);
	fprintf(fp, ",\"count\":%lu,\"user_avc\":%lu,\"permissive\":%lu",
	        g->count, g->user_avc, g->permissive);
	fprintf(fp, ",\"first\":%.3f,\"last\":%.3f", g->first, g->last);
	fprintf(fp, ",\"success\":{\"yes\":%lu,\"no\":%lu}", g->success_yes,
	        g->success_no);
	jexamples(fp, "nodes", &g->nodes);
	jexamples(fp, "comms", &g->comms);
	jexamples(fp, "exes", &g->exes);
	jexamples(fp, "paths", &g->paths);
	jexamples(fp, "created", &g->created);
	fputs(",\"ports\":[", fp);
	for (i = 0; i < g->nports; i++)
		fprintf(fp, "%s%d", i ? "," : "", g->ports[i]);
	fputs("],\"requests\":[", fp);
	for (i = 0; i < g->nsets; i++) {
		fputs(i ? ",{" : "{", fp);
		fprintf(fp, "\"count\":%lu,\"scontext\":", g->sets[i].count);
		jstr(fp, g->scons[g->sets[i].ctx]);
		fputs(",\"tcontext\":", fp);
		jstr(fp, g->tcons[g->sets[i].ctx]);
		if (g->diag != NULL)
			fprintf(fp, ",\"reason\":\"%s\"",
			        rv_reason_name(g->sets[i].reason));
		jperms(fp, "perms", g, g->sets[i].bits);
		fputc('}', fp);
	}
	fputc(']', fp);
	if (g->diag != NULL)
		jdiag(fp, g, g->diag);
	fputc('}', fp);
}

/* Each fix once, with the indexes in "groups" of the groups it covers
 * (rv_report_sort puts a fix's groups next to each other). */
static void
jfixes(FILE *fp, const struct rv_report *r)
{
	size_t i, j, at = 0;

	for (i = 0; i < r->fixes.n; i++) {
		const struct rv_fix_unit *u = &r->fixes.v[i];

		fprintf(fp, "%s{\"fix\":\"%s\",\"groups\":[", i ? ",\n" : "",
		        rv_fix_name(u->kind));
		for (j = 0; j < u->ngroups; j++)
			fprintf(fp, "%s%zu", j ? "," : "", at++);
		fprintf(fp, "],\"denials\":%lu,\"spec\":", u->denials);
		jstr(fp, u->kind == RV_FIX_SPEC ? u->spec : NULL);
		fprintf(fp, ",\"written\":%s,\"conflict\":",
		        u->kind == RV_FIX_SPEC && u->complete &&
		                u->conflict == NULL
		            ? "true"
		            : "false");
		jstr(fp, u->conflict);
		fputs(",\"risk\":", fp);
		jstr(fp, u->risk);
		fputc('}', fp);
	}
}

void
rv_print_json(FILE *fp, const struct rv_report *r)
{
	const struct rv_stats *s = r->stats;
	size_t i;

	fputs("{\"policy\":", fp);
	jstr(fp, r->policy);
	fprintf(fp,
	        ",\"stats\":{\"lines\":%lu,\"avc\":%lu,\"user_avc\":%lu,"
	        "\"selinux_err\":%lu,\"denials\":%lu,\"granted\":%lu,"
	        "\"other_user_avc\":%lu,\"malformed\":%lu,"
	        "\"unread_denials\":%lu,\"groups\":%zu}",
	        s->lines, s->avc, s->user_avc, s->selinux_err, s->denials,
	        s->granted, s->other_user_avc, s->malformed, s->unread_denials,
	        r->ngroups);
	fputs(",\"groups\":[", fp);
	for (i = 0; i < r->ngroups; i++) {
		if (i > 0)
			fputs(",\n", fp);
		jgroup(fp, r->groups[i]);
	}
	fputs("],\"fixes\":[", fp);
	jfixes(fp, r);
	fputs("],\"selinux_errors\":[", fp);
	for (i = 0; i < r->nerrs; i++) {
		fputs(i ? ",{\"what\":" : "{\"what\":", fp);
		jstr(fp, r->errs[i].what);
		fprintf(fp, ",\"count\":%lu,\"example\":", r->errs[i].count);
		jstr(fp, r->errs[i].example);
		fputc('}', fp);
	}
	fputs("]}\n", fp);
}
