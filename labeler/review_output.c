/*
 * review_output - print what pfsel-label review found: text, --te and
 * --spec forms (JSON is in review_json.c).  Called by cmd_review.c.
 *
 * The text is grouped by fix in the order an administrator should try
 * them, so the first thing read is the cheapest correct fix; allow
 * rules come last and risky ones say why in words.
 */
#include "review_output.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "review_diag.h"
#include "xalloc.h"

static int
fix_of(const struct rv_group *g)
{
	return g->diag ? g->diag->fix : RV_FIX_UNKNOWN;
}

static int
by_fix(const void *a, const void *b)
{
	const struct rv_group *x = *(const struct rv_group *const *)a;
	const struct rv_group *y = *(const struct rv_group *const *)b;

	if (fix_of(x) != fix_of(y))
		return fix_of(x) - fix_of(y);
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
rv_report_sort(struct rv_report *r)
{
	if (r->ngroups > 1)
		qsort(r->groups, r->ngroups, sizeof(*r->groups), by_fix);
}

static uint64_t
rule_bits(const struct rv_group *g)
{
	uint64_t all =
	    g->nperms >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << g->nperms) - 1;

	if (g->diag == NULL)
		return all;
	return g->diag->rule_bits;
}

static void
perms_list(FILE *fp, const struct rv_group *g, uint64_t bits)
{
	int i, n = 0;

	for (i = 0; i < g->nperms; i++)
		if (bits & ((uint64_t)1 << i))
			n++;
	if (n != 1)
		fputs("{", fp);
	for (i = 0; i < g->nperms; i++)
		if (bits & ((uint64_t)1 << i))
			fprintf(fp, n != 1 ? " %s" : "%s", g->perms[i]);
	if (n != 1)
		fputs(" }", fp);
}

static void
rule(FILE *fp, const struct rv_group *g)
{
	fprintf(fp, "allow %s %s:%s ", g->stype,
	        g->ttype == g->stype ? "self" : g->ttype, g->tclass);
	perms_list(fp, g, rule_bits(g));
	fputs(";", fp);
}

static const char *const fix_titles[RV_FIX_COUNT] = {
    "Relabel files (the file contexts already say the right type)",
    "Label ports",
    "Turn on a boolean",
    "Add to the pfsel spec (Postfix extensions)",
    "Allow rules (last resort)",
    "Policy constraints, RBAC or bounds (an allow rule does not help)",
    "No fix needed (already allowed or dontaudit)",
    "Types, classes or permissions this policy does not know",
};

static void
when(FILE *fp, double t)
{
	time_t s = (time_t)t;
	struct tm tm;
	char buf[32];

	if (t <= 0 || gmtime_r(&s, &tm) == NULL) {
		fputs("?", fp);
		return;
	}
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	fputs(buf, fp);
}

static void
examples(FILE *fp, const char *label, const struct rv_examples *ex)
{
	int i;

	if (ex->n == 0)
		return;
	fprintf(fp, "      %s:", label);
	for (i = 0; i < ex->n; i++)
		fprintf(fp, " %s", ex->v[i]);
	fputs(ex->more ? " ...\n" : "\n", fp);
}

static void
text_fix(FILE *fp, const struct rv_group *g, const struct rv_diag *d,
         const struct rv_report *r)
{
	int i;

	switch (d->fix) {
	case RV_FIX_RELABEL:
		fprintf(
		    fp,
		    "      fix: restorecon -v '%s'   (file contexts say %s)\n",
		    d->fc_path, d->fc_type);
		if (strncmp(d->fc_path, "/var/spool/postfix", 18) == 0 ||
		    strncmp(d->fc_path, "/etc/postfix", 12) == 0 ||
		    strncmp(d->fc_path, "/var/lib/postfix", 16) == 0)
			fprintf(fp, "       or: pfsel-label apply '%s'\n",
			        d->fc_path);
		break;
	case RV_FIX_PORT:
		if (d->nport_types == 1)
			fprintf(fp, "      fix: semanage port -a -t %s -p %s ",
			        d->port_types[0], d->port_proto);
		else
			fprintf(
			    fp,
			    "      fix: semanage port -a -t PORT_TYPE -p %s ",
			    d->port_proto);
		if (d->port >= 0)
			fprintf(fp, "%d\n", d->port);
		else
			fputs("PORT\n", fp);
		if (d->nport_types > 1) {
			fputs("           PORT_TYPE, one of:", fp);
			for (i = 0; i < d->nport_types; i++)
				fprintf(fp, " %s", d->port_types[i]);
			fputc('\n', fp);
		}
		for (i = 0; i < d->nbools; i++)
			fprintf(fp, "       or: setsebool -P %s %d\n",
			        d->bools[i], d->boolvals[i]);
		break;
	case RV_FIX_BOOLEAN:
		for (i = 0; i < d->nbools; i++)
			fprintf(fp, "      fix: setsebool -P %s %d\n",
			        d->bools[i], d->boolvals[i]);
		break;
	case RV_FIX_SPEC:
		fprintf(fp, "      why: %s\n      fix: add to the spec:\n",
		        d->spec_why);
		{
			const char *p = d->spec, *nl;

			while ((nl = strchr(p, '\n')) != NULL) {
				fprintf(fp, "        %.*s\n", (int)(nl - p), p);
				p = nl + 1;
			}
		}
		break;
	case RV_FIX_ALLOW:
		fputs("      rule: ", fp);
		rule(fp, g);
		fputc('\n', fp);
		if (d->iface != NULL)
			fprintf(fp,
			        "       or: %s(%s)   (refpolicy interface, "
			        "%d permissions in all)\n",
			        d->iface, g->stype, d->iface_grants);
		if (d->risk != NULL)
			fprintf(fp, "      %sRISK: %s%s\n",
			        r->color ? "\033[1;31m" : "", d->risk,
			        r->color ? "\033[0m" : "");
		break;
	case RV_FIX_POLICY:
		fprintf(fp, "      reason: %s\n", rv_reason_name(d->reason));
		if (d->constraint != NULL)
			fprintf(fp, "      constraint: %s\n", d->constraint);
		break;
	case RV_FIX_NONE:
		fputs(d->reason == RV_R_ALLOW
		          ? "      the policy allows this now: the log comes "
		            "from another policy or boolean setting\n"
		          : "      a dontaudit rule hides this normally "
		            "(semodule -DB was run?)\n",
		      fp);
		break;
	default:
		fprintf(fp, "      reason: %s\n", rv_reason_name(d->reason));
		break;
	}
	if (d->fc_path != NULL && d->fix != RV_FIX_RELABEL)
		fprintf(fp, "      note: file contexts say %s is %s\n",
		        d->fc_path, d->fc_type);
	if (d->permissive_domain)
		fprintf(fp, "      note: %s is a permissive domain\n",
		        g->stype);
}

void
rv_print_text(FILE *fp, const struct rv_report *r)
{
	const char *bold = r->color ? "\033[1m" : "",
	           *off = r->color ? "\033[0m" : "";
	int last = -1;
	size_t i;

	fprintf(fp,
	        "%lu lines: %lu AVC, %lu USER_AVC, %lu SELINUX_ERR records; "
	        "%lu denials in %zu groups; %lu malformed skipped\n",
	        r->stats->lines, r->stats->avc, r->stats->user_avc,
	        r->stats->selinux_err, r->stats->denials, r->ngroups,
	        r->stats->malformed);
	for (i = 0; i < r->ngroups; i++) {
		const struct rv_group *g = r->groups[i];

		if (fix_of(g) != last) {
			last = fix_of(g);
			fprintf(fp, "\n%s== %s ==%s\n", bold, fix_titles[last],
			        off);
		}
		fprintf(fp, "  %s%s -> %s:%s%s ", bold, g->stype, g->ttype,
		        g->tclass, off);
		perms_list(fp, g, ~(uint64_t)0);
		fprintf(fp, "  x%lu", g->count);
		if (g->permissive > 0)
			fputs(" (permissive)", fp);
		fputs("\n      seen: ", fp);
		when(fp, g->first);
		fputs(" .. ", fp);
		when(fp, g->last);
		fputc('\n', fp);
		examples(fp, "nodes", &g->nodes);
		examples(fp, "comm", &g->comms);
		examples(fp, "exe", &g->exes);
		examples(fp, "path", &g->paths);
		if (g->diag != NULL)
			text_fix(fp, g, g->diag, r);
	}
	for (i = 0; i < r->nerrs; i++) {
		if (i == 0)
			fprintf(fp, "\n%s== SELINUX_ERR ==%s\n", bold, off);
		fprintf(fp, "  %s  x%lu\n      e.g. %s\n", r->errs[i].what,
		        r->errs[i].count, r->errs[i].example);
	}
}

static int
wants_rule(const struct rv_group *g)
{
	return fix_of(g) == RV_FIX_ALLOW && rule_bits(g) != 0;
}

/* Add s to a set of interned strings (pointer equality suffices). */
static void
set_add(const char ***set, size_t *n, const char *s)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if ((*set)[i] == s)
			return;
	*set = xreallocarray(*set, *n + 1, sizeof(**set));
	(*set)[(*n)++] = s;
}

int
rv_print_te(FILE *fp, const struct rv_report *r, const char *module)
{
	const char **types = NULL, **classes = NULL, **perms = NULL;
	size_t ntypes = 0, nclasses = 0, i, j;
	int n = 0, k, refpolicy = 0;

	for (i = 0; i < r->ngroups; i++)
		if (wants_rule(r->groups[i])) {
			set_add(&types, &ntypes, r->groups[i]->stype);
			if (r->groups[i]->ttype != r->groups[i]->stype)
				set_add(&types, &ntypes, r->groups[i]->ttype);
			set_add(&classes, &nclasses, r->groups[i]->tclass);
		}
	/* Interface calls need the refpolicy devel Makefile to expand. */
	for (i = 0; i < r->ngroups; i++)
		refpolicy |= wants_rule(r->groups[i]) &&
		             r->groups[i]->diag->iface != NULL;
	if (refpolicy)
		fprintf(fp, "policy_module(%s, 1.0)\n\nrequire {\n", module);
	else
		fprintf(fp, "module %s 1.0;\n\nrequire {\n", module);
	for (i = 0; i < ntypes; i++)
		fprintf(fp, "\ttype %s;\n", types[i]);
	for (i = 0; i < nclasses; i++) {
		size_t nperms = 0, m;

		for (j = 0; j < r->ngroups; j++) {
			const struct rv_group *g = r->groups[j];

			if (!wants_rule(g) || g->tclass != classes[i])
				continue;
			for (k = 0; k < g->nperms; k++)
				if (rule_bits(g) & ((uint64_t)1 << k))
					set_add(&perms, &nperms, g->perms[k]);
		}
		fprintf(fp, "\tclass %s {", classes[i]);
		for (m = 0; m < nperms; m++)
			fprintf(fp, " %s", perms[m]);
		fputs(" };\n", fp);
	}
	fputs("}\n", fp);
	free(types);
	free(classes);
	free(perms);
	for (i = 0; i < r->ngroups; i++) {
		const struct rv_group *g = r->groups[i];

		if (!wants_rule(g))
			continue;
		fputc('\n', fp);
		if (g->diag->risk != NULL)
			fprintf(fp, "# RISK: %s\n", g->diag->risk);
		fprintf(fp, "# %lu denial%s\n", g->count,
		        g->count == 1 ? "" : "s");
		if (g->diag->iface != NULL) {
			fputs("# ", fp);
			rule(fp, g);
			fprintf(fp, "\n%s(%s)\n", g->diag->iface, g->stype);
		} else {
			rule(fp, g);
			fputc('\n', fp);
		}
		n++;
	}
	return n;
}

int
rv_print_spec(FILE *fp, const struct rv_report *r)
{
	size_t i, j;
	int n = 0;

	for (i = 0; i < r->ngroups; i++) {
		const struct rv_group *g = r->groups[i];
		int dup = 0;

		if (fix_of(g) != RV_FIX_SPEC)
			continue;
		for (j = 0; j < i && !dup; j++)
			dup = fix_of(r->groups[j]) == RV_FIX_SPEC &&
			      r->groups[j]->diag->spec == g->diag->spec;
		if (dup)
			continue;
		fprintf(fp, "%s# from %lu denial%s: %s -> %s:%s; %s\n%s",
		        n ? "\n" : "", g->count, g->count == 1 ? "" : "s",
		        g->stype, g->ttype, g->tclass, g->diag->spec_why,
		        g->diag->spec);
		n++;
	}
	return n;
}
