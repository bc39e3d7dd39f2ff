#!/bin/bash
# 15-targets-examples-b - examples ports, queue, rspamd, vmail on the
# host's policy and on every Red Hat family kit (tests/lib/targets.sh).
# The moved queue is labeled as each target labels its stock queue.
source "$PFSEL_TOP/tests/lib/targets.sh"
source "$PFSEL_TOP/tests/lib/recipes.sh"
after_install() { # TARGET ROOT LABEL
	[ "$3" = queue ] && queue_like_stock "$2" "$1"
	return 0
}
ex=$PFSEL_TOP/examples
recipes_on_targets ports="$ex/ports/spec.ini" queue="$ex/queue/spec.ini" \
	rspamd="$ex/rspamd/spec.ini" vmail="$ex/vmail/spec.ini"
exit $T_FAILED
