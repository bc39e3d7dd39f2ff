/*
 * doctor_booleans - the booleans that change what mail software may do
 * (policy/mail-booleans), one line each: value and what it allows.
 * Called by cmd_doctor.c.  Facts, not findings: which value is right
 * depends on the site; a denial a boolean would allow is named by the
 * denials section with its setsebool command.
 *
 * Values are the kernel's when SELinux runs (security_get_boolean_active),
 * else the policy file's (a root's, or the host's when disabled).
 */
#include <selinux/selinux.h>
#include <stdlib.h>
#include <string.h>

#include "doctor.h"
#include "policy_file.h"
#include "xalloc.h"

void
doctor_booleans(struct doctor *d)
{
	struct why why;
	char *list = policy_file_read("mail-booleans", &why);
	char *line, *save = NULL;
	int shown = 0;

	if (list == NULL) {
		doctor_fact(d, DOCTOR_PART, "mail booleans", "not checked: %s",
		            why.text);
		return;
	}
	for (line = strtok_r(list, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		size_t nl = strcspn(line, " \t");
		char *name;
		const char *what = line + nl;
		int value = -1;

		if (line[0] == '#' || nl == 0)
			continue;
		what += strspn(what, " \t");
		name = xstrndup(line, nl);
		if (d->live && d->mode >= 0)
			value = security_get_boolean_active(name);
		else if (d->pol != NULL)
			value = rv_policy_boolean(d->pol, name);
		if (value >= 0) {
			doctor_fact(d, DOCTOR_PART, "boolean", "%s %s: %s",
			            name, value ? "on" : "off", what);
			shown++;
		}
		free(name);
	}
	if (shown == 0)
		doctor_fact(d, DOCTOR_PART, "mail booleans",
		            "the policy has none of them");
	free(list);
}
