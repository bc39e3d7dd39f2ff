/*
 * spec_trees - the directory trees a spec's module labels.
 *
 * pfsel-label relabels these after an install (--spec, and the manifest's
 * "tree" lines), so the list must cover every path the module's .fc
 * names: a file's own path, a directory's whole tree, and for the log
 * file its directory (rotated copies live beside it).  Nested trees are
 * dropped: relabeling the outer one covers them.
 */
#include <stdlib.h>
#include <string.h>

#include "spec.h"
#include "xalloc.h"

struct tree_list {
	char **paths;
	size_t count;
};

static void
add(struct tree_list *t, const char *path)
{
	if (path == NULL)
		return;
	t->paths = xreallocarray(t->paths, t->count + 1, sizeof(*t->paths));
	t->paths[t->count++] = xstrdup(path);
}

static void
add_dirname(struct tree_list *t, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash && slash != path) {
		char *dir = xstrndup(path, (size_t)(slash - path));

		add(t, dir);
		free(dir);
	}
}

/* a is b or lies inside b */
static int
inside(const char *a, const char *b)
{
	size_t n = strlen(b);

	return strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '/');
}

static int
by_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
drop_nested(struct tree_list *t)
{
	size_t i, kept = 0;

	if (t->count == 0)
		return; /* qsort's base may not be NULL, even for nothing */
	qsort(t->paths, t->count, sizeof(*t->paths), by_path);
	for (i = 0; i < t->count; i++) {
		if (kept > 0 && inside(t->paths[i], t->paths[kept - 1])) {
			free(t->paths[i]);
			continue;
		}
		t->paths[kept++] = t->paths[i];
	}
	t->count = kept;
}

char **
spec_trees(const struct spec *s, size_t *count)
{
	struct tree_list t = {NULL, 0};
	size_t i, j;

	for (i = 0; i < s->ndaemons; i++) {
		const struct spec_daemon *d = &s->daemons[i];

		add(&t, d->command.path);
		add(&t, d->log.path);
		add(&t, d->data.path);
		add(&t, d->runtime.path);
		for (j = 0; j < d->reads.count; j++)
			add(&t, d->reads.items[j].path);
	}
	for (i = 0; i < s->nsockets; i++) {
		const struct spec_socket *k = &s->sockets[i];

		add(&t, k->command.path);
		add(&t, k->keys.path);
		if (k->endpoint.kind == ENDPOINT_UNIX)
			add_dirname(&t, k->endpoint.path);
	}
	for (i = 0; i < s->ninstances; i++) {
		add(&t, s->instances[i].config_directory.path);
		add(&t, s->instances[i].queue_directory.path);
		add(&t, s->instances[i].data_directory.path);
	}
	if (s->log)
		add_dirname(&t, s->log->maillog_file.path);
	if (s->virtual_)
		add(&t, s->virtual_->mailbox_base.path);
	drop_nested(&t);
	*count = t.count;
	return t.paths;
}
