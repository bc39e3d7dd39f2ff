/*
 * unit_label_fc - file_contexts text a labeler unit test starts from,
 * parsed into a fresh struct label_fc (label_fc_parse appends, so it is
 * zeroed first).  The test fails with the parser's "name:line: ..." when
 * the text is malformed: its own fixture, not what it tests.
 *
 * A header of its own, inline: unit_fixture.c is linked into the lib_
 * and gen_ tests too, which have no label_fc.
 */
#ifndef PFSEL_UNIT_LABEL_FC_H
#define PFSEL_UNIT_LABEL_FC_H

#include <string.h>

#include "label_fc.h"
#include "unit_fixture.h"

static inline void
unit_label_fc(struct label_fc *fc, const char *name, const char *text)
{
	struct why why;

	memset(fc, 0, sizeof(*fc));
	if (label_fc_parse(fc, name, text, strlen(text), &why) < 0)
		fail_msg("%s", why.text);
}

#endif
