/*
 * bundle - a built module in one file, for hosts without the devel
 * toolchain: "pfsel-gen bundle SPEC -o FILE" writes it on a build host,
 * "pfsel-gen install FILE" installs it (gen/bundle_install.c).
 *
 * A bundle arrives from elsewhere, so reading one treats it as
 * untrusted: the parser accepts exactly this format, within the limits
 * below, and reports anything else as "file:line: what is wrong".
 * Text records, then two length-prefixed blobs, then "end":
 *
 *	# pfsel bundle 1
 *	module NAME
 *	port PROTO LOW HIGH TYPE       (the spec's port labels, in order)
 *	tree /abs/path                 (the spec's trees, as spec_trees)
 *	spec LENGTH
 *	<LENGTH bytes: the spec>
 *	pp LENGTH
 *	<LENGTH bytes: NAME.pp>
 *	end
 *
 * Each blob is followed by a newline.  The port and tree records repeat
 * what the spec says, so that a bundle tells what it installs without
 * being parsed as a spec; install checks that they agree with it.
 */
#ifndef PFSEL_GEN_BUNDLE_H
#define PFSEL_GEN_BUNDLE_H

#include <stddef.h>

#include "strbuf.h"
#include "why.h"

#define BUNDLE_HEADER    "# pfsel bundle 1\n"
#define BUNDLE_MAX_SIZE  (16 * 1024 * 1024)
#define BUNDLE_MAX_SPEC  (1024 * 1024)
#define BUNDLE_MAX_RECORDS 4096

struct bundle_port {
	char proto[8];
	int low, high;
	char *type;
};

struct bundle {
	char *module;
	struct bundle_port *ports;
	size_t nports;
	char **trees;
	size_t ntrees;
	char *spec; /* NUL-terminated; spec_len bytes without it */
	size_t spec_len;
	char *pp;
	size_t pp_len;
};

/* data starts as a bundle does (the header line). */
int bundle_is(const char *data, size_t len);
/* Parse len bytes of data; name is used in messages.  0, or -1 with
 * why set and b empty. */
int bundle_parse(const char *name, const char *data, size_t len,
                 struct bundle *b, struct why *why);
/* The file at path, at most BUNDLE_MAX_SIZE bytes: 1 a bundle, parsed;
 * 0 not a bundle (b untouched); -1 with why set. */
int bundle_load(const char *path, struct bundle *b, struct why *why);
/* Append b as the format above; -1 when a record would not parse back. */
int bundle_format(const struct bundle *b, struct strbuf *out,
                  struct why *why);
void bundle_free(struct bundle *b);

#endif
