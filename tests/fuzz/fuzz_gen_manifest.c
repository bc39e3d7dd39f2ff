/*
 * fuzz_gen_manifest - libFuzzer target for lib/manifest.c.
 *
 * pfsel-gen uninstall and pfsel-label read manifests back from disk, so
 * the parser must survive any bytes (intent files too, read back after
 * a crash).  Whatever it accepts must also save and load back to the
 * same records (the writer's promise).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "manifest.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *
scratch_path(const char *what)
{
	const char *dir = getenv("TMPDIR");

	return xasprintf("%s/fuzz_gen_manifest.%ld.%s", dir ? dir : "/tmp",
	                 (long)getpid(), what);
}

static int
same_ports(const struct manifest_port *a, const struct manifest_port *b)
{
	return strcmp(a->proto, b->proto) == 0 && a->low == b->low &&
	       a->high == b->high && strcmp(a->type, b->type) == 0 &&
	       (a->old_type == NULL) == (b->old_type == NULL) &&
	       (a->old_type == NULL || strcmp(a->old_type, b->old_type) == 0);
}

static int
same_type(const char *a, const char *b)
{
	return (a == NULL) == (b == NULL) && (a == NULL || strcmp(a, b) == 0);
}

static int
same_intent(const struct manifest_intent *a, const struct manifest_intent *b)
{
	size_t i;

	if ((a == NULL) != (b == NULL))
		return 0;
	if (a == NULL)
		return 1;
	if (a->uninstall != b->uninstall || a->nkeys != b->nkeys ||
	    strcmp(a->module_before, b->module_before) != 0 ||
	    strcmp(a->module_after, b->module_after) != 0)
		return 0;
	for (i = 0; i < a->nkeys; i++)
		if (strcmp(a->keys[i].proto, b->keys[i].proto) != 0 ||
		    a->keys[i].low != b->keys[i].low ||
		    a->keys[i].high != b->keys[i].high ||
		    !same_type(a->keys[i].before, b->keys[i].before) ||
		    !same_type(a->keys[i].after, b->keys[i].after))
			return 0;
	return 1;
}

static void
check_round_trip(const struct manifest *m, const char *path)
{
	struct manifest back;
	struct why why;
	size_t i;

	if (manifest_save(path, m, &why) < 0)
		abort(); /* it loaded, so it must be savable */
	if (manifest_load(path, &back, &why) < 0)
		abort();
	if (strcmp(m->module, back.module) != 0 || m->nports != back.nports ||
	    m->ntrees != back.ntrees ||
	    (m->spec == NULL) != (back.spec == NULL) ||
	    (m->spec && strcmp(m->spec, back.spec) != 0) ||
	    !same_intent(m->intent, back.intent))
		abort();
	for (i = 0; i < m->nports; i++)
		if (!same_ports(&m->ports[i], &back.ports[i]))
			abort();
	for (i = 0; i < m->ntrees; i++)
		if (strcmp(m->trees[i], back.trees[i]) != 0)
			abort();
	manifest_free(&back);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *in, *out;
	struct manifest m;
	struct why why;
	FILE *fp;

	if (in == NULL) {
		in = scratch_path("in");
		out = scratch_path("out");
	}
	if ((fp = fopen(in, "w")) == NULL)
		abort();
	fwrite(data, 1, size, fp);
	fclose(fp);
	if (manifest_load(in, &m, &why) == 0) {
		check_round_trip(&m, out);
		manifest_free(&m);
	}
	unlink(in);
	unlink(out);
	return 0;
}
