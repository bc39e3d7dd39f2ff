/*
 * scan_services - master.cf services that are not stock Postfix: site
 * daemons (an unknown command, or a command outside daemon_directory)
 * become [daemon] sections; spawn(8) and pipe(8) services are judged by
 * the program their argv= runs.  Called by scan_run.c.
 */
#include <stdlib.h>
#include <string.h>

#include "policy_file.h"
#include "scan_ctx.h"
#include "xalloc.h"

/* The value of the first "key=" argument, or NULL. */
static const char *
arg_value(const struct pfconf_service *s, const char *key)
{
	size_t i, n = strlen(key);

	for (i = 0; i < s->nargs; i++)
		if (strncmp(s->args[i], key, n) == 0)
			return s->args[i] + n;
	return NULL;
}

/*
 * The word right after the -o options when it is not name=value:
 * master.cf's -o takes one word, so "-o smtpd_milters=a b" sets "a" and
 * hands "b" to the daemon, which stops ("unexpected command-line
 * argument"); pipe(8) and spawn(8) take only name=value there.
 */
static const char *
stray_override_word(const struct pfconf_service *s, const char **opt)
{
	size_t i;

	*opt = NULL;
	for (i = 0; i < s->nargs; i++) {
		const char *a = s->args[i];

		if (strcmp(a, "-o") == 0 && i + 1 < s->nargs)
			*opt = s->args[++i];
		else if (strncmp(a, "-o", 2) == 0)
			*opt = a + 2;
		else if (a[0] == '-')
			*opt = NULL;
		else
			return *opt && strchr(a, '=') == NULL ? a : NULL;
	}
	return NULL;
}

/* The word after the argv= program (spawn(8)'s first argument), or
 * NULL. */
static const char *
argv_first_arg(const struct pfconf_service *s)
{
	size_t i;

	for (i = 0; i + 1 < s->nargs; i++)
		if (strncmp(s->args[i], "argv=", 5) == 0)
			return s->args[i + 1];
	return NULL;
}

/*
 * A command = policy/label-guard keeps from every spec (an interpreter,
 * a shell, Postfix's own program): emit would refuse the section, so it
 * is written commented out with what to do instead.  A domain is
 * entered through the file the kernel executes: a script run by its
 * interpreter can have one only when it is run itself, by its #! line.
 */
static void
refuse_shared_program(struct scan_section *sec, const char *path,
                      const char *script)
{
	const char *base = strrchr(path, '/') + 1;

	if (!policy_file_has("label-guard", "program", base))
		return;
	sec->disabled = 1;
	scan_comment(sec,
	             "%s is shared by every domain and never gets one "
	             "(policy/label-guard)",
	             path);
	if (script != NULL && script[0] == '/')
		scan_comment(sec,
		             "run %s itself (executable, with its #! line) as "
		             "argv=, then set command = to it",
		             script);
}

/* A site daemon: [daemon NAME] with its command; script is spawn(8)'s
 * first argument (NULL for other services). */
static void
add_daemon(struct scan_ctx *sc, const struct pfconf_service *s,
           const char *name, const char *path, const char *script,
           const char *why_daemon)
{
	char *where = scan_service_where(sc, s),
	     *type = scan_file_type(sc, path);
	char *dom = scan_domain_of(sc, type);
	struct scan_section *sec;
	int created;

	if (dom) {
		scan_info(sc->model,
		          "%s: %s is labelled %s, so it runs in %s already",
		          where, path, type, dom);
		goto out;
	}
	sec = scan_section(sc->model, SCAN_DAEMON, name, path, &created);
	scan_comment(sec, "from %s", where);
	scan_comment(sec, "%s (the policy labels %s %s)", why_daemon, path,
	             *type ? type : "nothing");
	if (created) {
		scan_set(sec, "command", "%s", path);
		refuse_shared_program(sec, path, script);
	}
out:
	free(dom);
	free(type);
	free(where);
}

/* spawn(8) and pipe(8): what their argv= program is. */
static void
helper_program(struct scan_ctx *sc, const struct pfconf_service *s,
               const char *daemon)
{
	const char *prog = arg_value(s, "argv="), *user = arg_value(s, "user=");
	char *where = scan_service_where(sc, s), *type, *dom;

	if (prog == NULL || prog[0] != '/') {
		scan_note(sc->model,
		          "%s: %s(8) program \"%s\" is not an absolute path",
		          where, daemon, prog ? prog : "");
		free(where);
		return;
	}
	type = scan_file_type(sc, prog);
	dom = scan_domain_of(sc, type);
	if (dom && strcmp(daemon, "pipe") == 0)
		scan_info(sc->model,
		          "%s: pipe(8) runs %s as %s; labelled %s (%s)", where,
		          prog, user ? user : "?", type, dom);
	else if (dom)
		scan_info(sc->model,
		          "%s: spawn(8) runs %s; labelled %s, it runs in %s",
		          where, prog, type, dom);
	else if (strcmp(daemon, "spawn") == 0)
		add_daemon(sc, s, s->field[PF_SERVICE], prog, argv_first_arg(s),
		           "spawn(8) runs its argv= program for master(8)");
	else
		scan_note(sc->model,
		          "%s: pipe(8) runs %s as %s (labelled %s) inside "
		          "%s; the spec has no section for pipe(8) "
		          "programs",
		          where, prog, user ? user : "?",
		          *type ? type : "nothing",
		          policy_daemon_domain("pipe"));
	free(dom);
	free(type);
	free(where);
}

int
scan_services(struct scan_ctx *sc, struct why *why)
{
	size_t i;

	for (i = 0; i < sc->conf->master.count; i++) {
		const struct pfconf_service *s = &sc->conf->master.items[i];
		const char *cmd = s->field[PF_COMMAND];
		const char *daemon = scan_daemon_name(s);
		const char *opt, *stray = stray_override_word(s, &opt);
		char *path, *dir;
		int outside;

		if (stray)
			return why_at(why, sc->conf->master_file, s->line,
			              "\"%.60s\" after \"-o %.60s\" is not "
			              "part of it: -o takes one word, so %s(8) "
			              "gets \"%.60s\" as an argument and stops "
			              "(\"unexpected command-line argument\"); "
			              "write -o { name = value with blanks }",
			              stray, opt, daemon, stray);

		path = cmd[0] == '/' ? xstrdup(cmd)
		                     : xasprintf("%s/%s", sc->daemon_dir, cmd);
		dir = xstrndup(path, (size_t)(strrchr(path, '/') - path));
		outside = strcmp(dir, sc->daemon_dir) != 0;
		if (!outside && (strcmp(daemon, "spawn") == 0 ||
		                 strcmp(daemon, "pipe") == 0))
			helper_program(sc, s, daemon);
		else if (outside)
			add_daemon(sc, s, daemon, path, NULL,
			           "its command lies outside daemon_directory");
		else if (!scan_is_stock_daemon(daemon))
			add_daemon(sc, s, daemon, path, NULL,
			           "not a stock Postfix daemon");
		free(dir);
		free(path);
	}
	return 0;
}
