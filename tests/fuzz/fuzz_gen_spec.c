/*
 * fuzz_gen_spec - libFuzzer target for the spec parser (lib/spec*.c):
 * any bytes either parse into a spec whose trees can be listed, or fail
 * with a reason; never a crash, leak or sanitizer report.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "spec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct why why;
	struct spec *s = spec_parse("fuzz.ini", (const char *)data, size, &why);
	size_t n, i;
	char **trees;

	if (s == NULL)
		return 0;
	trees = spec_trees(s, &n);
	for (i = 0; i < n; i++)
		free(trees[i]);
	free(trees);
	spec_free(s);
	return 0;
}
