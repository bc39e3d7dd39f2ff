/*
 * doctor_part - "Which part of SELinux?", the policy's side: are
 * dontaudit rules hiding denials, and is a mail domain permissive (its
 * denials logged but never enforced, so a fix tested there proves
 * nothing).  Called by cmd_doctor.c; asks the policy file through
 * review_policy.h.
 */
#include <stdlib.h>
#include <string.h>

#include "doctor.h"
#include "xalloc.h"

#define MAX_PERMISSIVE 512

static void
dontaudit(struct doctor *d)
{
	unsigned long n = rv_policy_dontaudit_rules(d->pol);

	if (n > 0) {
		doctor_fact(d, DOCTOR_PART, "dontaudit rules",
		            "%lu in effect: some denials are never logged; "
		            "when mail fails without a denial, "
		            "\"semodule -DB\" logs them (\"semodule -B\" "
		            "hides them again)",
		            n);
		return;
	}
	{
		struct doctor_finding *f = doctor_finding(
		    d, DOCTOR_PART, DOCTOR_WARNING, "dontaudit",
		    "the policy has no dontaudit rules (semodule -DB was "
		    "run): the log fills with denials that are normal");
		const char *fix[] = {"semodule", "-B", NULL};
		const char *rfix[] = {"semodule", "-p", d->root, "-B", NULL};

		doctor_evidence(f, "0 dontaudit rules in %s",
		                sepolicy_path(rv_policy_sepolicy(d->pol)));
		doctor_fix(f, d->root != NULL ? rfix : fix);
	}
}

static void
permissive(struct doctor *d)
{
	const char *names[MAX_PERMISSIVE];
	int n = rv_policy_permissive_types(d->pol, names, MAX_PERMISSIVE), i,
	    mail = 0;

	for (i = 0; i < n; i++) {
		struct doctor_finding *f;

		if (!doctor_mail_domain(d, names[i]))
			continue;
		mail++;
		f = doctor_finding(d, DOCTOR_PART, DOCTOR_ERROR, "permissive",
		                   "mail domain %s is permissive: its denials "
		                   "are logged, never enforced",
		                   names[i]);
		doctor_evidence(f, "%s is in the permissive map of %s",
		                names[i],
		                sepolicy_path(rv_policy_sepolicy(d->pol)));
		{
			/* semanage permissive -a names its module so. */
			char *module = xasprintf("permissive_%s", names[i]);
			const char *fix[] = {"semodule", "-r", module, NULL};
			const char *rfix[] = {"semodule", "-p",   d->root,
			                      "-r",       module, NULL};

			doctor_fix(f, d->root != NULL ? rfix : fix);
			free(module);
		}
		doctor_fix_note(f,
		                "when another module declares it: "
		                "semodule%s -l lists the modules, "
		                "semodule%s -r NAME removes one",
		                d->root ? " -p ROOT" : "",
		                d->root ? " -p ROOT" : "");
	}
	doctor_fact(d, DOCTOR_PART, "permissive domains",
	            "%d in the policy, %d of them mail domains", n, mail);
}

void
doctor_part(struct doctor *d)
{
	if (d->pol == NULL) {
		doctor_fact(d, DOCTOR_PART, "policy rules",
		            "not checked: no policy file could be read");
		return;
	}
	dontaudit(d);
	permissive(d);
}
