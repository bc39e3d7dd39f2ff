/*
 * fuzz_labeler_iface - libFuzzer target for the reader of sepolgen's
 * interface vectors (review/review_iface.c, pfsel-label review
 * --interfaces): any bytes are read, or refused with a reason, without
 * a crash, leak or sanitizer report.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "review_iface.h"
#include "why.h"
#include "xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = xmalloc(size + 1);
	struct rv_ifaces *ifs;
	struct why why;
	const char *perms[] = {"read"};
	int grants;

	why.text[0] = '\0';
	memcpy(buf, data, size);
	buf[size] = '\0';
	ifs = rv_ifaces_parse(buf, "fuzz", &why);
	if (ifs == NULL) {
		if (why.text[0] == '\0')
			abort(); /* refused without a reason */
		return 0;
	}
	/* without a policy nothing can be checked, so nothing is chosen */
	if (rv_iface_choose(ifs, NULL, "a_t", "b_t", "file", perms, 1,
	                    &grants) != NULL)
		abort();
	rv_ifaces_free(ifs);
	return 0;
}
