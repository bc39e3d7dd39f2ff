/*
 * pfconf_print - postconf-style listings of a parsed configuration; see
 * pfconf_print.h.  Called by cmd_scan.c (--print) for the oracle tests.
 */
#include <stdlib.h>
#include <string.h>

#include "pfconf_print.h"
#include "strbuf.h"
#include "xalloc.h"

/* "name = value" with blanks collapsed, "name =" when empty. */
static void
print_nameval(FILE *fp, const char *prefix, const char *name, const char *v)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s = v;

	while (*s) {
		size_t n;

		s += strspn(s, " \t\r\n\v\f");
		n = strcspn(s, " \t\r\n\v\f");
		if (n == 0)
			break;
		if (sb.len)
			strbuf_addc(&sb, ' ');
		strbuf_addmem(&sb, s, n);
		s += n;
	}
	if (sb.len)
		fprintf(fp, "%s%s = %s\n", prefix, name, sb.data);
	else
		fprintf(fp, "%s%s =\n", prefix, name);
	strbuf_free(&sb);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct pfconf_param *)a)->name,
	              ((const struct pfconf_param *)b)->name);
}

static int
print_main(const struct pfconf *c, FILE *fp, struct why *why)
{
	size_t n = c->main.params.count, i;
	struct pfconf_param *sorted = xcalloc(n + 1, sizeof(*sorted));
	int rc = 0;

	memcpy(sorted, c->main.params.items, n * sizeof(*sorted));
	if (!pfconf_table_get(&c->main.params, "config_directory"))
		sorted[n++] = c->fixed.items[0];
	qsort(sorted, n, sizeof(*sorted), by_name);
	for (i = 0; i < n && rc == 0; i++) {
		char *v = pfconf_get(c, NULL, sorted[i].name, why);

		if (v == NULL) {
			rc = -1;
			break;
		}
		print_nameval(fp, "", sorted[i].name, v);
		free(v);
	}
	free(sorted);
	return rc;
}

static void
print_service(const struct pfconf_service *s, int what, FILE *fp)
{
	static const char *const fields[] = {
	    "service", "type",   "private",       "unprivileged",
	    "chroot",  "wakeup", "process_limit", "command"};
	char *args = pfconf_service_args_text(s);
	size_t i;

	if (what == 'M') {
		for (i = 0; i < PF_NFIELDS; i++)
			fprintf(fp, "%s%s", i ? " " : "", s->field[i]);
		fprintf(fp, "%s%s\n", *args ? " " : "", args);
	} else if (what == 'F') {
		for (i = 0; i < PF_NFIELDS; i++)
			fprintf(fp, "%s/%s/%s = %s%s%s\n", s->field[PF_SERVICE],
			        s->field[PF_TYPE], fields[i], s->field[i],
			        i == PF_COMMAND && *args ? " " : "",
			        i == PF_COMMAND ? args : "");
	} else {
		char *prefix = xasprintf("%s/%s/", s->field[PF_SERVICE],
		                         s->field[PF_TYPE]);

		for (i = 0; i < s->overrides.count; i++)
			print_nameval(fp, prefix, s->overrides.items[i].name,
			              s->overrides.items[i].value);
		free(prefix);
	}
	free(args);
}

int
pfconf_print(const struct pfconf *c, int what, FILE *fp, struct why *why)
{
	size_t i;

	if (what == 'n')
		return print_main(c, fp, why);
	if (what != 'M' && what != 'F' && what != 'P')
		return why_set(why, "--print takes n, M, F or P");
	for (i = 0; i < c->master.count; i++)
		print_service(&c->master.items[i], what, fp);
	return 0;
}
