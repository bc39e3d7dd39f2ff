/*
 * scan_dirs - directories and files Postfix was moved to: a non-default
 * queue_directory ([queue]), postmulti instances ([instance]), a
 * maillog_file ([log]) and virtual_mailbox_base ([virtual]).
 * Called by scan_run.c.
 */
#include <stdlib.h>
#include <string.h>

#include "scan_ctx.h"
#include "spec_check.h"
#include "xalloc.h"

/*
 * A path main.cf gives that the spec cannot carry (spec_check_path: a
 * character pfsel never writes into policy text) becomes a note, never a
 * spec line the emitter would refuse or, worse, act on.
 */
static int
spec_can_carry(struct scan_ctx *sc, const char *where, const char *path)
{
	struct why why;

	if (spec_check_path(path, &why) == 0)
		return 1;
	scan_note(sc->model, "%s: %s", where, why.text);
	return 0;
}

/* The default of name, expanded in the main instance's context. */
static char *
default_of(struct scan_ctx *sc, const char *name, struct why *why)
{
	const struct pfconf_param *p =
	    pfconf_table_get(&sc->conf->defaults, name);
	struct pfconf_scope scope = {{&sc->conf->defaults}, 1};

	return p ? pfconf_expand(&scope, p->value, why) : xstrdup("");
}

static int
queue(struct scan_ctx *sc, struct why *why)
{
	char *def = default_of(sc, "queue_directory", why), *where;
	struct scan_section *s;
	int created;

	if (def == NULL)
		return -1;
	where = scan_where(sc, NULL, "queue_directory");
	if (strcmp(def, sc->queue_dir) != 0 &&
	    spec_can_carry(sc, where, sc->queue_dir)) {
		s = scan_section(sc->model, SCAN_QUEUE, "queue", NULL,
		                 &created);
		scan_comment(s, "from %s (the default is %s)", where, def);
		scan_set(s, "directory", "%s", sc->queue_dir);
	}
	free(where);
	free(def);
	return 0;
}

static void
instance(struct scan_ctx *sc, const char *dir, const char *where)
{
	struct pfconf inst;
	struct why why;
	char *qd = NULL, *dd = NULL, *name = NULL;
	struct scan_section *s;
	int created;

	if (pfconf_load(&inst, dir, PFCONF_DEFAULTS_BUILTIN,
	                &sc->conf->defaults, &why) < 0) {
		scan_note(sc->model, "%s: instance %s: %s", where, dir,
		          why.text);
		pfconf_free(&inst);
		return;
	}
	if ((qd = pfconf_get(&inst, NULL, "queue_directory", &why)) == NULL ||
	    (dd = pfconf_get(&inst, NULL, "data_directory", &why)) == NULL ||
	    (name = pfconf_get(&inst, NULL, "multi_instance_name", &why)) ==
	        NULL) {
		scan_note(sc->model, "%s: instance %s: %s", where, dir,
		          why.text);
		goto out;
	}
	if (!spec_can_carry(sc, where, dir) || !spec_can_carry(sc, where, qd) ||
	    !spec_can_carry(sc, where, dd))
		goto out;
	if (*name == 0) {
		const char *slash = strrchr(dir, '/');

		free(name);
		name = xstrdup(slash ? slash + 1 : dir);
	}
	s = scan_section(sc->model, SCAN_INSTANCE, name, dir, &created);
	scan_comment(s, "from %s", where);
	scan_comment(s, "%s/main.cf: queue_directory = %s, data_directory = %s",
	             dir, qd, dd);
	scan_set(s, "config_directory", "%s", dir);
	scan_set(s, "queue_directory", "%s", qd);
	scan_set(s, "data_directory", "%s", dd);
	scan_instance(sc, &inst);
out:
	free(qd);
	free(dd);
	free(name);
	pfconf_free(&inst);
}

static int
instances(struct scan_ctx *sc, struct why *why)
{
	char *dirs = scan_param(sc, NULL, "multi_instance_directories", why);
	char *where, *save = NULL, *d;

	if (dirs == NULL)
		return -1;
	where = scan_where(sc, NULL, "multi_instance_directories");
	for (d = strtok_r(dirs, " \t\r\n,", &save); d;
	     d = strtok_r(NULL, " \t\r\n,", &save))
		instance(sc, d, where);
	free(where);
	free(dirs);
	return 0;
}

static int
maillog(struct scan_ctx *sc, struct why *why)
{
	char *file = scan_param(sc, NULL, "maillog_file", why), *svc, *where;
	const struct pfconf_service *pl;
	struct scan_section *s;
	int created;

	if (file == NULL)
		return -1;
	if (*file == 0) {
		free(file);
		return 0;
	}
	if ((svc = scan_param(sc, NULL, "postlog_service_name", why)) == NULL) {
		free(file);
		return -1;
	}
	where = scan_where(sc, NULL, "maillog_file");
	pl = pfconf_master_find(&sc->conf->master, svc, "unix-dgram");
	if (strncmp(file, "/dev/", 5) == 0) {
		scan_note(sc->model,
		          "%s: logging to %s (a container's stdout, a "
		          "terminal) writes to an inherited descriptor; there "
		          "is no file to label",
		          where, file);
	} else if (file[0] != '/') {
		scan_note(sc->model, "%s: not an absolute path", where);
	} else if (spec_can_carry(sc, where, file)) {
		s = scan_section(sc->model, SCAN_LOG, "log", NULL, &created);
		scan_comment(s, "from %s", where);
		scan_set(s, "maillog_file", "%s", file);
		if (pl && strcmp(scan_daemon_name(pl), "postlogd") == 0) {
			scan_comment(s, "written by postlogd: master.cf:%d",
			             pl->line);
			scan_set(s, "writer", "postlogd");
		} else {
			scan_comment(s,
			             "no %s unix-dgram postlogd service in "
			             "master.cf: master writes it",
			             svc);
			scan_set(s, "writer", "master");
		}
	}
	free(where);
	free(svc);
	free(file);
	return 0;
}

/* [virtual] only when virtual(8) delivers: another agent owns the tree. */
static int
virtual_base(struct scan_ctx *sc, struct why *why)
{
	char *base = scan_param(sc, NULL, "virtual_mailbox_base", why);
	char *vt = base ? scan_param(sc, NULL, "virtual_transport", why) : NULL;
	const struct pfconf_service *t;
	struct scan_section *s;
	char *where, *name;
	int created;

	if (vt == NULL) {
		free(base);
		return -1;
	}
	if (*base) {
		where = scan_where(sc, NULL, "virtual_mailbox_base");
		name = xstrndup(vt, strcspn(vt, ":"));
		t = pfconf_master_find(&sc->conf->master, name, "unix");
		if (base[0] != '/') {
			scan_note(sc->model, "%s: not an absolute path", where);
		} else if (t == NULL ||
		           strcmp(scan_daemon_name(t), "virtual") != 0) {
			scan_info(sc->model,
			          "%s: virtual_transport = %s does not run "
			          "virtual(8), so its delivery agent owns the "
			          "mailboxes",
			          where, vt);
		} else if (spec_can_carry(sc, where, base)) {
			s = scan_section(sc->model, SCAN_VIRTUAL, "virtual",
			                 NULL, &created);
			scan_comment(s, "from %s", where);
			scan_comment(
			    s, "virtual_transport = %s runs virtual(8)", vt);
			scan_set(s, "mailbox_base", "%s", base);
		}
		free(name);
		free(where);
	}
	free(base);
	free(vt);
	return 0;
}

int
scan_dirs(struct scan_ctx *sc, struct why *why)
{
	char *dd, *def;
	int rc = 0;

	if (queue(sc, why) < 0 || instances(sc, why) < 0 ||
	    maillog(sc, why) < 0 || virtual_base(sc, why) < 0)
		return -1;
	dd = scan_param(sc, NULL, "data_directory", why);
	def = dd ? default_of(sc, "data_directory", why) : NULL;
	if (def == NULL)
		rc = -1;
	else if (strcmp(dd, def) != 0) {
		char *where = scan_where(sc, NULL, "data_directory");

		scan_note(sc->model,
		          "%s: the main instance's data_directory moved; "
		          "[queue] carries only the queue directory",
		          where);
		free(where);
	}
	free(dd);
	free(def);
	return rc;
}
