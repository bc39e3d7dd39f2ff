/*
 * review_output - print what pfsel-label review found: text, --te and
 * --spec forms (JSON is in review_json.c).  Called by cmd_review.c.
 *
 * The text is grouped by fix in the order an administrator should try
 * them, so the first thing read is the cheapest correct fix; allow
 * rules come last and risky ones say why in words.
 *
 * Every value read from a log (types, classes and permissions too: a
 * crafted log is not bound to the policy's names) is printed through
 * quote.h: escaped in text, shell-quoted in the commands of fix lines
 * (none is printed for a path a terminal cannot show), a policy
 * identifier or a comment line in --te, and in --spec only as the
 * review_recipe sections made it (valid values or FILL IN comments).
 */
#include "review_output.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "quote.h"
#include "review_diag.h"
#include "xalloc.h"

/*
 * Values escaped for text output, in a ring of buffers so that a few
 * can appear in one fprintf(); emptied when a report is done.
 */
#define SHOWN_RING 8
static struct strbuf shown_ring[SHOWN_RING];
static unsigned shown_next;

static const char *
T(const char *s)
{
	return quote_text_str(&shown_ring[shown_next++ % SHOWN_RING], s);
}

static void
shown_free(void)
{
	for (unsigned i = 0; i < SHOWN_RING; i++)
		strbuf_free(&shown_ring[i]);
}

static int
fix_of(const struct rv_group *g)
{
	return g->diag ? g->diag->fix : RV_FIX_UNKNOWN;
}

void
rv_report_sort(struct rv_report *r)
{
	rv_fixes_build(r->table, r->groups, r->ngroups, &r->fixes);
}

void
rv_report_done(struct rv_report *r)
{
	rv_fixes_free(&r->fixes);
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
	if (bits & RV_MORE_BIT)
		n += g->nmore_perms;
	if (n != 1)
		fputs("{", fp);
	for (i = 0; i < g->nperms; i++)
		if (bits & ((uint64_t)1 << i))
			fprintf(fp, n != 1 ? " %s" : "%s", T(g->perms[i]));
	for (i = 0; (bits & RV_MORE_BIT) && i < g->nmore_perms; i++)
		fprintf(fp, n != 1 ? " %s" : "%s", T(g->more_perms[i]));
	if (n != 1)
		fputs(" }", fp);
}

static void
rule(FILE *fp, const struct rv_group *g)
{
	fprintf(fp, "allow %s %s:%s ", T(g->stype),
	        g->ttype == g->stype ? "self" : T(g->ttype), T(g->tclass));
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
    "Contexts, types, classes or permissions this policy does not know",
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
		fprintf(fp, " %s", T(ex->v[i]));
	fputs(ex->more ? " ...\n" : "\n", fp);
}

/*
 * A fix command, its words shell-quoted (quote_command): a path a
 * terminal cannot show gives no command to copy, but the path escaped
 * and a pointer to --json, which has its bytes.
 */
static void
fix_command(FILE *fp, const char *lead, const char *cmd, const char *opt,
            const char *path)
{
	const char *argv[] = {cmd, opt, path, NULL};
	struct strbuf sb = STRBUF_INIT;

	if (quote_command(&sb, argv) == 0)
		fprintf(fp, "%s%s", lead, sb.data);
	else
		fprintf(fp,
		        "%s%s %s PATH, PATH being %s (not shown as a command: "
		        "it holds bytes a terminal cannot show; --json has "
		        "them)",
		        lead, cmd, opt, T(path));
	strbuf_free(&sb);
}

/* The booleans of d, each a "lead" line, the wide ones' risk after. */
static void
text_booleans(FILE *fp, const char *lead, const struct rv_diag *d,
              const struct rv_report *r)
{
	int i;

	for (i = 0; i < d->nbools; i++)
		fprintf(fp, "%s: setsebool -P %s %d\n", i ? "       or" : lead,
		        T(d->bools[i]), d->boolvals[i]);
	if (d->nbools > 0 && d->bool_risk != NULL)
		fprintf(fp, "      %sRISK (boolean): %s%s\n",
		        r->color ? "\033[1;31m" : "", d->bool_risk,
		        r->color ? "\033[0m" : "");
}

static void
text_fix(FILE *fp, const struct rv_fix_unit *u, const struct rv_report *r)
{
	const struct rv_group *g = u->groups[0];
	const struct rv_diag *d = g->diag;
	int i;

	switch (d->fix) {
	case RV_FIX_RELABEL:
		fix_command(fp, "      fix: ", "restorecon", "-v", d->fc_path);
		fprintf(fp, "   (file contexts say %s)\n", T(d->fc_type));
		if (d->relabel_program)
			fprintf(fp,
			        "      why: the program ran in %s: the file "
			        "contexts give it the entry point of another "
			        "domain; restart it once relabeled\n",
			        T(g->stype));
		if (strncmp(d->fc_path, "/var/spool/postfix", 18) == 0 ||
		    strncmp(d->fc_path, "/etc/postfix", 12) == 0 ||
		    strncmp(d->fc_path, "/var/lib/postfix", 16) == 0) {
			fix_command(fp, "       or: ", "pfsel-label", "apply",
			            d->fc_path);
			fputc('\n', fp);
		}
		break;
	case RV_FIX_PORT:
		if (d->nport_types == 1)
			fprintf(fp, "      fix: semanage port -a -t %s -p %s ",
			        T(d->port_types[0]), d->port_proto);
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
				fprintf(fp, " %s", T(d->port_types[i]));
			fputc('\n', fp);
		}
		for (i = 0; i < d->nbools; i++)
			fprintf(fp, "       or: setsebool -P %s %d\n",
			        T(d->bools[i]), d->boolvals[i]);
		break;
	case RV_FIX_BOOLEAN:
		text_booleans(fp, "      fix", d, r);
		break;
	case RV_FIX_SPEC:
		fprintf(fp, "      why: %s\n      fix: add to the spec:\n",
		        d->spec_why);
		if (u->conflict != NULL)
			fprintf(fp, "      (not written by --spec: %s)\n",
			        u->conflict);
		{
			const char *p = u->spec, *nl;

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
			        T(d->iface), T(g->stype), d->iface_grants);
		if (d->risk != NULL)
			fprintf(fp, "      %sRISK: %s%s\n",
			        r->color ? "\033[1;31m" : "", d->risk,
			        r->color ? "\033[0m" : "");
		text_booleans(fp, "       or", d, r);
		break;
	case RV_FIX_POLICY:
		fprintf(fp, "      reason: %s\n", rv_reason_name(d->reason));
		if (d->constraint != NULL)
			fprintf(fp, "      constraint: %s\n", T(d->constraint));
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
		if (d->bad_context != NULL)
			fprintf(fp, "      context: %s\n", d->bad_context);
		break;
	}
}

/*
 * The requests of g whose reason is not the group's: a dontaudit,
 * an unknown permission or a context the policy refuses in one request
 * never hides another's missing rule, nor the other way round.
 */
static void
request_notes(FILE *fp, const struct rv_group *g)
{
	int s;

	for (s = 0; s < g->nsets; s++) {
		if (g->sets[s].reason == g->diag->reason)
			continue;
		fputs("      also: ", fp);
		perms_list(fp, g, g->sets[s].bits);
		fprintf(fp, " x%lu: %s", g->sets[s].count,
		        rv_reason_name(g->sets[s].reason));
		if (g->sets[s].reason == RV_R_BADSCON ||
		    g->sets[s].reason == RV_R_BADTCON)
			fprintf(fp, " (%s)",
			        T(g->sets[s].reason == RV_R_BADSCON
			              ? g->scons[g->sets[s].ctx]
			              : g->tcons[g->sets[s].ctx]));
		fputc('\n', fp);
	}
}

static void
text_group(FILE *fp, const struct rv_group *g, const char *bold,
           const char *off)
{
	fprintf(fp, "  %s%s -> %s:%s%s ", bold, T(g->stype), T(g->ttype),
	        T(g->tclass), off);
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
	request_notes(fp, g);
}

void
rv_print_text(FILE *fp, const struct rv_report *r)
{
	const char *bold = r->color ? "\033[1m" : "",
	           *off = r->color ? "\033[0m" : "";
	int last = -1;
	size_t i, j;

	fprintf(fp,
	        "%lu lines: %lu AVC, %lu USER_AVC, %lu SELINUX_ERR records; "
	        "%lu denials in %zu groups; %lu malformed skipped\n",
	        r->stats->lines, r->stats->avc, r->stats->user_avc,
	        r->stats->selinux_err, r->stats->denials, r->ngroups,
	        r->stats->malformed);
	for (i = 0; i < r->fixes.n; i++) {
		const struct rv_fix_unit *u = &r->fixes.v[i];
		const struct rv_diag *d = u->groups[0]->diag;

		if (u->kind != last) {
			last = u->kind;
			fprintf(fp, "\n%s== %s ==%s\n", bold, fix_titles[last],
			        off);
		}
		if (u->ngroups > 1)
			fprintf(fp,
			        "  %s* one fix for the %zu groups below "
			        "(%lu denials):%s\n",
			        bold, u->ngroups, u->denials, off);
		for (j = 0; j < u->ngroups; j++)
			text_group(fp, u->groups[j], bold, off);
		text_fix(fp, u, r);
		if (d->fc_path != NULL && d->fix != RV_FIX_RELABEL)
			fprintf(fp, "      note: file contexts say %s is %s\n",
			        T(d->fc_path), T(d->fc_type));
		for (j = 0; j < u->ngroups; j++)
			if (u->groups[j]->diag->permissive_domain)
				fprintf(
				    fp,
				    "      note: %s is a permissive domain\n",
				    T(u->groups[j]->stype));
	}
	for (i = 0; i < r->nerrs; i++) {
		if (i == 0)
			fprintf(fp, "\n%s== SELINUX_ERR ==%s\n", bold, off);
		fprintf(fp, "  %s  x%lu\n      e.g. %s\n", T(r->errs[i].what),
		        r->errs[i].count, T(r->errs[i].example));
	}
	shown_free();
}

static int
wants_rule(const struct rv_group *g)
{
	return fix_of(g) == RV_FIX_ALLOW && rule_bits(g) != 0;
}

/* A name --te can write into policy text: [A-Za-z_][A-Za-z0-9_]*. */
static int
policy_name(const char *s)
{
	const char *p = s;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	      *p == '_'))
		return 0;
	for (p++; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_'))
			return 0;
	return 1;
}

/* Every name the group's rule (or interface call) would write is one. */
static int
policy_names(const struct rv_group *g)
{
	uint64_t bits = rule_bits(g);
	int k;

	if (!policy_name(g->stype) || !policy_name(g->ttype) ||
	    !policy_name(g->tclass) ||
	    (g->diag->iface != NULL && !policy_name(g->diag->iface)))
		return 0;
	for (k = 0; k < g->nperms; k++)
		if (bits & ((uint64_t)1 << k) && !policy_name(g->perms[k]))
			return 0;
	return 1;
}

/* A rule --te writes; one with another name is only a comment. */
static int
te_rule(const struct rv_group *g)
{
	return wants_rule(g) && policy_names(g);
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

/* The groups --te has no rule for, and why: their fix is another. */
static void
te_left_out(FILE *fp, const struct rv_report *r)
{
	size_t i;
	int n = 0;

	for (i = 0; i < r->ngroups; i++) {
		const struct rv_group *g = r->groups[i];
		const struct rv_diag *d = g->diag;

		if (wants_rule(g))
			continue;
		if (n++ == 0)
			fputs("\n# Left out: groups an allow rule does not fix "
			      "(pfsel-label review without --te shows their "
			      "fix)\n",
			      fp);
		fprintf(fp, "# %s -> %s:%s ", T(g->stype), T(g->ttype),
		        T(g->tclass));
		perms_list(fp, g, ~(uint64_t)0);
		fprintf(fp, " x%lu: %s (%s)\n", g->count, fix_titles[fix_of(g)],
		        rv_reason_name(d->reason));
	}
}

int
rv_print_te(FILE *fp, const struct rv_report *r, const char *module)
{
	const char **types = NULL, **classes = NULL, **perms = NULL;
	size_t ntypes = 0, nclasses = 0, i, j;
	int n = 0, k, refpolicy = 0;

	for (i = 0; i < r->ngroups; i++)
		if (te_rule(r->groups[i])) {
			set_add(&types, &ntypes, r->groups[i]->stype);
			if (r->groups[i]->ttype != r->groups[i]->stype)
				set_add(&types, &ntypes, r->groups[i]->ttype);
			set_add(&classes, &nclasses, r->groups[i]->tclass);
		}
	/* Interface calls need the refpolicy devel Makefile to expand. */
	for (i = 0; i < r->ngroups; i++)
		refpolicy |=
		    te_rule(r->groups[i]) && r->groups[i]->diag->iface != NULL;
	if (refpolicy)
		fprintf(fp, "policy_module(%s, 1.0)\n\nrequire {\n", module);
	else
		fprintf(fp, "module %s 1.0;\n\nrequire {\n", module);
	/* A module needs a require block and checkmodule refuses an empty
	 * one: with no rule left, it requires a class every policy has. */
	if (ntypes == 0)
		fputs("\t# no allow rule is left: see the groups below\n"
		      "\tclass file { read };\n",
		      fp);
	for (i = 0; i < ntypes; i++)
		fprintf(fp, "\ttype %s;\n", types[i]);
	for (i = 0; i < nclasses; i++) {
		size_t nperms = 0, m;

		for (j = 0; j < r->ngroups; j++) {
			const struct rv_group *g = r->groups[j];

			if (!te_rule(g) || g->tclass != classes[i])
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

		if (wants_rule(g) && !te_rule(g)) {
			fputs("\n# not written: a name in this rule is not a "
			      "policy identifier: ",
			      fp);
			rule(fp, g);
			fputc('\n', fp);
			continue;
		}
		if (!te_rule(g))
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
	te_left_out(fp, r);
	shown_free();
	return n;
}

/* A section --spec cannot write as is, each line a comment. */
static void
spec_commented(FILE *fp, const char *spec)
{
	const char *p = spec, *nl;

	while ((nl = strchr(p, '\n')) != NULL) {
		fprintf(fp, "# %.*s\n", (int)(nl - p), p);
		p = nl + 1;
	}
}

/*
 * The spec sections of the fixes, each once: what pfsel-gen emit
 * accepts (a [module] section before them).  A section with a line to
 * fill in, or a second [log] (a spec has one), is written as comments
 * saying so.
 */
int
rv_print_spec(FILE *fp, const struct rv_report *r)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	char *what;
	int n = 0, shown = 0;

	for (i = 0; i < r->fixes.n; i++) {
		const struct rv_fix_unit *u = &r->fixes.v[i];
		const struct rv_group *g = u->groups[0];

		if (u->kind != RV_FIX_SPEC)
			continue;
		/* One comment line, of a length any spec reader takes. */
		what = xasprintf("%s -> %s:%s", g->stype, g->ttype, g->tclass);
		strbuf_reset(&sb);
		quote_text_max(&sb, what, 96);
		free(what);
		fprintf(fp, "%s# from %lu denial%s in %zu group%s: %s%s; %s\n",
		        shown++ ? "\n" : "", u->denials,
		        u->denials == 1 ? "" : "s", u->ngroups,
		        u->ngroups == 1 ? "" : "s", sb.data,
		        u->ngroups > 1 ? ", ..." : "", g->diag->spec_why);
		if (u->conflict != NULL) {
			fprintf(fp, "# not written: %s\n", u->conflict);
			spec_commented(fp, u->spec);
		} else if (!u->complete) {
			fputs("# to fill in, then uncomment:\n", fp);
			spec_commented(fp, u->spec);
		} else {
			fputs(u->spec, fp);
			n++;
		}
	}
	strbuf_free(&sb);
	return n;
}
