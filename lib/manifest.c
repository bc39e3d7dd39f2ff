/*
 * manifest - read and write the record of one "pfsel-gen install".
 *
 * Written by pfsel-gen install (gen/cmd_install.c), read back by
 * pfsel-gen uninstall and by pfsel-label.  The file sits in a directory
 * root owns, but it is still input read back from disk: the parser
 * accepts exactly the format manifest.h documents and reports anything
 * else as "file:line: what is wrong", and the writer refuses values the
 * parser would not read back identically (so load(save(m)) == m).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic_file.h"
#include "manifest.h"
#include "statedir.h"
#include "strbuf.h"
#include "xalloc.h"

#define MANIFEST_HEADER "# pfsel manifest 1"
/* A manifest lists one module's ports and trees; a megabyte is absurd. */
#define MANIFEST_MAX_SIZE (1024 * 1024)
#define MANIFEST_NAME_MAX 32

/* Module names: [a-z][a-z0-9_]*, as in the spec. */
static int
valid_module(const char *s)
{
	size_t i;

	if (s[0] < 'a' || s[0] > 'z' || strlen(s) > MANIFEST_NAME_MAX)
		return 0;
	for (i = 1; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

/* SELinux type names as the policy languages accept them. */
static int
valid_type(const char *s)
{
	size_t i;

	if (*s == '\0' || strlen(s) > 255)
		return 0;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		      s[i] == '.' || s[i] == '-'))
			return 0;
	return 1;
}

static int
valid_proto(const char *s)
{
	return strcmp(s, "tcp") == 0 || strcmp(s, "udp") == 0 ||
	       strcmp(s, "sctp") == 0 || strcmp(s, "dccp") == 0;
}

/* Absolute, one line: the rest of the record line is the path. */
static int
valid_path(const char *s)
{
	return s[0] == '/' && strchr(s, '\n') == NULL && strlen(s) < PATH_MAX;
}

static int
parse_port_number(const char *s, int *out)
{
	char *end;
	long n;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno || *end != '\0' || n < 0 || n > 65535)
		return -1;
	*out = (int)n;
	return 0;
}

/* Split s at single spaces; more than max fields gives max + 1. */
static size_t
split_fields(char *s, char **fields, size_t max)
{
	size_t n = 0;

	for (;;) {
		if (n == max)
			return max + 1;
		fields[n++] = s;
		if ((s = strchr(s, ' ')) == NULL)
			return n;
		*s++ = '\0';
	}
}

/* The fields "PROTO LOW HIGH" at f, as port and key records have them. */
static int
parse_proto_range(char **f, int *low, int *high, const char *file, int line,
                  struct why *why)
{
	if (!valid_proto(f[0]))
		return why_at(why, file, line, "unknown protocol \"%s\"", f[0]);
	if (parse_port_number(f[1], low) < 0 ||
	    parse_port_number(f[2], high) < 0 || *low > *high)
		return why_at(why, file, line, "bad port range \"%s %s\"", f[1],
		              f[2]);
	return 0;
}

static int
parse_port(const char *file, int line, char *args, struct manifest *m,
           struct why *why)
{
	struct manifest_port *p;
	char *f[6] = {0}; /* -O3 cannot see that split_fields sets them */
	size_t n = split_fields(args, f, 6);
	int low, high;

	if (n != 5 && n != 6)
		return why_at(why, file, line, "malformed port record");
	if (parse_proto_range(f, &low, &high, file, line, why) < 0)
		return -1;
	if (!valid_type(f[3]))
		return why_at(why, file, line, "bad type \"%s\"", f[3]);
	if (strcmp(f[4], "added") == 0) {
		if (n != 5)
			return why_at(why, file, line,
			              "an added port has no old type");
	} else if (strcmp(f[4], "modified") == 0) {
		if (n != 6 || !valid_type(f[5]))
			return why_at(why, file, line,
			              "a modified port needs its old type");
	} else {
		return why_at(why, file, line,
		              "port record must say added or modified");
	}
	m->ports = xreallocarray(m->ports, m->nports + 1, sizeof(*m->ports));
	p = &m->ports[m->nports++];
	memset(p, 0, sizeof(*p));
	snprintf(p->proto, sizeof(p->proto), "%s", f[0]);
	p->low = low;
	p->high = high;
	p->type = xstrdup(f[3]);
	p->old_type = n == 6 ? xstrdup(f[5]) : NULL;
	return 0;
}

/* libsemanage's module checksum: "sha256:" and hex digits. */
static int
valid_checksum(const char *s)
{
	size_t i;

	if (strncmp(s, "sha256:", 7) != 0 || strlen(s) != 7 + 64)
		return 0;
	for (i = 7; s[i]; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* "absent" or a checksum, for module-before and module-after. */
static int
parse_module_state(const char *file, int line, const char *args, char **out,
                   struct why *why)
{
	if (*out)
		return why_at(why, file, line, "second module state record");
	if (strcmp(args, "absent") == 0) {
		*out = xstrdup("");
		return 0;
	}
	if (!valid_checksum(args))
		return why_at(why, file, line, "bad module checksum \"%s\"",
		              args);
	*out = xstrdup(args);
	return 0;
}

/* "-" for no local record, else a type. */
static int
parse_key_type(const char *s, char **out)
{
	if (strcmp(s, "-") == 0) {
		*out = NULL;
		return 0;
	}
	if (!valid_type(s))
		return -1;
	*out = xstrdup(s);
	return 0;
}

static int
parse_key(const char *file, int line, char *args, struct manifest_intent *in,
          struct why *why)
{
	struct manifest_key k;
	char *f[5] = {0};
	int low, high;

	memset(&k, 0, sizeof(k));
	if (split_fields(args, f, 5) != 5)
		return why_at(why, file, line, "malformed key record");
	if (parse_proto_range(f, &low, &high, file, line, why) < 0)
		return -1;
	if (parse_key_type(f[3], &k.before) < 0)
		return why_at(why, file, line, "bad type \"%s\"", f[3]);
	if (parse_key_type(f[4], &k.after) < 0) {
		free(k.before);
		return why_at(why, file, line, "bad type \"%s\"", f[4]);
	}
	snprintf(k.proto, sizeof(k.proto), "%s", f[0]);
	k.low = low;
	k.high = high;
	in->keys = xreallocarray(in->keys, in->nkeys + 1, sizeof(*in->keys));
	in->keys[in->nkeys++] = k;
	return 0;
}

/* The records of an intent file; 1 when text was not one of them. */
static int
parse_intent_line(const char *file, int line, const char *text, char *args,
                  struct manifest *m, struct why *why)
{
	if (strcmp(text, "intent") == 0) {
		if (m->intent)
			return why_at(why, file, line, "second intent record");
		if (strcmp(args, "install") != 0 &&
		    strcmp(args, "uninstall") != 0)
			return why_at(why, file, line,
			              "intent must be install or uninstall");
		m->intent = xcalloc(1, sizeof(*m->intent));
		m->intent->uninstall = strcmp(args, "uninstall") == 0;
		return 0;
	}
	if (strcmp(text, "module-before") != 0 &&
	    strcmp(text, "module-after") != 0 && strcmp(text, "key") != 0)
		return 1;
	if (m->intent == NULL)
		return why_at(why, file, line,
		              "\"%s\" record before the intent record", text);
	if (strcmp(text, "module-before") == 0)
		return parse_module_state(file, line, args,
		                          &m->intent->module_before, why);
	if (strcmp(text, "module-after") == 0)
		return parse_module_state(file, line, args,
		                          &m->intent->module_after, why);
	return parse_key(file, line, args, m->intent, why);
}

/* "inputs" or "checksum": once, a checksum. */
static int
parse_digest(const char *file, int line, const char *text, const char *args,
             char **out, struct why *why)
{
	if (*out)
		return why_at(why, file, line, "second %s record", text);
	if (!valid_checksum(args))
		return why_at(why, file, line, "bad %s \"%s\"", text, args);
	*out = xstrdup(args);
	return 0;
}

static int
parse_line(const char *file, int line, char *text, struct manifest *m,
           struct why *why)
{
	int rc;

	char *sp = strchr(text, ' ');
	char *args;

	if (sp == NULL)
		return why_at(why, file, line, "malformed record \"%s\"", text);
	*sp = '\0';
	args = sp + 1;
	if ((rc = parse_intent_line(file, line, text, args, m, why)) <= 0)
		return rc;
	if (strcmp(text, "module") == 0) {
		if (m->module)
			return why_at(why, file, line, "second module record");
		if (!valid_module(args))
			return why_at(why, file, line, "bad module name \"%s\"",
			              args);
		m->module = xstrdup(args);
	} else if (strcmp(text, "spec") == 0) {
		if (m->spec)
			return why_at(why, file, line, "second spec record");
		if (!valid_path(args))
			return why_at(why, file, line,
			              "spec must be an absolute path");
		m->spec = xstrdup(args);
	} else if (strcmp(text, "inputs") == 0 ||
	           strcmp(text, "checksum") == 0) {
		return parse_digest(file, line, text, args,
		                    *text == 'i' ? &m->inputs : &m->checksum,
		                    why);
	} else if (strcmp(text, "port") == 0) {
		return parse_port(file, line, args, m, why);
	} else if (strcmp(text, "tree") == 0) {
		if (!valid_path(args))
			return why_at(why, file, line,
			              "tree must be an absolute path");
		m->trees =
		    xreallocarray(m->trees, m->ntrees + 1, sizeof(*m->trees));
		m->trees[m->ntrees++] = xstrdup(args);
	} else {
		return why_at(why, file, line, "unknown record \"%s\"", text);
	}
	return 0;
}

/* Parse the whole text; the caller frees m on failure. */
static int
parse_text(const char *file, char *text, size_t len, struct manifest *m,
           struct why *why)
{
	char *p = text, *end = text + len;
	int line = 0;

	if (memchr(text, '\0', len))
		return why_set(why, "%s: contains a NUL byte", file);
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));

		if (nl == NULL)
			return why_at(why, file, line + 1,
			              "last line has no newline");
		*nl = '\0';
		line++;
		if (line == 1) {
			if (strcmp(p, MANIFEST_HEADER) != 0)
				return why_at(
				    why, file, line,
				    "not a pfsel manifest (want \"%s\")",
				    MANIFEST_HEADER);
		} else if (*p != '\0' && *p != '#') {
			if (parse_line(file, line, p, m, why) < 0)
				return -1;
		}
		p = nl + 1;
	}
	if (line == 0)
		return why_set(why, "%s: empty file", file);
	if (m->module == NULL)
		return why_set(why, "%s: no module record", file);
	if (m->intent && (m->intent->module_before == NULL ||
	                  m->intent->module_after == NULL))
		return why_set(why, "%s: an intent without module states",
		               file);
	return 0;
}

/* Read a regular file of bounded size into a NUL-terminated buffer. */
static char *
read_small_file(const char *path, size_t *lenp, struct why *why)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	struct stat st;
	FILE *fp;
	size_t n;

	if ((fp = fopen(path, "re")) == NULL) {
		why_errno(why, "cannot open %s", path);
		return NULL;
	}
	if (fstat(fileno(fp), &st) < 0 || !S_ISREG(st.st_mode)) {
		why_set(why, "%s: not a regular file", path);
		fclose(fp);
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		strbuf_addmem(&sb, buf, n);
		if (sb.len > MANIFEST_MAX_SIZE)
			break;
	}
	if (ferror(fp) || sb.len > MANIFEST_MAX_SIZE) {
		if (ferror(fp))
			why_errno(why, "cannot read %s", path);
		else
			why_set(why, "%s: larger than %d bytes", path,
			        MANIFEST_MAX_SIZE);
		fclose(fp);
		strbuf_free(&sb);
		return NULL;
	}
	fclose(fp);
	*lenp = sb.len;
	return strbuf_detach(&sb);
}

int
manifest_load(const char *path, struct manifest *m, struct why *why)
{
	size_t len;
	char *text;
	int rc;

	memset(m, 0, sizeof(*m));
	if ((text = read_small_file(path, &len, why)) == NULL)
		return -1;
	rc = parse_text(path, text, len, m, why);
	free(text);
	if (rc < 0)
		manifest_free(m);
	return rc;
}

/* The module states and keys of an intent, as parse_intent_line reads. */
static int
check_intent_savable(const char *path, const struct manifest_intent *in,
                     struct why *why)
{
	size_t i;

	if (in->module_before == NULL || in->module_after == NULL ||
	    (*in->module_before && !valid_checksum(in->module_before)) ||
	    (*in->module_after && !valid_checksum(in->module_after)))
		return why_set(why, "%s: bad module state", path);
	for (i = 0; i < in->nkeys; i++) {
		const struct manifest_key *k = &in->keys[i];

		if (!valid_proto(k->proto) || k->low < 0 || k->high > 65535 ||
		    k->low > k->high || (k->before && !valid_type(k->before)) ||
		    (k->after && !valid_type(k->after)))
			return why_set(why, "%s: bad key record %zu", path,
			               i + 1);
	}
	return 0;
}

/* Refuse what manifest_load would not read back as written. */
static int
check_savable(const char *path, const struct manifest *m, struct why *why)
{
	size_t i;

	if (m->module == NULL || !valid_module(m->module))
		return why_set(why, "%s: bad module name", path);
	if (m->spec && !valid_path(m->spec))
		return why_set(why, "%s: spec path \"%s\" is not absolute",
		               path, m->spec);
	if ((m->inputs && !valid_checksum(m->inputs)) ||
	    (m->checksum && !valid_checksum(m->checksum)))
		return why_set(why, "%s: bad inputs or checksum record", path);
	for (i = 0; i < m->nports; i++) {
		const struct manifest_port *p = &m->ports[i];

		if (!valid_proto(p->proto) || p->low < 0 || p->high > 65535 ||
		    p->low > p->high || p->type == NULL ||
		    !valid_type(p->type) ||
		    (p->old_type && !valid_type(p->old_type)))
			return why_set(why, "%s: bad port record %zu", path,
			               i + 1);
	}
	for (i = 0; i < m->ntrees; i++)
		if (!valid_path(m->trees[i]))
			return why_set(why, "%s: tree \"%s\" is not absolute",
			               path, m->trees[i]);
	if (m->intent)
		return check_intent_savable(path, m->intent, why);
	return 0;
}

static void
format_intent(struct strbuf *sb, const struct manifest_intent *in)
{
	size_t i;

	strbuf_addf(sb, "intent %s\n", in->uninstall ? "uninstall" : "install");
	strbuf_addf(sb, "module-before %s\n",
	            *in->module_before ? in->module_before : "absent");
	strbuf_addf(sb, "module-after %s\n",
	            *in->module_after ? in->module_after : "absent");
	for (i = 0; i < in->nkeys; i++) {
		const struct manifest_key *k = &in->keys[i];

		strbuf_addf(sb, "key %s %d %d %s %s\n", k->proto, k->low,
		            k->high, k->before ? k->before : "-",
		            k->after ? k->after : "-");
	}
}

/* The text of m, as manifest.h documents it; -1 when not savable. */
static int
format_manifest(const char *path, const struct manifest *m, struct strbuf *sb,
                struct why *why)
{
	size_t i;

	if (check_savable(path, m, why) < 0)
		return -1;
	strbuf_addf(sb, "%s\nmodule %s\n", MANIFEST_HEADER, m->module);
	if (m->spec)
		strbuf_addf(sb, "spec %s\n", m->spec);
	if (m->inputs)
		strbuf_addf(sb, "inputs %s\n", m->inputs);
	if (m->checksum)
		strbuf_addf(sb, "checksum %s\n", m->checksum);
	for (i = 0; i < m->nports; i++) {
		const struct manifest_port *p = &m->ports[i];

		strbuf_addf(sb, "port %s %d %d %s ", p->proto, p->low, p->high,
		            p->type);
		if (p->old_type)
			strbuf_addf(sb, "modified %s\n", p->old_type);
		else
			strbuf_adds(sb, "added\n");
	}
	for (i = 0; i < m->ntrees; i++)
		strbuf_addf(sb, "tree %s\n", m->trees[i]);
	if (m->intent)
		format_intent(sb, m->intent);
	return 0;
}

/* mkdir -p of the directory holding path. */
static int
make_parent_dirs(const char *path, struct why *why)
{
	char *dir = xstrdup(path);
	char *p;

	for (p = dir + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
			why_errno(why, "cannot create %s", dir);
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

int
manifest_format(const struct manifest *m, struct strbuf *sb, struct why *why)
{
	return format_manifest(m->module ? m->module : "manifest", m, sb, why);
}

int
manifest_save(const char *path, const struct manifest *m, struct why *why)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	rc = format_manifest(path, m, &sb, why);
	if (rc == 0)
		rc = make_parent_dirs(path, why);
	if (rc == 0)
		rc = atomic_write_file(path, sb.data, sb.len, 0644, why);
	strbuf_free(&sb);
	return rc;
}

int
manifest_save_at(const struct statedir *sd, const char *name,
                 const struct manifest *m, struct why *why)
{
	struct strbuf sb = STRBUF_INIT;
	char *path = statedir_path(sd, name);
	int rc;

	rc = format_manifest(path, m, &sb, why);
	if (rc == 0)
		rc = statedir_write(sd, name, sb.data, sb.len, why);
	strbuf_free(&sb);
	free(path);
	return rc;
}

void
manifest_intent_clear(struct manifest_intent *in)
{
	size_t i;

	free(in->module_before);
	free(in->module_after);
	for (i = 0; i < in->nkeys; i++) {
		free(in->keys[i].before);
		free(in->keys[i].after);
	}
	free(in->keys);
	memset(in, 0, sizeof(*in));
}

void
manifest_free(struct manifest *m)
{
	size_t i;

	free(m->module);
	free(m->spec);
	free(m->inputs);
	free(m->checksum);
	for (i = 0; i < m->nports; i++) {
		free(m->ports[i].type);
		free(m->ports[i].old_type);
	}
	free(m->ports);
	for (i = 0; i < m->ntrees; i++)
		free(m->trees[i]);
	free(m->trees);
	if (m->intent) {
		manifest_intent_clear(m->intent);
		free(m->intent);
	}
	memset(m, 0, sizeof(*m));
}

int
manifest_load_at(const struct statedir *sd, const char *name, int intent,
                 struct manifest *m, struct why *why)
{
	char *path, *text;
	size_t len;
	int rc;

	memset(m, 0, sizeof(*m));
	rc = statedir_read(sd, name, MANIFEST_MAX_SIZE, &text, &len, why);
	if (rc <= 0)
		return rc;
	path = statedir_path(sd, name);
	rc = parse_text(path, text, len, m, why);
	if (rc == 0 && intent && m->intent == NULL)
		rc = why_set(why, "%s: no intent record", path);
	else if (rc == 0 && !intent && m->intent)
		rc = why_set(why, "%s: a manifest has no intent records", path);
	free(text);
	free(path);
	if (rc < 0) {
		manifest_free(m);
		return -1;
	}
	return 1;
}

int
manifest_load_others(const struct statedir *sd, const char *module,
                     struct manifest **list, size_t *count, struct why *why)
{
	size_t n = 0, i;
	char **names;
	int rc;

	*list = NULL;
	*count = 0;
	if (sd == NULL)
		return 0; /* nothing installed yet */
	rc = statedir_list(sd, MANIFEST_SUFFIX, &names, &n, why);
	if (rc == 0 && n > 0)
		*list = xcalloc(n, sizeof(**list));
	for (i = 0; rc == 0 && i < n; i++) {
		struct manifest *m = &(*list)[*count];
		char *file;

		if (!valid_module(names[i]) || strcmp(names[i], module) == 0)
			continue;
		file = xasprintf("%s%s", names[i], MANIFEST_SUFFIX);
		if ((rc = manifest_load_at(sd, file, 0, m, why)) <= 0) {
			rc = rc < 0 ? -1 : 0; /* gone since listed: removed */
		} else if (strcmp(m->module, names[i]) != 0) {
			rc = why_set(why, "%s/%s: records module %s, not %s",
			             sd->path, file, m->module, names[i]);
			manifest_free(m);
		} else {
			rc = 0;
			(*count)++;
		}
		free(file);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (rc < 0 || *count == 0) {
		manifest_list_free(*list, *count);
		*list = NULL;
		*count = 0;
	}
	return rc;
}

void
manifest_list_free(struct manifest *list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		manifest_free(&list[i]);
	free(list);
}
