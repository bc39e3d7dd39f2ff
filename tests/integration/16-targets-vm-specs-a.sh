#!/bin/bash
# 16-targets-vm-specs-a - tests/vm scenario specs 01-03 on the host's
# policy and on every Red Hat family kit (tests/lib/targets.sh).
source "$PFSEL_TOP/tests/lib/targets.sh"
vm_specs_on_targets 01-daemon 02-opendkim 03-maillog
exit $T_FAILED
