/*
 * fuzz_labeler_audit - libFuzzer target for pfsel-label review's log
 * parser (labeler/audit_record.c, labeler/review_input.c): any bytes,
 * fed in two pieces so that lines span calls, are read into groups
 * without a crash, leak or sanitizer report, and every group they make
 * has a permission and a request.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "review_group.h"
#include "review_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rv_table *t = rv_table_new();
	struct rv_input *in = rv_input_new(t);
	struct rv_group **g;
	size_t half = size / 2, n, i;

	rv_input_bytes(in, (const char *)data, half);
	rv_input_bytes(in, (const char *)data + half, size - half);
	rv_input_finish(in);
	g = rv_table_groups(t, &n);
	for (i = 0; i < n; i++)
		if (g[i]->nsets == 0 || g[i]->count == 0)
			abort();
	rv_input_free(in);
	rv_table_free(t);
	return 0;
}
