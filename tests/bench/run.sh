#!/bin/bash
# run.sh - run pfsel's benchmarks: every tests/bench/NN-*.sh in order,
# each given the build directory (where pfsel-gen and pfsel-label are)
# as $1.  Each prints its own "bench ..." lines; a failing benchmark is
# reported and makes the run fail.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build=$top/$build ;; esac
export PFSEL_TOP=$top PFSEL_BIN=$build PFSEL_DATADIR=${PFSEL_DATADIR:-$top}
failed=0
for b in "$top"/tests/bench/[0-9]*.sh; do
	[ -f "$b" ] || continue
	echo "== $(basename "$b" .sh)"
	if ! bash "$b" "$build"; then
		echo "bench: $(basename "$b") FAILED"
		failed=$((failed + 1))
	fi
done
[ "$failed" = 0 ]
