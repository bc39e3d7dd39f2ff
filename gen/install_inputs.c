/*
 * install_inputs - digest a module's inputs; see install_inputs.h.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "datadir.h"
#include "install_inputs.h"
#include "read_file.h"
#include "selroot.h"
#include "xalloc.h"

/* The file's name and bytes, each preceded by its length, so that no two
 * different lists of files hash alike. */
static int
add_file(struct sha256 *s, const char *label, const char *path, struct why *why)
{
	char head[64];
	size_t len;
	char *text;

	if (read_file(path, &text, &len, why) < 0)
		return -1;
	snprintf(head, sizeof(head), "%zu:", strlen(label));
	sha256_update(s, head, strlen(head));
	sha256_update(s, label, strlen(label));
	snprintf(head, sizeof(head), "%zu:", len);
	sha256_update(s, head, strlen(head));
	sha256_update(s, text, len);
	free(text);
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file under dir (rel names it for the digest), in name
 * order; links and other kinds are skipped (pfsel ships none). */
static int
add_tree(struct sha256 *s, const char *dir, const char *rel, struct why *why)
{
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;
	int rc = 0;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return why_errno(why, "cannot read %s", dir);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		char *label = xasprintf("%s/%s", rel, names[i]);
		struct stat st;

		if (rc == 0 && lstat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				rc = add_tree(s, path, label, why);
			else if (S_ISREG(st.st_mode))
				rc = add_file(s, label, path, why);
		}
		free(path);
		free(label);
		free(names[i]);
	}
	free(names);
	return rc;
}

int
install_inputs_digest(const struct spec *spec, char out[SHA256_TEXT_LEN + 1],
                      struct why *why)
{
	char *policy = xasprintf("%s/policy", pfsel_datadir());
	struct sha256 s;
	int rc;

	sha256_init(&s);
	rc = add_file(&s, "spec", spec->file, why);
	if (rc == 0)
		rc = add_file(&s, "pfsel-gen", "/proc/self/exe", why);
	if (rc == 0)
		rc = add_tree(&s, policy, "policy", why);
	free(policy);
	if (rc == 0)
		sha256_final_text(&s, out);
	return rc;
}
