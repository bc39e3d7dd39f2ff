/*
 * fuzz_labeler_audit - libFuzzer target for pfsel-label review's log
 * parser (review/audit_record.c, review/review_input.c): any bytes,
 * fed in two pieces so that lines span calls, are read into groups
 * without a crash, leak or sanitizer report, and every group they make
 * has a permission and a request; each line gives the same records
 * whether the reader is told where its '(' and 0x1D are or finds them;
 * and the AVX2 line scan and the portable one read the same.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "audit_record.h"
#include "review_group.h"
#include "review_input.h"

static void
same_records(const char *line, size_t len)
{
	struct audit_rec a[AUDIT_MAX_RECS], b[AUDIT_MAX_RECS];
	uint32_t at[64];
	size_t nat = 0, i;
	int na, nb, k;

	for (i = 0; i < len && nat < 64; i++)
		if (line[i] == '(' || line[i] == '\x1d')
			at[nat++] = (uint32_t)i;
	if (nat == 64)
		return;
	na = audit_line_records(line, len, a, AUDIT_MAX_RECS);
	nb = audit_line_records_marked(line, len, at, nat, b, AUDIT_MAX_RECS);
	if (na != nb)
		abort();
	for (k = 0; k < na; k++)
		if (a[k].type != b[k].type || a[k].serial != b[k].serial ||
		    a[k].body != b[k].body || a[k].end != b[k].end ||
		    a[k].node.n != b[k].node.n)
			abort();
}

/* Read data in two pieces, with the portable line scan or not. */
static struct rv_input *
read_halves(struct rv_table *t, const uint8_t *data, size_t size, int portable)
{
	struct rv_input *in = rv_input_new(t);
	size_t half = size / 2;

	if (portable)
		rv_input_portable(in);
	rv_input_bytes(in, (const char *)data, half);
	rv_input_bytes(in, (const char *)data + half, size - half);
	rv_input_finish(in);
	return in;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rv_table *t = rv_table_new(), *pt = rv_table_new();
	struct rv_input *in, *pin;
	const struct rv_stats *a, *b;
	struct rv_group **g;
	size_t n, pn, i;

	for (i = 0; i < size; i = n + 1) {
		const char *nl = memchr(data + i, '\n', size - i);

		n = nl != NULL ? (size_t)((const uint8_t *)nl - data) : size;
		same_records((const char *)data + i, n - i);
	}
	in = read_halves(t, data, size, 0);
	pin = read_halves(pt, data, size, 1);
	g = rv_table_groups(t, &n);
	for (i = 0; i < n; i++)
		if (g[i]->nsets == 0 || g[i]->count == 0)
			abort();
	a = rv_input_stats(in);
	b = rv_input_stats(pin);
	(void)rv_table_groups(pt, &pn);
	if (pn != n || a->lines != b->lines || a->avc != b->avc ||
	    a->user_avc != b->user_avc || a->selinux_err != b->selinux_err ||
	    a->denials != b->denials || a->malformed != b->malformed)
		abort();
	rv_input_free(pin);
	rv_table_free(pt);
	rv_input_free(in);
	rv_table_free(t);
	return 0;
}
