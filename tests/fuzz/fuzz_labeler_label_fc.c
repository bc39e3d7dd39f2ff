/*
 * fuzz_labeler_label_fc - libFuzzer target for labeler/label_fc.c and
 * the memo built on it (labeler/label_memo.c).
 *
 * file_contexts files come from modules and admins' .local files, so the
 * parser must survive any bytes; whatever it accepts must give specs
 * with a regex and a context, and the memo must compile and partially
 * match them without crashing (a regex that does not compile is
 * tolerated, as selabel tolerates it until used).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "label_fc.h"
#include "label_memo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct label_fc fc = {0};
	struct label_memo_dir md, child;
	struct label_memo *m;
	struct why why;
	uint64_t sig;
	size_t i;
	void *td;

	if (label_fc_parse(&fc, "fuzz", (const char *)data, size, &why) < 0) {
		if (strstr(why.text, "fuzz") == NULL)
			abort(); /* every error names the file */
		label_fc_free(&fc);
		return 0;
	}
	for (i = 0; i < fc.nspecs; i++)
		if (!*fc.specs[i].regex || !*fc.specs[i].context ||
		    strchr(fc.specs[i].regex, '\n') || fc.specs[i].line < 1)
			abort();
	/* The subs syntax is a subset; it must not crash either. */
	label_fc_parse_subs(&fc, "fuzz.subs", (const char *)data, size, &why);
	m = label_memo_new(&fc, 1);
	td = label_memo_thread_data(m);
	label_memo_dir_init(m, td, &md, NULL, "/var/spool");
	label_memo_dir_init(m, td, &child, &md, "/var/spool/postfix");
	label_memo_sig(m, td, &child, "/var/spool/postfix/x", 20, &sig);
	label_memo_dir_free(&child);
	label_memo_dir_free(&md);
	label_memo_thread_free(td);
	label_memo_free(m);
	label_fc_free(&fc);
	return 0;
}
