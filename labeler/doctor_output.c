/*
 * doctor_output - print what pfsel-label doctor found: text for people,
 * one JSON object for scripts.  Called by cmd_doctor.c.
 *
 * Every string a check recorded may hold values read from main.cf, the
 * file system or the audit log: text escapes them (quote_text), a fix
 * command is written word by word as the shell reads it back
 * (quote_command; a word a terminal cannot show makes the line one
 * that cannot be run as it stands), JSON quotes them (quote_json).
 */
#include <string.h>

#include "doctor.h"
#include "quote.h"

static const char *const section_titles[DOCTOR_SECTIONS] = {
    "Is it SELinux?",
    "Which part of SELinux?",
    "The denials",
};

static const char *const section_names[DOCTOR_SECTIONS] = {
    "selinux",
    "part",
    "denials",
};

static const char *
severity_name(int s)
{
	return s == DOCTOR_ERROR ? "error" : "warning";
}

static void
count(const struct doctor *d, size_t *errors, size_t *warnings)
{
	size_t i;

	*errors = *warnings = 0;
	for (i = 0; i < d->nfindings; i++) {
		if (d->findings[i].severity == DOCTOR_ERROR)
			(*errors)++;
		else
			(*warnings)++;
	}
}

static void
text_finding(FILE *fp, struct strbuf *sb, const struct doctor_finding *f)
{
	size_t i;

	strbuf_reset(sb);
	strbuf_addf(sb, "  [%s] %s: ",
	            f->severity == DOCTOR_ERROR ? "ERROR" : "WARNING",
	            f->check);
	quote_text(sb, f->summary);
	strbuf_addc(sb, '\n');
	for (i = 0; i < f->nevidence; i++) {
		strbuf_adds(sb, "      ");
		quote_text(sb, f->evidence[i]);
		strbuf_addc(sb, '\n');
	}
	if (f->fix != NULL) {
		strbuf_adds(sb, "      fix: ");
		quote_command(sb, (const char *const *)f->fix);
		strbuf_addc(sb, '\n');
	}
	if (f->fix_note != NULL) {
		strbuf_adds(sb, f->fix != NULL ? "       or: " : "      fix: ");
		quote_text(sb, f->fix_note);
		strbuf_addc(sb, '\n');
	}
	fputs(strbuf_str(sb), fp);
}

void
doctor_print_text(FILE *fp, const struct doctor *d)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, errors, warnings;
	int s;

	for (s = 0; s < DOCTOR_SECTIONS; s++) {
		fprintf(fp, "%s== %s ==\n", s ? "\n" : "", section_titles[s]);
		for (i = 0; i < d->nfacts; i++) {
			if (d->facts[i].section != s)
				continue;
			strbuf_reset(&sb);
			strbuf_adds(&sb, "  ");
			quote_text(&sb, d->facts[i].name);
			strbuf_adds(&sb, ": ");
			quote_text(&sb, d->facts[i].value);
			strbuf_addc(&sb, '\n');
			fputs(strbuf_str(&sb), fp);
		}
		for (i = 0; i < d->nfindings; i++)
			if (d->findings[i].section == s)
				text_finding(fp, &sb, &d->findings[i]);
	}
	count(d, &errors, &warnings);
	if (d->nfindings == 0)
		fputs("\ndoctor: nothing to fix found\n", fp);
	else
		fprintf(
		    fp,
		    "\ndoctor: %zu finding%s (%zu error%s, %zu warning%s)\n",
		    d->nfindings, d->nfindings == 1 ? "" : "s", errors,
		    errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
	strbuf_free(&sb);
}

static void
json_finding(struct strbuf *sb, const struct doctor_finding *f)
{
	size_t i;

	strbuf_addf(sb, "{\"section\":\"%s\",\"severity\":\"%s\",\"check\":",
	            section_names[f->section], severity_name(f->severity));
	quote_json(sb, f->check);
	strbuf_adds(sb, ",\"summary\":");
	quote_json(sb, f->summary);
	strbuf_adds(sb, ",\"evidence\":[");
	for (i = 0; i < f->nevidence; i++) {
		if (i > 0)
			strbuf_addc(sb, ',');
		quote_json(sb, f->evidence[i]);
	}
	strbuf_adds(sb, "],\"fix\":");
	if (f->fix != NULL) {
		strbuf_addc(sb, '[');
		for (i = 0; f->fix[i] != NULL; i++) {
			if (i > 0)
				strbuf_addc(sb, ',');
			quote_json(sb, f->fix[i]);
		}
		strbuf_addc(sb, ']');
	} else {
		strbuf_adds(sb, "null");
	}
	strbuf_adds(sb, ",\"fix_note\":");
	quote_json(sb, f->fix_note);
	strbuf_addc(sb, '}');
}

void
doctor_print_json(FILE *fp, const struct doctor *d)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, errors, warnings;

	strbuf_adds(&sb, "{\"root\":");
	quote_json(&sb, d->root);
	strbuf_adds(&sb, ",\"facts\":[");
	for (i = 0; i < d->nfacts; i++) {
		strbuf_addf(&sb,
		            "%s{\"section\":\"%s\",\"name\":", i ? "," : "",
		            section_names[d->facts[i].section]);
		quote_json(&sb, d->facts[i].name);
		strbuf_adds(&sb, ",\"value\":");
		quote_json(&sb, d->facts[i].value);
		strbuf_addc(&sb, '}');
	}
	strbuf_adds(&sb, "],\"findings\":[");
	for (i = 0; i < d->nfindings; i++) {
		if (i > 0)
			strbuf_addc(&sb, ',');
		json_finding(&sb, &d->findings[i]);
	}
	count(d, &errors, &warnings);
	strbuf_addf(&sb, "],\"errors\":%zu,\"warnings\":%zu}\n", errors,
	            warnings);
	fputs(strbuf_str(&sb), fp);
	strbuf_free(&sb);
}
