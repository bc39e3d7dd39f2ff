#!/bin/bash
# 25-install-unchanged - a real install of the full example spec beside
# the same install run again, when the store already holds it all
# (issue 15: target under 0.3 s; no build, no store commit).  Each run
# must succeed and say what it did: "installed" then "unchanged", and the
# second must not have committed (active/commit_num unchanged).
#
#   tests/bench/25-install-unchanged.sh BUILD_DIR   ($BENCH_SPEC overrides)
set -u
PFSEL_BIN=$(cd "${1:-build}" && pwd)
export PFSEL_BIN
source "$PFSEL_TOP/tests/lib/testlib.sh"
BENCH=install-unchanged
source "$PFSEL_TOP/tests/lib/benchlib.sh"
spec=${BENCH_SPEC:-$PFSEL_TOP/examples/full/spec.ini}

root=$(scratch_root) || die "scratch root"
commit_num=$root/var/lib/selinux/$(selinux_type_of "$root")/active/commit_num

t0=$(now)
out=$("$GEN" install "$spec" --root "$root" 2>&1) || die "install: $out"
t1=$(now)
grep -q "^installed " <<<"$out" || die "first install did not install: $out"
n=$(od -An -tu4 -N4 "$commit_num")
t2=$(now)
out=$("$GEN" install "$spec" --root "$root" 2>&1) || die "second install: $out"
t3=$(now)
grep -q "unchanged" <<<"$out" || die "second install did not say unchanged: $out"
[ "$n" = "$(od -An -tu4 -N4 "$commit_num")" ] || die "second install committed"
say "spec $spec"
say "install (build + 1 transaction)     $(secs "$t0" "$t1") s"
say "install again (unchanged, no commit) $(secs "$t2" "$t3") s"
# Issue 15's target: a repeated install is a check, not a build.
again=$(secs "$t2" "$t3")
say "target: under 0.3 s"
awk -v t="$again" 'BEGIN { exit !(t < 0.3) }' ||
	die "the unchanged install took $again s"
