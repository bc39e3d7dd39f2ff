#!/bin/bash
# 15-targets-examples-a - examples daemon, full, maillog, opendkim on the
# host's policy and on every Red Hat family kit (tests/lib/targets.sh):
# emit, selint, build with the target's headers, install into the
# target's own store, uninstall, store byte-identical afterwards.
source "$PFSEL_TOP/tests/lib/targets.sh"
ex=$PFSEL_TOP/examples
recipes_on_targets daemon="$ex/daemon/spec.ini" full="$ex/full/spec.ini" \
	maillog="$ex/maillog/spec.ini" opendkim="$ex/opendkim/spec.ini"
exit $T_FAILED
