/*
 * fuzz_gen_bundle - libFuzzer target for gen/bundle.c.
 *
 * "pfsel-gen install FILE" reads bundles made elsewhere, so the parser
 * must survive any bytes.  Whatever it accepts must also format and
 * parse back to the same bundle (the writer's promise).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bundle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
same(const struct bundle *a, const struct bundle *b)
{
	size_t i;

	if (strcmp(a->module, b->module) != 0 || a->nports != b->nports ||
	    a->ntrees != b->ntrees || a->spec_len != b->spec_len ||
	    a->pp_len != b->pp_len ||
	    memcmp(a->spec, b->spec, a->spec_len) != 0 ||
	    memcmp(a->pp, b->pp, a->pp_len) != 0)
		return 0;
	for (i = 0; i < a->nports; i++)
		if (strcmp(a->ports[i].proto, b->ports[i].proto) != 0 ||
		    a->ports[i].low != b->ports[i].low ||
		    a->ports[i].high != b->ports[i].high ||
		    strcmp(a->ports[i].type, b->ports[i].type) != 0)
			return 0;
	for (i = 0; i < a->ntrees; i++)
		if (strcmp(a->trees[i], b->trees[i]) != 0)
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf out = STRBUF_INIT;
	struct bundle b, back;
	struct why why;

	if (bundle_parse("fuzz", (const char *)data, size, &b, &why) < 0)
		return 0;
	if (bundle_format(&b, &out, &why) < 0 ||
	    bundle_parse("again", out.data, out.len, &back, &why) < 0 ||
	    !same(&b, &back))
		abort();
	bundle_free(&back);
	bundle_free(&b);
	strbuf_free(&out);
	return 0;
}
