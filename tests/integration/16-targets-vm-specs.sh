#!/bin/bash
# 16-targets-vm-specs - every tests/vm scenario spec, as its own module
# (check-vm.sh joins them under one [module] for the guest), on the
# host's policy and on every Red Hat family kit (tests/lib/targets.sh).
source "$PFSEL_TOP/tests/lib/targets.sh"
specs=$(tmpdir)
pairs=()
for f in "$PFSEL_TOP"/tests/vm/scenarios/*/spec.ini; do
	s=$(basename "$(dirname "$f")")
	{
		printf '[module]\nname = pfsel_vm%s\n\n' "${s%%-*}"
		cat "$f"
	} >"$specs/$s.ini"
	pairs+=("vm $s=$specs/$s.ini")
done
recipes_on_targets "${pairs[@]}"
exit $T_FAILED
