/*
 * sha256 - the SHA-256 digest (FIPS 180-4), written as "sha256:HEX", the
 * form libsemanage gives module checksums in.
 *
 * pfsel-gen install records a digest of what a module was made from (the
 * spec, pfsel's version and its policy/ data) in the manifest, so that
 * running it again on the same inputs can say "unchanged" without
 * building or committing anything.  Not for secrets: a change detector.
 */
#ifndef PFSEL_SHA256_H
#define PFSEL_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len; /* bytes hashed so far */
	unsigned char block[64];
	size_t fill; /* bytes in block */
};

#define SHA256_TEXT_LEN (7 + 64) /* "sha256:" and 64 hex digits */

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
/* "sha256:HEX" into out, NUL-terminated; s is used up. */
void sha256_final_text(struct sha256 *s, char out[SHA256_TEXT_LEN + 1]);

#endif
