#!/bin/bash
# capture.sh - keep a run's baseline audit records as test data.
#
# Called by check-vm.sh when PFSEL_VM_CAPTURE=1: capture.sh RUNDIR DEST
# copies RUNDIR/out/res/NN-name/baseline/avc.audit.log (every audit record
# of the scenario's baseline window, stock policy, enforcing guest) to
# DEST/NN-name.audit.log.  DEST/PROVENANCE.md says how they were made.
set -eu
run=$1 dest=$2
mkdir -p "$dest"
for d in "$run"/out/res/*/baseline; do
	s=$(basename "$(dirname "$d")")
	[ -s "$d/avc.audit.log" ] || continue
	cp "$d/avc.audit.log" "$dest/$s.audit.log"
	echo "capture: $dest/$s.audit.log ($(grep -c 'avc: *denied' "$d/avc.audit.log") denials)"
done
