/*
 * module_facts - count a module's rules and list its file contexts; see
 * module_facts.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sepol/module.h>
#include <sepol/module_to_cil.h>

#include "module_facts.h"
#include "msg.h"
#include "xalloc.h"

/* The CIL statements that are access or type rules. */
static int
is_rule(const char *s)
{
	static const char *const heads[] = {
	    "(allow ",          "(allowx ",     "(auditallow ",
	    "(dontaudit ",      "(dontauditx ", "(neverallow ",
	    "(typetransition ", "(typechange ", "(typemember ",
	};
	size_t i;

	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		if (strncmp(s, heads[i], strlen(heads[i])) == 0)
			return 1;
	return 0;
}

static int
by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
module_facts_from_cil(const char *cil, struct module_facts *f)
{
	const char *p = cil;

	memset(f, 0, sizeof(*f));
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		while (n > 0 && (*p == ' ' || *p == '\t')) {
			p++;
			n--;
		}
		if (strncmp(p, "(filecon ", 9) == 0) {
			f->fc =
			    xreallocarray(f->fc, f->nfc + 1, sizeof(*f->fc));
			f->fc[f->nfc++] = xstrndup(p, n);
		} else if (is_rule(p)) {
			f->nrules++;
		}
		p += n;
		if (*p == '\n')
			p++;
	}
	if (f->nfc > 1)
		qsort(f->fc, f->nfc, sizeof(*f->fc), by_text);
}

int
module_facts_from_pp(const char *pp_path, struct module_facts *f,
                     struct why *why)
{
	struct sepol_module_package *pkg = NULL;
	char *cil = NULL;
	size_t len = 0;
	FILE *in, *out;
	int rc = -1;

	memset(f, 0, sizeof(*f));
	if ((in = fopen(pp_path, "re")) == NULL)
		return why_errno(why, "cannot open %s", pp_path);
	if ((out = open_memstream(&cil, &len)) == NULL)
		fatal("open_memstream");
	if (sepol_ppfile_to_module_package(in, &pkg) == 0 &&
	    sepol_module_package_to_cil(out, pkg) == 0)
		rc = 0;
	fclose(in);
	fclose(out);
	if (pkg)
		sepol_module_package_free(pkg);
	if (rc == 0)
		module_facts_from_cil(cil, f);
	else
		why_set(why, "%s: cannot read the module package", pp_path);
	free(cil);
	return rc;
}

void
module_facts_free(struct module_facts *f)
{
	size_t i;

	for (i = 0; i < f->nfc; i++)
		free(f->fc[i]);
	free(f->fc);
	memset(f, 0, sizeof(*f));
}

int
module_facts_has_fc(const struct module_facts *f, const char *s)
{
	return f->nfc > 0 &&
	       bsearch(&s, f->fc, f->nfc, sizeof(*f->fc), by_text) != NULL;
}
