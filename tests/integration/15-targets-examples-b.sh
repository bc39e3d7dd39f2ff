#!/bin/bash
# 15-targets-examples-b - examples ports, queue, rspamd, vmail on the
# host's policy and on every Red Hat family kit (tests/lib/recipes.sh).
source "$PFSEL_TOP/tests/lib/recipes.sh"
ex=$PFSEL_TOP/examples
recipes_on_targets ports="$ex/ports/spec.ini" queue="$ex/queue/spec.ini" \
	rspamd="$ex/rspamd/spec.ini" vmail="$ex/vmail/spec.ini"
exit $T_FAILED
