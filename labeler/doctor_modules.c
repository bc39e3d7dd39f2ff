/*
 * doctor_modules - the pfsel modules installed: every manifest in
 * ROOT/var/lib/pfsel (lib/manifest.h) whose module the policy store
 * holds, and a finding for each whose module is gone (removed with
 * semodule behind pfsel-gen's back: its labels and rules are lost, its
 * port records may remain).  Called by cmd_doctor.c before the checks
 * that need to know pfsel's domains (doctor_mail_domain).
 *
 * "pfsel-gen verify" compares a module with its spec in depth; doctor
 * only lists modules and names the missing ones.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doctor.h"
#include "manifest.h"
#include "statedir.h"
#include "xalloc.h"

/* The store holds module name at some priority: active/modules/N/name. */
static int
in_store(const struct doctor *d, const char *name)
{
	char *dir = xasprintf("%s/active/modules", d->sr.store_dir);
	DIR *dp = opendir(dir);
	struct dirent *e;
	int found = 0;

	while (dp != NULL && !found && (e = readdir(dp)) != NULL) {
		char *p;
		struct stat st;

		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		p = xasprintf("%s/%s/%s", dir, e->d_name, name);
		found = lstat(p, &st) == 0 && S_ISDIR(st.st_mode);
		free(p);
	}
	if (dp != NULL)
		closedir(dp);
	free(dir);
	return found;
}

static void
one_module(struct doctor *d, const struct statedir *sd, const char *name)
{
	struct manifest m;
	struct why why;
	struct doctor_finding *f;
	char *file = xasprintf("%s%s", name, MANIFEST_SUFFIX);
	int rc = manifest_load_at(sd, file, 0, &m, &why);

	free(file);
	if (rc <= 0) {
		f = doctor_finding(d, DOCTOR_PART, DOCTOR_WARNING, "module",
		                   "the manifest of pfsel module %s cannot be "
		                   "read",
		                   name);
		doctor_evidence(f, "%s", rc < 0 ? why.text : "absent");
		doctor_fix_note(f, "pfsel-gen install SPEC writes it again");
		return;
	}
	if (in_store(d, name)) {
		doctor_fact(d, DOCTOR_PART, "pfsel module", "%s (spec %s)",
		            name, m.spec ? m.spec : "?");
	} else {
		const char *fix[] = {"pfsel-gen", "install", m.spec, NULL};
		char *root_fix[] = {"pfsel-gen", "install",       m.spec,
		                    "--root",    (char *)d->root, NULL};

		f = doctor_finding(d, DOCTOR_PART, DOCTOR_ERROR, "module",
		                   "pfsel module %s is missing from the policy "
		                   "store: its labels and rules are gone",
		                   name);
		doctor_evidence(
		    f, "%s/%s.manifest exists; %s/active/modules/*/%s does not",
		    sd->path, name, d->sr.store_dir, name);
		if (m.spec == NULL)
			doctor_fix_note(f, "pfsel-gen install SPEC with the "
			                   "spec that made it");
		else
			doctor_fix(f, d->root ? (const char *const *)root_fix
			                      : fix);
	}
	manifest_free(&m);
}

void
doctor_modules(struct doctor *d)
{
	struct statedir sd;
	struct why why;
	char **names = NULL;
	size_t n = 0, i;
	int rc = statedir_open(&sd, d->root, 0, &why);

	if (rc < 0) {
		doctor_fact(d, DOCTOR_PART, "pfsel modules", "not checked: %s",
		            why.text);
		return;
	}
	if (rc == 0 ||
	    statedir_list(&sd, MANIFEST_SUFFIX, &names, &n, &why) < 0 ||
	    n == 0) {
		doctor_fact(d, DOCTOR_PART, "pfsel modules", "none installed");
		if (rc > 0)
			statedir_close(&sd);
		free(names);
		return;
	}
	for (i = 0; i < n; i++)
		one_module(d, &sd, names[i]);
	d->modules = names;
	d->nmodules = n;
	statedir_close(&sd);
}
