/*
 * install_store - a libsemanage transaction on ROOT's store; see
 * install_store.h.  Called by gen/install.c.
 *
 * libsemanage reports through a message callback; errors are collected
 * here so that a failed call can say why ("semanage: ...") in the one
 * diagnostic the caller prints, and warnings (genhomedircon's "user sddm
 * not in password file" and the like) only show with -v.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <semanage/semanage.h>

#include "install_store.h"
#include "msg.h"
#include "selroot.h"
#include "strbuf.h"
#include "xalloc.h"

struct store {
	semanage_handle_t *sh;
	char *root;
	struct strbuf errors; /* libsemanage's error messages, "; " joined */
};

static void relay(void *arg, semanage_handle_t *sh, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
relay(void *arg, semanage_handle_t *sh, const char *fmt, ...)
{
	struct store *st = arg;
	struct strbuf line = STRBUF_INIT;
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	strbuf_adds(&line, buf);
	while (line.len > 0 && line.data[line.len - 1] == '\n')
		line.data[--line.len] = '\0';
	if (semanage_msg_get_level(sh) == SEMANAGE_MSG_ERR) {
		if (st->errors.len)
			strbuf_adds(&st->errors, "; ");
		strbuf_adds(&st->errors, strbuf_str(&line));
		debug("semanage: %s", strbuf_str(&line));
	} else if (msg_verbose()) {
		info("semanage: %s", strbuf_str(&line));
	}
	strbuf_free(&line);
}

/* why = what failed, plus what libsemanage said about it. */
static int
store_fail(struct store *st, struct why *why, const char *what)
{
	if (st->errors.len)
		why_set(why, "%s: %s", what, strbuf_str(&st->errors));
	else
		why_set(why, "%s", what);
	strbuf_reset(&st->errors);
	return -1;
}

static void
store_free(struct store *st)
{
	if (st->sh)
		semanage_handle_destroy(st->sh);
	strbuf_free(&st->errors);
	free(st->root);
	free(st);
}

/*
 * libsemanage names the store after the running system's SELINUXTYPE
 * even under semanage_set_root(): a Red Hat root ("targeted") on a
 * Debian host ("default") would not be found.  The store is ROOT's own.
 */
static int
select_root_store(struct store *st, struct why *why)
{
	struct selroot sr;

	if (selroot_open(&sr, st->root, why) < 0)
		return -1;
	semanage_select_store(st->sh, sr.policy_type, SEMANAGE_CON_DIRECT);
	selroot_free(&sr);
	return 0;
}

static char *first_root; /* see store_open */

static struct store *
store_open(const char *root, int transaction, struct why *why)
{
	struct store *st = xcalloc(1, sizeof(*st));
	const char *where = *root ? root : "the running system";

	st->root = xstrdup(root);
	/*
	 * semanage_set_root() is process-global and the handle reads
	 * ROOT/etc/selinux/semanage.conf when it is created, so the root
	 * must be set first.  Checked afterwards: writing the machine's
	 * store when a scratch root was asked for must not happen.
	 */
	if (semanage_set_root(root) < 0 || strcmp(semanage_root(), root) != 0)
		fatalx("cannot point libsemanage at root \"%s\"", root);
	/*
	 * libsemanage works out the store's paths once per process, under
	 * the root set then, and keeps them: a second root would read and
	 * commit the first one's store.  One root per process (gen/
	 * build_base.c runs another pfsel-gen for its copy).
	 */
	if (first_root == NULL)
		first_root = xstrdup(root);
	else if (strcmp(first_root, root) != 0)
		fatalx("libsemanage already works on root \"%s\" in this "
		       "process; cannot open \"%s\" too",
		       first_root, root);
	if ((st->sh = semanage_handle_create()) == NULL) {
		why_set(why, "%s: cannot create a libsemanage handle", where);
		goto fail;
	}
	semanage_msg_set_callback(st->sh, relay, st);
	if (select_root_store(st, why) < 0)
		goto fail;
	if (semanage_is_managed(st->sh) != 1) {
		why_set(why,
		        "%s: no SELinux policy store under %s/var/lib/selinux",
		        where, root);
		goto fail;
	}
	semanage_set_create_store(st->sh, 0);
	/*
	 * A scratch root's policy is not the kernel's: never load it.  For
	 * the running system keep libsemanage's default, which reloads only
	 * when SELinux is enabled (load_policy fails on a kernel without it).
	 */
	if (*root)
		semanage_set_reload(st->sh, 0);
	if (semanage_access_check(st->sh) < SEMANAGE_CAN_WRITE) {
		why_set(why,
		        "%s: the policy store is not writable (run as root)",
		        where);
		goto fail;
	}
	if (semanage_connect(st->sh) < 0) {
		store_fail(st, why, "cannot connect to the policy store");
		goto fail;
	}
	if (transaction && semanage_begin_transaction(st->sh) < 0) {
		store_fail(st, why, "cannot begin a policy store transaction");
		semanage_disconnect(st->sh);
		goto fail;
	}
	strbuf_reset(&st->errors);
	return st;
fail:
	store_free(st);
	return NULL;
}

struct store *
store_begin(const char *root, struct why *why)
{
	return store_open(root, 1, why);
}

struct store *
store_read(const char *root, struct why *why)
{
	return store_open(root, 0, why);
}

int
store_local_ports(struct store *st, struct port_set *out, struct why *why)
{
	semanage_port_t **recs = NULL;
	unsigned int n = 0, i;

	memset(out, 0, sizeof(*out));
	if (semanage_port_list_local(st->sh, &recs, &n) < 0)
		return store_fail(st, why, "cannot list local port labels");
	for (i = 0; i < n; i++) {
		semanage_context_t *con = semanage_port_get_con(recs[i]);
		int proto = semanage_port_get_proto(recs[i]);

		port_set_add(out, semanage_port_get_proto_str(proto),
		             semanage_port_get_low(recs[i]),
		             semanage_port_get_high(recs[i]),
		             semanage_context_get_type(con));
		semanage_port_free(recs[i]);
	}
	free(recs);
	return 0;
}

int
store_has_module(struct store *st, const char *module, struct why *why)
{
	semanage_module_info_t *list = NULL;
	int n = 0, i, found = 0;

	if (semanage_module_list(st->sh, &list, &n) < 0)
		return store_fail(st, why, "cannot list modules");
	for (i = 0; i < n; i++) {
		semanage_module_info_t *mi = semanage_module_list_nth(list, i);

		if (strcmp(semanage_module_get_name(mi), module) == 0)
			found = 1;
		semanage_module_info_datum_destroy(mi);
	}
	free(list);
	return found;
}

/*
 * A key with the name alone finds the highest priority; the checksum
 * and the module's contents need that priority in their key.
 */
static int
module_key(struct store *st, const char *module, semanage_module_key_t **key)
{
	semanage_module_info_t *info = NULL;
	uint16_t priority = 0;
	int rc = -1;

	if (semanage_module_key_create(st->sh, key) == 0 &&
	    semanage_module_key_set_name(st->sh, *key, module) == 0 &&
	    semanage_module_get_module_info(st->sh, *key, &info) == 0 &&
	    semanage_module_info_get_priority(st->sh, info, &priority) == 0 &&
	    semanage_module_key_set_priority(st->sh, *key, priority) == 0)
		rc = 0;
	if (info) {
		semanage_module_info_destroy(st->sh, info);
		free(info);
	}
	return rc;
}

int
store_module_checksum(struct store *st, const char *module, char **sum,
                      struct why *why)
{
	semanage_module_key_t *key = NULL;
	size_t len = 0;
	int rc;

	*sum = NULL;
	if ((rc = store_has_module(st, module, why)) != 1)
		return rc;
	if (module_key(st, module, &key) == 0 &&
	    semanage_module_compute_checksum(st->sh, key, 0, sum, &len) == 0)
		rc = 1;
	else
		rc =
		    store_fail(st, why, "cannot compute the module's checksum");
	if (key) {
		semanage_module_key_destroy(st->sh, key);
		free(key);
	}
	return rc;
}

/* The module's source as the store keeps it at its highest priority:
 * CIL (cil set) or what was installed (a .pp), NUL-terminated. */
static int
module_contents(struct store *st, const char *module, int cil, char **data,
                size_t *len, struct why *why)
{
	semanage_module_info_t *info = NULL;
	semanage_module_key_t *key = NULL;
	void *mapped = NULL;
	size_t n = 0;
	int rc;

	*data = NULL;
	*len = 0;
	if ((rc = store_has_module(st, module, why)) != 1)
		return rc;
	if (module_key(st, module, &key) == 0 &&
	    semanage_module_extract(st->sh, key, cil, &mapped, &n, &info) ==
	        0) {
		*data = xmalloc(n + 1);
		memcpy(*data, mapped, n);
		(*data)[n] = '\0';
		*len = n;
		rc = 1;
	} else {
		rc = store_fail(st, why, "cannot read the module from the store");
	}
	/* The data is mapped from the store's file. */
	if (mapped)
		munmap(mapped, n);
	if (info) {
		semanage_module_info_destroy(st->sh, info);
		free(info);
	}
	if (key) {
		semanage_module_key_destroy(st->sh, key);
		free(key);
	}
	return rc;
}

int
store_module_cil(struct store *st, const char *module, char **text,
                 struct why *why)
{
	size_t len;

	return module_contents(st, module, 1, text, &len, why);
}

int
store_install_module(struct store *st, const char *pp_path, struct why *why)
{
	/* semanage_module_install_file() takes the name from the package
	 * and the language from the ".pp" suffix. */
	if (semanage_module_install_file(st->sh, pp_path) < 0) {
		char *what = xasprintf("cannot install %s", pp_path);

		store_fail(st, why, what);
		free(what);
		return -1;
	}
	return 0;
}

int
store_remove_module(struct store *st, const char *module, struct why *why)
{
	char *name = xstrdup(module); /* the API takes char * */
	int rc = semanage_module_remove(st->sh, name);

	free(name);
	if (rc < 0) {
		char *what = xasprintf("cannot remove module %s", module);

		store_fail(st, why, what);
		free(what);
		return -1;
	}
	return 0;
}

static int
proto_number(const char *proto)
{
	if (strcmp(proto, "tcp") == 0)
		return SEMANAGE_PROTO_TCP;
	if (strcmp(proto, "udp") == 0)
		return SEMANAGE_PROTO_UDP;
	if (strcmp(proto, "dccp") == 0)
		return SEMANAGE_PROTO_DCCP;
	if (strcmp(proto, "sctp") == 0)
		return SEMANAGE_PROTO_SCTP;
	fatalx("unknown protocol \"%s\" in a port plan", proto);
}

/* The record "semanage port -a/-m -t TYPE" would write. */
static int
port_record(struct store *st, const struct port_rec *r, semanage_port_t **out)
{
	semanage_context_t *con = NULL;
	semanage_port_t *port = NULL;
	int rc = -1;

	/* The user and role "semanage port -a" gives every port record. */
	if (semanage_port_create(st->sh, &port) < 0 ||
	    semanage_context_create(st->sh, &con) < 0 ||
	    semanage_context_set_user(st->sh, con, "system_u") < 0 ||
	    semanage_context_set_role(st->sh, con, "object_r") < 0 ||
	    semanage_context_set_type(st->sh, con, r->type) < 0 ||
	    (semanage_mls_enabled(st->sh) > 0 &&
	     semanage_context_set_mls(st->sh, con, "s0") < 0))
		goto out;
	semanage_port_set_proto(port, proto_number(r->proto));
	semanage_port_set_range(port, r->low, r->high);
	if (semanage_port_set_con(st->sh, port, con) < 0)
		goto out;
	*out = port;
	port = NULL;
	rc = 0;
out:
	semanage_context_free(con);
	if (port)
		semanage_port_free(port);
	return rc;
}

static int
apply_op(struct store *st, const struct port_op *op)
{
	const struct port_rec *r = &op->rec;
	semanage_port_key_t *key = NULL;
	semanage_port_t *port = NULL;
	int rc = -1;

	if (semanage_port_key_create(st->sh, r->low, r->high,
	                             proto_number(r->proto), &key) < 0)
		return -1;
	if (op->kind == PORT_OP_DELETE)
		rc = semanage_port_del_local(st->sh, key);
	else if (port_record(st, r, &port) == 0)
		rc = semanage_port_modify_local(st->sh, key, port);
	if (port)
		semanage_port_free(port);
	semanage_port_key_free(key);
	return rc < 0 ? -1 : 0;
}

int
store_apply_ports(struct store *st, const struct port_plan *plan,
                  struct why *why)
{
	size_t i;

	for (i = 0; i < plan->nops; i++) {
		const struct port_rec *r = &plan->ops[i].rec;

		if (apply_op(st, &plan->ops[i]) < 0) {
			char *what = xasprintf(
			    "cannot %s the label of %s/%d-%d",
			    plan->ops[i].kind == PORT_OP_SET ? "set" : "delete",
			    r->proto, r->low, r->high);

			store_fail(st, why, what);
			free(what);
			return -1;
		}
	}
	return 0;
}

int
store_commit(struct store *st, struct why *why)
{
	int rc = 0;

	if (semanage_commit(st->sh) < 0)
		rc = store_fail(st, why,
		                "the policy store transaction failed "
		                "and changed nothing");
	semanage_disconnect(st->sh);
	store_free(st);
	return rc;
}

void
store_abort(struct store *st)
{
	/* Disconnecting inside a transaction drops libsemanage's sandbox
	 * and releases the store lock; nothing reaches the active store.
	 * Outside one it only closes the handle (store_read). */
	semanage_disconnect(st->sh);
	store_free(st);
}

int
store_module_lookup(struct store *st, const char *module,
                    struct store_module *out, struct why *why)
{
	semanage_module_info_t *info = NULL;
	semanage_module_key_t *key = NULL;
	uint16_t priority = 0;
	int rc, enabled = 0;

	memset(out, 0, sizeof(*out));
	if ((rc = store_has_module(st, module, why)) != 1)
		return rc;
	if (module_key(st, module, &key) == 0 &&
	    semanage_module_get_module_info(st->sh, key, &info) == 0 &&
	    semanage_module_info_get_priority(st->sh, info, &priority) == 0 &&
	    semanage_module_info_get_enabled(st->sh, info, &enabled) == 0) {
		out->priority = priority;
		out->enabled = enabled;
		rc = 1;
	} else {
		rc = store_fail(st, why, "cannot look up the module");
	}
	if (info) {
		semanage_module_info_destroy(st->sh, info);
		free(info);
	}
	if (key) {
		semanage_module_key_destroy(st->sh, key);
		free(key);
	}
	return rc;
}

int
store_module_package(struct store *st, const char *module, char **data,
                     size_t *len, struct why *why)
{
	return module_contents(st, module, 0, data, len, why);
}
