/*
 * review_recipe - denials that a pfsel spec section fixes; see
 * review_recipe.h.  Called by review_diag.c.
 *
 * Each recipe is a small function: a test on the group (domain, target
 * type, class, permissions, example paths/executables) and the section
 * it writes.  Names derived from paths are made into spec identifiers
 * ([a-z][a-z0-9_]*, at most 32 characters).
 *
 * Every other value comes from the log, which anyone who can write to
 * it (or hand it to an admin) controls: a hex-encoded path may decode
 * to newlines and section headers.  A value is written only when it
 * passes the check the spec parser applies to its key (spec_check.h);
 * else the line becomes a "; FILL IN:" comment naming the value escaped
 * (quote.h) and cut short, so the output never holds a line the log
 * made up, and pfsel-gen refuses the section until the admin fills it.
 */
#include "review_recipe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_file.h"
#include "quote.h"
#include "spec.h"
#include "spec_check.h"
#include "strbuf.h"
#include "xalloc.h"

/* Log values in FILL IN comments are cut: one line, any reader. */
#define SHOWN_MAX 72

typedef int (*value_check)(const char *, struct why *);

static int
check_name(const char *s, struct why *why)
{
	return spec_check_identifier(s, SPEC_NAME_MAX, why);
}

/*
 * "key = prefixVALUE" when value passes check, else a FILL IN comment
 * saying which value of the log was refused and why, escaped.
 */
static void
spec_line(struct strbuf *sb, const char *key, const char *prefix,
          const char *value, value_check check)
{
	struct why why;

	if (check(value, &why) == 0) {
		strbuf_addf(sb, "%s = %s%s\n", key, prefix, value);
		return;
	}
	strbuf_addf(sb, "; FILL IN: %s = ... (the log's ", key);
	quote_text_max(sb, value, SHOWN_MAX);
	strbuf_adds(sb, " is refused: ");
	quote_text_max(sb, why.text, SHOWN_MAX);
	strbuf_adds(sb, ")\n");
}

/* A log value inside a comment of ours: escaped, cut, quoted. */
static void
spec_shown(struct strbuf *sb, const char *value)
{
	strbuf_addc(sb, '"');
	quote_text_max(sb, value, SHOWN_MAX);
	strbuf_addc(sb, '"');
}

static int
is(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

/*
 * The prefix of Postfix's domains, postfix_NAME_t: the naming rule of
 * refpolicy's Postfix domain templates (and of a spec's [daemon NAME]),
 * which recipe_socket() reads the daemon's name from, so not a map's.
 */
#define POSTFIX_DOMAIN_PREFIX "postfix_"

static int
is_postfix_domain(const char *type)
{
	return strncmp(type, POSTFIX_DOMAIN_PREFIX,
	               strlen(POSTFIX_DOMAIN_PREFIX)) == 0;
}

static const char *
abs_path(const struct rv_group *g)
{
	int i;

	for (i = 0; i < g->paths.n; i++)
		if (g->paths.v[i][0] == '/' &&
		    strstr(g->paths.v[i], "/../") == NULL)
			return g->paths.v[i];
	return NULL;
}

/* A spec identifier from a file name: "opendkim.sock" -> "opendkim". */
static void
ident(const char *path, char *out, size_t cap)
{
	const char *b = strrchr(path, '/');
	size_t o = 0;

	b = b ? b + 1 : path;
	if (!(*b >= 'a' && *b <= 'z') && !(*b >= 'A' && *b <= 'Z'))
		out[o++] = 'x';
	for (; *b != '\0' && *b != '.' && o + 1 < cap && o < 28; b++) {
		char c = *b;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			c = '_';
		out[o++] = c;
	}
	if (o == 0)
		out[o++] = 'x';
	out[o] = '\0';
}

static const char *
finish(struct rv_table *t, struct strbuf *sb)
{
	const char *s = rv_intern(t, sb->data, sb->len);

	strbuf_free(sb);
	return s;
}

/* master (or postlogd run by it) writing a log the policy calls var_log_t. */
static const char *
recipe_log(struct rv_table *t, const struct rv_group *g)
{
	struct strbuf sb = STRBUF_INIT;
	/* A denial on the log directory names the file in its CREATE path. */
	const char *path = is(g->tclass, "dir") && g->created.n > 0
	                       ? g->created.v[0]
	                       : abs_path(g);
	int i, postlog = 0;

	/* maillog_file may be anywhere (/srv/logs/maillog): the file's
	 * type says it is a log.  The master's domain writes the log
	 * itself or runs postlogd(8) in it. */
	if (!is(g->stype, policy_daemon_domain("master")) ||
	    !policy_file_has("type-roles", "log", g->ttype) ||
	    (!is(g->tclass, "file") && !is(g->tclass, "dir")) || path == NULL ||
	    path[0] != '/')
		return NULL;
	if (!rv_group_has_perm(g, "write") && !rv_group_has_perm(g, "append") &&
	    !rv_group_has_perm(g, "create") &&
	    !rv_group_has_perm(g, "add_name") && !rv_group_has_perm(g, "open"))
		return NULL;
	for (i = 0; i < g->comms.n; i++)
		postlog |= is(g->comms.v[i], "postlog");
	strbuf_adds(&sb, "[log]\n");
	spec_line(&sb, "maillog_file", "", path, spec_check_path);
	if (postlog)
		strbuf_adds(&sb, "writer = master\n");
	return finish(t, &sb);
}

static int
mail_type(const char *t)
{
	return policy_file_has("type-roles", "mail-tree", t);
}

/* virtual(8) delivering under a tree with a non-mail type. */
static const char *
recipe_virtual(struct rv_table *t, const struct rv_group *g)
{
	struct strbuf sb = STRBUF_INIT;
	const char *path = abs_path(g), *s;
	char *base;
	size_t n;

	/* virtual(8)'s domain, the one [virtual] is for */
	if (!is(g->stype, policy_daemon_domain("virtual")) ||
	    mail_type(g->ttype) ||
	    (!is(g->tclass, "file") && !is(g->tclass, "dir")))
		return NULL;
	if (path == NULL) {
		/* No PATH record (no audit rules loaded): only a name. */
		strbuf_adds(&sb,
		            "[virtual]\n; FILL IN: mailbox_base = the tree "
		            "holding ");
		spec_shown(&sb, g->paths.n > 0 ? g->paths.v[0] : "?");
		strbuf_adds(&sb, " (postconf -h virtual_mailbox_base)\n");
		return finish(t, &sb);
	}
	/* The mailbox base: the first two components (/srv/vmail). */
	s = strchr(path + 1, '/');
	s = s ? strchr(s + 1, '/') : NULL;
	n = s ? (size_t)(s - path) : strlen(path);
	base = xstrndup(path, n);
	strbuf_adds(&sb, "[virtual]\n");
	spec_line(&sb, "mailbox_base", "", base, spec_check_path);
	free(base);
	return finish(t, &sb);
}

/* A socket path or type that names a milter (policy/type-roles). */
static int
looks_milter(const char *s)
{
	return policy_file_has("type-roles", "milter-name", s);
}

void
rv_recipe_socket_name(const char *path, char *out, size_t cap)
{
	static const char *const suffixes[] = {".sock", ".socket", ".sk"};
	const char *b = strrchr(path, '/');
	size_t n, o = 0, i, m;

	b = b ? b + 1 : path;
	n = strlen(b);
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		m = strlen(suffixes[i]);
		if (n > m && strcmp(b + n - m, suffixes[i]) == 0) {
			n -= m;
			break;
		}
	}
	/* a name starts with a letter: ".s.pgsql.5432" is s_pgsql_5432 */
	while (n > 0 && !(*b >= 'a' && *b <= 'z') && !(*b >= 'A' && *b <= 'Z'))
		b++, n--;
	for (i = 0; i < n && o + 1 < cap && o < 24; i++) {
		char c = b[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			c = '_';
		if (c == '_' && (o == 0 || out[o - 1] == '_'))
			continue;
		out[o++] = c;
	}
	while (o > 0 && out[o - 1] == '_')
		o--;
	if (o == 0)
		o = (size_t)snprintf(out, cap, "socket");
	out[o] = '\0';
}

const char *
rv_recipe_socket_section(struct rv_table *t, const char *name,
                         const struct rv_socket_use *use,
                         const char *const *clients, size_t n)
{
	struct strbuf sb = STRBUF_INIT, list = STRBUF_INIT;
	struct why why;
	size_t i;

	strbuf_addf(&sb, "[%s %s]\n", use->milter ? "milter" : "socket", name);
	spec_line(&sb, "socket", "unix:", use->path, spec_check_path);
	if (use->server != NULL)
		spec_line(&sb, "server", "", use->server, spec_check_type);
	else
		strbuf_adds(
		    &sb, use->milter
		             ? "; FILL IN: server = DOMAIN of the milter, or "
		               "command = ITS PROGRAM\n"
		             : "; FILL IN: server = DOMAIN of the program "
		               "serving the socket\n");
	for (i = 0; i < n; i++) {
		if (check_name(clients[i], &why) < 0)
			break;
		strbuf_addf(&list, "%s%s", i ? " " : "", clients[i]);
	}
	if (i == n)
		strbuf_addf(&sb, "clients = %s\n", list.data);
	else
		spec_line(&sb, "clients", "", clients[i], check_name);
	strbuf_free(&list);
	return finish(t, &sb);
}

/*
 * A Postfix daemon reaching a socket another program serves: connectto
 * names the server's domain; a write on the socket file alone does not
 * (review_fix.c takes it from another group of the same socket).
 */
static const char *
recipe_socket(struct rv_table *t, const struct rv_group *g,
              struct rv_socket_use *use)
{
	const char *path = abs_path(g), *client;
	char name[40], daemon[40];
	int conn = is(g->tclass, "unix_stream_socket") &&
	           rv_group_has_perm(g, "connectto");

	if (!is_postfix_domain(g->stype) || path == NULL ||
	    (!conn &&
	     !(is(g->tclass, "sock_file") && rv_group_has_perm(g, "write"))))
		return NULL;
	client = g->stype + strlen(POSTFIX_DOMAIN_PREFIX);
	snprintf(daemon, sizeof(daemon), "%.*s", (int)(strlen(client) - 2),
	         client);
	rv_recipe_socket_name(path, name, sizeof(name));
	use->path = path;
	use->server = conn ? g->ttype : NULL;
	use->client = rv_intern(t, daemon, strlen(daemon));
	use->milter = looks_milter(path) || looks_milter(g->ttype) ||
	              is(daemon, "cleanup");
	return rv_recipe_socket_section(t, name, use, &use->client, 1);
}

/* Postfix daemons logging to postlogd's socket (maillog_file set). */
static const char *
recipe_postlog(struct rv_table *t, const struct rv_group *g)
{
	struct strbuf sb = STRBUF_INIT;
	const char *path = abs_path(g);
	size_t n;

	if (!is_postfix_domain(g->stype) ||
	    !is(g->tclass, "unix_dgram_socket") ||
	    !rv_group_has_perm(g, "sendto") || path == NULL ||
	    (n = strlen(path)) < 8 || strcmp(path + n - 8, "/postlog") != 0)
		return NULL;
	strbuf_adds(&sb, "[log]\n; FILL IN: maillog_file = the file postlogd "
	                 "writes (postconf -h maillog_file)\n");
	return finish(t, &sb);
}

/* A milter reading private keys the policy labels generically. */
static const char *
recipe_milter_keys(struct rv_table *t, const struct rv_group *g)
{
	struct strbuf sb = STRBUF_INIT;
	const char *path = abs_path(g), *ex = g->paths.n ? g->paths.v[0] : "?";
	char name[40];
	const char *s;

	if (strstr(g->stype, "milter") == NULL || !is(g->tclass, "file") ||
	    (!rv_group_has_perm(g, "read") && !rv_group_has_perm(g, "open")) ||
	    (strstr(ex, ".private") == NULL && strstr(ex, ".key") == NULL &&
	     strstr(ex, "/keys/") == NULL))
		return NULL;
	ident(g->comms.n > 0 ? g->comms.v[0] : g->stype, name, sizeof(name));
	strbuf_addf(&sb,
	            "[milter %s]\n; FILL IN: socket = the milter's socket "
	            "(postconf -h smtpd_milters)\n",
	            name);
	spec_line(&sb, "server", "", g->stype, spec_check_type);
	if (path != NULL && (s = strrchr(path, '/')) != NULL && s > path) {
		char *dir = xstrndup(path, (size_t)(s - path));

		spec_line(&sb, "keys", "", dir, spec_check_path);
		free(dir);
	} else {
		strbuf_adds(&sb, "; FILL IN: keys = the directory holding ");
		spec_shown(&sb, ex);
		strbuf_addc(&sb, '\n');
	}
	return finish(t, &sb);
}

/* A name Postfix gives a directory of its queue (policy/queue-subdirs),
 * or the "spool" the queue itself often is. */
static int
queue_dir_name(const char *p)
{
	const char *b = strrchr(p, '/');

	b = b ? b + 1 : p;
	return policy_file_has("queue-subdirs", NULL, b) ||
	       strcmp(b, "spool") == 0;
}

/* Postfix working in a queue the policy does not label (moved
 * queue_directory). */
static const char *
recipe_queue(struct rv_table *t, const struct rv_group *g)
{
	struct strbuf sb = STRBUF_INIT;
	const char *path = abs_path(g), *s;
	int i, queue_name = 0;

	/* Any name of the group will do: without a PATH record the names
	 * are the last components only, the queue's own ("pfq") among its
	 * subdirectories' ("defer"). */
	for (i = 0; i < g->paths.n && !queue_name; i++)
		queue_name = queue_dir_name(g->paths.v[i]);
	if (!is_postfix_domain(g->stype) || mail_type(g->ttype) ||
	    !policy_file_has("type-roles", "moved-queue", g->ttype) ||
	    (!is(g->tclass, "dir") && !is(g->tclass, "file")) || !queue_name)
		return NULL;
	if (path != NULL && (s = strrchr(path, '/')) != NULL && s > path &&
	    !is(s + 1, "spool")) {
		char *dir = xstrndup(path, (size_t)(s - path));

		strbuf_adds(&sb, "[queue]\n");
		spec_line(&sb, "directory", "", dir, spec_check_path);
		free(dir);
	} else if (path != NULL) {
		strbuf_adds(&sb, "[queue]\n");
		spec_line(&sb, "directory", "", path, spec_check_path);
	} else
		strbuf_adds(&sb, "[queue]\n; FILL IN: directory = the moved "
		                 "queue (postconf -h queue_directory)\n");
	return finish(t, &sb);
}

/*
 * A program master(8) runs that stayed in postfix_master_t.  Its exe
 * comes from kernel records only (a USER_AVC's is the object manager's,
 * review_input.c), and a system program (systemd, a shell, /usr/bin's)
 * never gets a section: emit would relabel it for everyone.
 */
static const char *
recipe_daemon(struct rv_table *t, const struct rv_group *g,
              const struct rv_program_check *pc)
{
	struct strbuf sb = STRBUF_INIT;
	const char *exe = NULL, *b;
	char name[40];
	int i;

	/* the master's domain, which its children keep unless their file
	 * is an entry point */
	if (!is(g->stype, policy_daemon_domain("master")))
		return NULL;
	/* Postfix's own programs and the shells and interpreters every
	 * domain shares are never a [daemon] (policy/label-guard). */
	for (i = 0; i < g->exes.n && exe == NULL; i++) {
		b = strrchr(g->exes.v[i], '/');
		if (g->exes.v[i][0] == '/' && b != NULL &&
		    !policy_file_has("label-guard", "program", b + 1) &&
		    !pc->is_system(pc->arg, g->exes.v[i]))
			exe = g->exes.v[i];
	}
	if (exe == NULL)
		return NULL;
	ident(exe, name, sizeof(name));
	strbuf_addf(&sb, "[daemon %s]\n", name);
	spec_line(&sb, "command", "", exe, spec_check_path);
	return finish(t, &sb);
}

/*
 * master/smtpd binding a port the policy does not label: the domains of
 * master(8), which binds inet services, and of smtpd(8); the section
 * proposes the SMTP port type, the type the policy lets both bind.
 */
static const char *
recipe_port(struct rv_table *t, const struct rv_group *g)
{
	struct strbuf sb = STRBUF_INIT;

	if ((!is(g->stype, policy_daemon_domain("master")) &&
	     !is(g->stype, policy_daemon_domain("smtpd"))) ||
	    !rv_group_has_perm(g, "name_bind") || g->nports == 0 ||
	    (!is(g->tclass, "tcp_socket") && !is(g->tclass, "udp_socket")) ||
	    !policy_file_has("generic-port-types", NULL, g->ttype))
		return NULL;
	strbuf_addf(&sb, "[port smtpd_%d]\nport = %.3s/%d\ntype = %s\n",
	            g->ports[0], g->tclass, g->ports[0],
	            policy_type("smtp-port"));
	return finish(t, &sb);
}

const char *
rv_recipe(struct rv_table *t, const struct rv_group *g,
          const struct rv_program_check *pc, const char **why,
          struct rv_socket_use *sock)
{
	static const struct {
		const char *(*fn)(struct rv_table *, const struct rv_group *);
		const char *why;
	} recipes[] = {
	    {recipe_log, "master writes a log file the policy does not know"},
	    {recipe_postlog, "Postfix logs through postlogd (maillog_file)"},
	    {recipe_queue,
	     "Postfix works in a queue the policy does not label"},
	    {recipe_milter_keys, "a milter reads keys the policy labels "
	                         "generically"},
	    {recipe_virtual, "virtual(8) delivers under a non-mail tree"},
	    {recipe_port, "master/smtpd listens on an unlabeled port"},
	};
	const char *s;
	size_t i;

	memset(sock, 0, sizeof(*sock));
	if ((s = recipe_socket(t, g, sock)) != NULL) {
		*why = "a Postfix daemon talks to another program's socket";
		return s;
	}
	for (i = 0; i < sizeof(recipes) / sizeof(recipes[0]); i++) {
		if ((s = recipes[i].fn(t, g)) != NULL) {
			*why = recipes[i].why;
			return s;
		}
	}
	if ((s = recipe_daemon(t, g, pc)) != NULL) {
		*why = "a program run by master(8) has no domain of its own";
		return s;
	}
	return NULL;
}
