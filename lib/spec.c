/*
 * spec - parse a pfsel spec with inih into struct spec; see spec.h.
 *
 * inih does the INI syntax; we feed it through a line reader of our own
 * because Debian's inih is built without INI_HANDLER_LINENO and without
 * section callbacks, and every error and every generated rule must name
 * its file:line.  The reader counts lines and notices section headers
 * (so that an empty "[virtual]" still counts); the key handler fills the
 * section the reader last opened.  The first error stops everything:
 * a spec is used whole or not at all.
 */
#include <ini.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"
#include "spec_check.h"
#include "spec_validate.h"
#include "strbuf.h"
#include "xalloc.h"

#define SPEC_MAX_LINE 4000

enum section_kind {
	SEC_NONE,
	SEC_MODULE,
	SEC_DAEMON,
	SEC_MILTER,
	SEC_SOCKET,
	SEC_QUEUE,
	SEC_INSTANCE,
	SEC_LOG,
	SEC_VIRTUAL,
	SEC_PORT,
};

struct parser {
	struct spec *spec;
	struct why *why;
	int failed;
	/* Reader state. */
	const char *text;
	size_t len, pos;
	int line;
	/* The section the reader last opened. */
	enum section_kind kind;
	void *item;
	char header[256];
};

static const struct {
	const char *word;
	enum section_kind kind;
	int named;
} section_kinds[] = {
    {"module", SEC_MODULE, 0}, {"daemon", SEC_DAEMON, 1},
    {"milter", SEC_MILTER, 1}, {"socket", SEC_SOCKET, 1},
    {"queue", SEC_QUEUE, 0},   {"instance", SEC_INSTANCE, 1},
    {"log", SEC_LOG, 0},       {"virtual", SEC_VIRTUAL, 0},
    {"port", SEC_PORT, 1},
};

static int
fail(struct parser *p, const char *fmt, const char *arg)
{
	if (!p->failed)
		why_at(p->why, p->spec->file, p->line, fmt, arg);
	p->failed = 1;
	return 0;
}

static int
fail_why(struct parser *p, struct why *inner)
{
	return fail(p, "%s", inner->text);
}

static struct spec_origin
here(struct parser *p)
{
	struct spec_origin at = {p->spec->file, p->line};

	return at;
}

/* Grow an array of items by one zeroed element and return it. */
static void *
append(void **items, size_t *count, size_t size)
{
	char *base = xreallocarray(*items, *count + 1, size);

	memset(base + *count * size, 0, size);
	*items = base;
	return base + (*count)++ * size;
}

static int
name_taken(struct parser *p, enum section_kind kind, const char *name)
{
	struct spec *s = p->spec;
	size_t i;

	switch (kind) {
	case SEC_DAEMON:
		for (i = 0; i < s->ndaemons; i++)
			if (strcmp(s->daemons[i].name, name) == 0)
				return 1;
		return 0;
	case SEC_MILTER:
	case SEC_SOCKET:
		for (i = 0; i < s->nsockets; i++)
			if (strcmp(s->sockets[i].name, name) == 0)
				return 1;
		return 0;
	case SEC_INSTANCE:
		for (i = 0; i < s->ninstances; i++)
			if (strcmp(s->instances[i].name, name) == 0)
				return 1;
		return 0;
	case SEC_PORT:
		for (i = 0; i < s->nports; i++)
			if (strcmp(s->ports[i].name, name) == 0)
				return 1;
		return 0;
	default:
		return 0;
	}
}

static void *
open_named(struct parser *p, enum section_kind kind, const char *name)
{
	struct spec *s = p->spec;
	char *dst;
	void *item;

	switch (kind) {
	case SEC_DAEMON:
		item = append((void **)&s->daemons, &s->ndaemons,
		              sizeof(*s->daemons));
		dst = ((struct spec_daemon *)item)->name;
		((struct spec_daemon *)item)->at = here(p);
		break;
	case SEC_MILTER:
	case SEC_SOCKET:
		item = append((void **)&s->sockets, &s->nsockets,
		              sizeof(*s->sockets));
		dst = ((struct spec_socket *)item)->name;
		((struct spec_socket *)item)->at = here(p);
		((struct spec_socket *)item)->is_milter = kind == SEC_MILTER;
		break;
	case SEC_INSTANCE:
		item = append((void **)&s->instances, &s->ninstances,
		              sizeof(*s->instances));
		dst = ((struct spec_instance *)item)->name;
		((struct spec_instance *)item)->at = here(p);
		break;
	default: /* SEC_PORT */
		item =
		    append((void **)&s->ports, &s->nports, sizeof(*s->ports));
		dst = ((struct spec_port *)item)->name;
		((struct spec_port *)item)->at = here(p);
		break;
	}
	/* Names were checked to be at most SPEC_NAME_MAX long. */
	memcpy(dst, name, strlen(name) + 1);
	return item;
}

static void *
open_single(struct parser *p, enum section_kind kind)
{
	struct spec *s = p->spec;
	size_t i;

	switch (kind) {
	case SEC_MODULE:
		if (s->module_at.line)
			return NULL;
		s->module_at = here(p);
		return s;
	case SEC_QUEUE:
		for (i = 0; i < s->ninstances; i++)
			if (s->instances[i].name[0] == '\0')
				return NULL;
		return open_named(p, SEC_INSTANCE, "");
	case SEC_LOG:
		if (s->log)
			return NULL;
		s->log = xcalloc(1, sizeof(*s->log));
		s->log->at = here(p);
		return s->log;
	default: /* SEC_VIRTUAL */
		if (s->virtual_)
			return NULL;
		s->virtual_ = xcalloc(1, sizeof(*s->virtual_));
		s->virtual_->at = here(p);
		return s->virtual_;
	}
}

/* "[word name]": find the kind, validate the name, open the item. */
static void
open_section(struct parser *p, const char *header)
{
	char word[32], name[256], extra[2];
	struct why inner;
	size_t i;
	int n;

	n = sscanf(header, "%31s %255s %1s", word, name, extra);
	snprintf(p->header, sizeof(p->header), "%s", header);
	for (i = 0; i < sizeof(section_kinds) / sizeof(section_kinds[0]); i++)
		if (n >= 1 && strcmp(word, section_kinds[i].word) == 0)
			break;
	if (i == sizeof(section_kinds) / sizeof(section_kinds[0])) {
		fail(p, "unknown section [%s]", header);
		return;
	}
	p->kind = section_kinds[i].kind;
	if (section_kinds[i].named && n != 2) {
		fail(p,
		     "section [%s] needs exactly one name, as in [daemon "
		     "mylogd]",
		     header);
		return;
	}
	if (!section_kinds[i].named && n != 1) {
		fail(p, "section [%s] takes no name", header);
		return;
	}
	if (!section_kinds[i].named) {
		if ((p->item = open_single(p, p->kind)) == NULL)
			fail(p, "duplicate section [%s]", header);
		return;
	}
	if (spec_check_identifier(name, SPEC_NAME_MAX, &inner) < 0) {
		fail_why(p, &inner);
		return;
	}
	if (name_taken(p, p->kind, name)) {
		fail(p, "duplicate name \"%s\"", name);
		return;
	}
	p->item = open_named(p, p->kind, name);
}

/* ini_reader: one line per call, counting lines and spotting headers. */
static char *
read_line(char *buf, int size, void *stream)
{
	struct parser *p = stream;
	const char *start, *nl, *lb, *rb;
	size_t n;

	if (p->failed || p->pos >= p->len)
		return NULL;
	start = p->text + p->pos;
	nl = memchr(start, '\n', p->len - p->pos);
	n = nl ? (size_t)(nl - start) + 1 : p->len - p->pos;
	p->line++;
	if (memchr(start, '\0', n)) {
		fail(p, "%s", "NUL byte in spec");
		return NULL;
	}
	if (n + 1 > (size_t)size) {
		fail(p, "%s", "line too long");
		return NULL;
	}
	memcpy(buf, start, n);
	buf[n] = '\0';
	p->pos += n;
	lb = buf + strspn(buf, " \t");
	if (*lb == '[' && (rb = strchr(lb, ']')) != NULL) {
		char header[256];

		snprintf(header, sizeof(header), "%.*s", (int)(rb - lb - 1),
		         lb + 1);
		open_section(p, header);
	}
	return buf;
}

/* Set a single-valued path key; absent keys have path NULL. */
static void
set_path(struct parser *p, struct spec_path *dst, const char *value)
{
	struct why inner;

	if (dst->path) {
		char first[32];

		snprintf(first, sizeof(first), "%d", dst->at.line);
		fail(p, "duplicate key (first set on line %s)", first);
		return;
	}
	if (spec_check_path(value, &inner) < 0) {
		fail_why(p, &inner);
		return;
	}
	dst->path = xstrdup(value);
	dst->at = here(p);
}

static int
check_name(const char *s, struct why *why)
{
	return spec_check_identifier(s, SPEC_NAME_MAX, why);
}

/* Split a space-separated value into the list, each word passing check
 * (spec_check_path, check_name or spec_check_type). */
static void
add_words(struct parser *p, struct spec_list *list, const char *value,
          int (*check)(const char *, struct why *))
{
	char *copy = xstrdup(value), *save = NULL, *w;
	struct why inner;

	for (w = strtok_r(copy, " \t", &save); w && !p->failed;
	     w = strtok_r(NULL, " \t", &save)) {
		struct spec_path *item;

		if (check(w, &inner) < 0) {
			fail_why(p, &inner);
			break;
		}
		item = append((void **)&list->items, &list->count,
		              sizeof(*list->items));
		item->path = xstrdup(w);
		item->at = here(p);
	}
	free(copy);
}

static void
set_string(struct parser *p, char **dst, const char *value,
           int (*check)(const char *, struct why *))
{
	struct why inner;

	if (*dst) {
		fail(p, "%s", "duplicate key");
		return;
	}
	if (check(value, &inner) < 0) {
		fail_why(p, &inner);
		return;
	}
	*dst = xstrdup(value);
}

static int
set_yes_no(struct parser *p, int *dst, const char *value)
{
	if (strcmp(value, "yes") == 0)
		*dst = 1;
	else if (strcmp(value, "no") == 0)
		*dst = 0;
	else
		return fail(p, "expected yes or no, not \"%s\"", value);
	return 1;
}

/*
 * "unix:/path", "local:/path", "inet:PORT", "inet:HOST:PORT" (Postfix
 * milter syntax; "inet:PORT@HOST" as OpenDKIM writes it is accepted too).
 */
static void
set_endpoint(struct parser *p, struct spec_endpoint *ep, const char *value)
{
	const char *rest, *colon;
	struct why inner;
	char *end;
	long port;

	if (ep->at.line) {
		fail(p, "%s", "duplicate key");
		return;
	}
	ep->at = here(p);
	if (strncmp(value, "unix:", 5) == 0 ||
	    strncmp(value, "local:", 6) == 0) {
		rest = strchr(value, ':') + 1;
		if (spec_check_path(rest, &inner) < 0) {
			fail_why(p, &inner);
			return;
		}
		ep->kind = ENDPOINT_UNIX;
		ep->path = xstrdup(rest);
		return;
	}
	if (strncmp(value, "inet:", 5) != 0) {
		fail(p,
		     "socket \"%s\" is not unix:PATH, local:PATH or "
		     "inet:HOST:PORT",
		     value);
		return;
	}
	rest = value + 5;
	ep->kind = ENDPOINT_INET;
	if ((colon = strrchr(rest, ':')) != NULL) {
		ep->host = xstrndup(rest, (size_t)(colon - rest));
		rest = colon + 1;
	}
	port = strtol(rest, &end, 10);
	if (end == rest || port < 1 || port > 65535 ||
	    (*end != '\0' && *end != '@')) {
		fail(p, "socket \"%s\": port is not a number from 1 to 65535",
		     value);
		return;
	}
	if (*end == '@' && ep->host == NULL)
		ep->host = xstrdup(end + 1);
	if (ep->host && strpbrk(ep->host, "'\"`$\\# \t\n")) {
		fail(p, "socket \"%s\": invalid host", value);
		return;
	}
	ep->port = (int)port;
}

static int
module_key(struct parser *p, const char *key, const char *value)
{
	struct why inner;

	if (strcmp(key, "name") != 0)
		return fail(p, "unknown key \"%s\" in [module] (name)", key);
	if (p->spec->module[0])
		return fail(p, "%s", "duplicate key");
	if (spec_check_identifier(value, SPEC_NAME_MAX, &inner) < 0)
		return fail_why(p, &inner);
	snprintf(p->spec->module, sizeof(p->spec->module), "%s", value);
	return 1;
}

static int
daemon_key(struct parser *p, struct spec_daemon *d, const char *key,
           const char *value)
{
	if (strcmp(key, "command") == 0)
		set_path(p, &d->command, value);
	else if (strcmp(key, "log") == 0)
		set_path(p, &d->log, value);
	else if (strcmp(key, "data") == 0)
		set_path(p, &d->data, value);
	else if (strcmp(key, "runtime") == 0)
		set_path(p, &d->runtime, value);
	else if (strcmp(key, "reads") == 0)
		add_words(p, &d->reads, value, spec_check_path);
	else if (strcmp(key, "connect") == 0)
		add_words(p, &d->connect, value, check_name);
	else if (strcmp(key, "replaces") == 0)
		add_words(p, &d->replaces, value, spec_check_type);
	else
		return fail(p,
		            "unknown key \"%s\" in [daemon] (command, log, "
		            "data, runtime, reads, connect, replaces)",
		            key);
	return !p->failed;
}

static int
socket_key(struct parser *p, struct spec_socket *s, const char *key,
           const char *value)
{
	if (strcmp(key, "socket") == 0)
		set_endpoint(p, &s->endpoint, value);
	else if (strcmp(key, "server") == 0) {
		set_string(p, &s->server, value, spec_check_type);
		s->server_at = here(p);
	} else if (strcmp(key, "clients") == 0)
		add_words(p, &s->clients, value, check_name);
	else if (strcmp(key, "replaces") == 0)
		add_words(p, &s->replaces, value, spec_check_type);
	else if (strcmp(key, "port_type") == 0)
		set_string(p, &s->port_type, value, spec_check_type);
	else if (strcmp(key, "command") == 0)
		set_path(p, &s->command, value);
	else if (s->is_milter && strcmp(key, "keys") == 0)
		set_path(p, &s->keys, value);
	else
		return fail(p,
		            s->is_milter ? "unknown key \"%s\" in [milter] "
		                           "(socket, server, command, keys, "
		                           "clients, port_type, replaces)"
		                         : "unknown key \"%s\" in [socket] "
		                           "(socket, server, command, clients, "
		                           "port_type, replaces)",
		            key);
	return !p->failed;
}

static int
instance_key(struct parser *p, struct spec_instance *in, const char *key,
             const char *value)
{
	int is_queue = in->name[0] == '\0';

	if (is_queue && strcmp(key, "directory") == 0)
		set_path(p, &in->queue_directory, value);
	else if (!is_queue && strcmp(key, "queue_directory") == 0)
		set_path(p, &in->queue_directory, value);
	else if (!is_queue && strcmp(key, "config_directory") == 0)
		set_path(p, &in->config_directory, value);
	else if (!is_queue && strcmp(key, "data_directory") == 0)
		set_path(p, &in->data_directory, value);
	else if (strcmp(key, "replaces") == 0)
		add_words(p, &in->replaces, value, spec_check_type);
	else
		return fail(p,
		            is_queue ? "unknown key \"%s\" in [queue] "
		                       "(directory, replaces)"
		                     : "unknown key \"%s\" in [instance] "
		                       "(config_directory, queue_directory, "
		                       "data_directory, replaces)",
		            key);
	return !p->failed;
}

static int
log_key(struct parser *p, struct spec_log *l, const char *key,
        const char *value)
{
	if (strcmp(key, "maillog_file") == 0)
		set_path(p, &l->maillog_file, value);
	else if (strcmp(key, "writer") == 0) {
		if (strcmp(value, "postlogd") == 0)
			l->writer = LOG_WRITER_POSTLOGD;
		else if (strcmp(value, "master") == 0)
			l->writer = LOG_WRITER_MASTER;
		else
			return fail(p,
			            "writer must be postlogd or master, not "
			            "\"%s\"",
			            value);
	} else if (strcmp(key, "replaces") == 0)
		add_words(p, &l->replaces, value, spec_check_type);
	else
		return fail(p,
		            "unknown key \"%s\" in [log] (maillog_file, "
		            "writer, replaces)",
		            key);
	return !p->failed;
}

static int
virtual_key(struct parser *p, struct spec_virtual *vb, const char *key,
            const char *value)
{
	if (strcmp(key, "mailbox_base") == 0)
		set_path(p, &vb->mailbox_base, value);
	else if (strcmp(key, "replaces") == 0)
		add_words(p, &vb->replaces, value, spec_check_type);
	else
		return fail(p,
		            "unknown key \"%s\" in [virtual] (mailbox_base, "
		            "replaces)",
		            key);
	return !p->failed;
}

static int
port_key(struct parser *p, struct spec_port *pt, const char *key,
         const char *value)
{
	struct why inner;

	if (strcmp(key, "port") == 0) {
		if (pt->proto[0])
			return fail(p, "%s", "duplicate key");
		if (spec_parse_port_range(value, pt->proto, &pt->low, &pt->high,
		                          &inner) < 0)
			return fail_why(p, &inner);
		pt->at = here(p); /* port messages name this line */
	} else if (strcmp(key, "type") == 0)
		set_string(p, &pt->type, value, spec_check_type);
	else if (strcmp(key, "override") == 0)
		return set_yes_no(p, &pt->override, value);
	else
		return fail(p,
		            "unknown key \"%s\" in [port] (port, type, "
		            "override)",
		            key);
	return !p->failed;
}

static int
handle_key(void *user, const char *section, const char *key, const char *value)
{
	struct parser *p = user;

	(void)section; /* the reader tracked it, with its line */
	if (p->failed)
		return 0;
	switch (p->kind) {
	case SEC_NONE:
		return fail(p, "key \"%s\" outside any section", key);
	case SEC_MODULE:
		return module_key(p, key, value);
	case SEC_DAEMON:
		return daemon_key(p, p->item, key, value);
	case SEC_MILTER:
	case SEC_SOCKET:
		return socket_key(p, p->item, key, value);
	case SEC_QUEUE:
	case SEC_INSTANCE:
		return instance_key(p, p->item, key, value);
	case SEC_LOG:
		return log_key(p, p->item, key, value);
	case SEC_VIRTUAL:
		return virtual_key(p, p->item, key, value);
	case SEC_PORT:
		return port_key(p, p->item, key, value);
	}
	return 0;
}

static void
free_list(struct spec_list *l)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		free(l->items[i].path);
	free(l->items);
}

void
spec_free(struct spec *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ndaemons; i++) {
		struct spec_daemon *d = &s->daemons[i];

		free(d->command.path);
		free(d->log.path);
		free(d->data.path);
		free(d->runtime.path);
		free_list(&d->reads);
		free_list(&d->connect);
		free_list(&d->replaces);
	}
	free(s->daemons);
	for (i = 0; i < s->nsockets; i++) {
		struct spec_socket *k = &s->sockets[i];

		free(k->endpoint.path);
		free(k->endpoint.host);
		free(k->server);
		free(k->port_type);
		free(k->command.path);
		free(k->keys.path);
		free_list(&k->clients);
		free_list(&k->replaces);
	}
	free(s->sockets);
	for (i = 0; i < s->ninstances; i++) {
		free(s->instances[i].config_directory.path);
		free(s->instances[i].queue_directory.path);
		free(s->instances[i].data_directory.path);
		free_list(&s->instances[i].replaces);
	}
	free(s->instances);
	if (s->log) {
		free(s->log->maillog_file.path);
		free_list(&s->log->replaces);
	}
	free(s->log);
	if (s->virtual_) {
		free(s->virtual_->mailbox_base.path);
		free_list(&s->virtual_->replaces);
	}
	free(s->virtual_);
	for (i = 0; i < s->nports; i++)
		free(s->ports[i].type);
	free(s->ports);
	free(s->file);
	free(s);
}

struct spec *
spec_parse(const char *name, const char *text, size_t len, struct why *why)
{
	struct parser p;
	int rc;

	memset(&p, 0, sizeof(p));
	p.spec = xcalloc(1, sizeof(*p.spec));
	p.spec->file = xstrdup(name);
	p.why = why;
	p.text = text;
	p.len = len;
	/* Debian's inih exposes its build options as variables: one error
	 * stops the parse, continuation lines are not allowed (a value is one
	 * line, as in the man page), lines up to SPEC_MAX_LINE. */
	ini_stop_on_first_error = true;
	ini_allow_multiline = false;
	ini_use_stack = false;
	ini_max_line = SPEC_MAX_LINE;
	/* Without realloc the heap buffer has ini_initial_alloc bytes. */
	ini_initial_alloc = SPEC_MAX_LINE;
	rc = ini_parse_stream(read_line, &p, handle_key, &p);
	if (!p.failed && rc > 0) {
		p.line = rc;
		fail(&p, "%s",
		     "syntax error (expected [section], key = value "
		     "or a comment)");
	} else if (!p.failed && rc < 0) {
		why_set(why, "%s: cannot parse (out of memory)", name);
		p.failed = 1;
	}
	if (p.failed || spec_validate(p.spec, why) < 0) {
		spec_free(p.spec);
		return NULL;
	}
	return p.spec;
}

struct spec *
spec_load(const char *path, struct why *why)
{
	struct strbuf sb = STRBUF_INIT;
	struct spec *spec;
	char buf[8192];
	size_t n;
	FILE *fp;

	if ((fp = fopen(path, "re")) == NULL) {
		why_errno(why, "cannot open %s", path);
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_addmem(&sb, buf, n);
	if (ferror(fp)) {
		why_errno(why, "cannot read %s", path);
		fclose(fp);
		strbuf_free(&sb);
		return NULL;
	}
	fclose(fp);
	spec = spec_parse(path, strbuf_str(&sb), sb.len, why);
	strbuf_free(&sb);
	return spec;
}
