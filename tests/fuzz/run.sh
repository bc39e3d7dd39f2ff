#!/bin/bash
# run.sh - run every built libFuzzer target for a bounded time.
#
#   tests/fuzz/run.sh BUILD_DIR SECONDS
#
# Each BUILD_DIR/fuzz_* target runs SECONDS seconds, seeded from
# tests/fuzz/corpus/NAME/ (read only: new inputs go to a temporary
# directory so the repository stays clean).  Any crash, leak or
# sanitizer report fails the run; crash inputs are kept in
# build/fuzz-artifacts/NAME/.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
# fuzz_gen_scan reads policy/ (servers.map) from this tree
export PFSEL_DATADIR=${PFSEL_DATADIR:-$top}
[ $# -eq 2 ] || { echo "usage: run.sh BUILD_DIR SECONDS" >&2; exit 2; }
build=$1 seconds=$2
failed=0 ran=0
for t in "$build"/fuzz_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	seeds=$top/tests/fuzz/corpus/$name
	work=$(mktemp -d "${TMPDIR:-/tmp}/pfsel-fuzz.XXXXXX")
	art=$top/build/fuzz-artifacts/$name
	mkdir -p "$art" "$seeds"
	echo "fuzz: $name for ${seconds}s"
	if "$t" -max_total_time="$seconds" -artifact_prefix="$art/" \
		"$work" "$seeds" >"$work.log" 2>&1; then
		echo "fuzz: $name ok ($(grep -c . "$work.log") log lines)"
	else
		echo "fuzz: $name FAILED (artifacts in $art)"
		tail -30 "$work.log"
		failed=$((failed + 1))
	fi
	ran=$((ran + 1))
	rm -rf "$work" "$work.log"
done
echo "fuzz: $ran targets, $failed failed"
[ "$failed" = 0 ]
