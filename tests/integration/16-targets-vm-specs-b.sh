#!/bin/bash
# 16-targets-vm-specs-b - tests/vm scenario specs 04-06 on the host's
# policy and on every Red Hat family kit (tests/lib/targets.sh).
source "$PFSEL_TOP/tests/lib/targets.sh"
vm_specs_on_targets 04-vmail 05-ports 06-queue
exit $T_FAILED
