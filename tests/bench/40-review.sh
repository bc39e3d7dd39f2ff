#!/bin/bash
# 40-review - pfsel-label review on logs of 100k and 1M AVC records
# made from real records (tests/bench/gen-avc-log.py over the 2006
# Fedora log of tests/data/audit, 422 distinct denials), beside
# audit2allow -p and audit2why -p (100k) and wc -l (reading the bytes).
#
#   tests/bench/40-review.sh BUILD_DIR
#
# Prints wall time (best of 3 for the fast commands, the machine is
# shared), user+sys CPU and peak RSS, and checks the targets on wall
# time: at least 50x faster than audit2allow, within 5x of wc -l, peak
# RSS under 32 MB at 1M AVCs.  The CPU ratios are printed beside them
# (on a loaded machine wall time mostly measures the wait for a core).
# A missed target fails the benchmark.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$top/build}
LABEL=$build/pfsel-label
POLICY=$(ls /etc/selinux/default/policy/policy.* | sort -V | tail -1)
SRC=$top/tests/data/audit/selinux/python_sepolgen_tests_test_data_audit.log
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pfsel-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

/usr/bin/python3 "$top/tests/bench/gen-avc-log.py" "$SRC" 100000 >"$tmp/100k.log"
/usr/bin/python3 "$top/tests/bench/gen-avc-log.py" "$SRC" 1000000 >"$tmp/1m.log"

# measure RUNS CMD... -> "wall cpu rss_kb" (best wall of RUNS runs)
measure() {
	local runs=$1 best= line i
	shift
	for ((i = 0; i < runs; i++)); do
		line=$(/usr/bin/time -f '%e %U %S %M' "$@" 2>&1 >/dev/null | tail -1)
		if [ -z "$best" ] || awk "BEGIN{exit !(${line%% *} < ${best%% *})}"; then
			best=$line
		fi
	done
	awk '{printf "%.2f %.2f %d\n", $1, $2 + $3, $4}' <<<"$best"
}

report() { # label "wall cpu rss"
	set -- "$1" $2
	printf 'bench review: %-28s %7.2f s wall %7.2f s cpu %8d KB peak RSS\n' "$1" "$2" "$3" "$4"
}

cat "$tmp/100k.log" "$tmp/1m.log" >/dev/null # warm the page cache
wc100k=$(measure 3 wc -l "$tmp/100k.log")
pf100k=$(measure 3 "$LABEL" review -p "$POLICY" "$tmp/100k.log")
a2a=$(measure 1 audit2allow -p "$POLICY" -i "$tmp/100k.log")
a2w=$(measure 1 audit2why -p "$POLICY" -i "$tmp/100k.log")
wc1m=$(measure 3 wc -l "$tmp/1m.log")
pf1m=$(measure 3 "$LABEL" review -p "$POLICY" "$tmp/1m.log")

echo "bench review: logs $(du -h "$tmp/100k.log" | cut -f1) (100k AVC), $(du -h "$tmp/1m.log" | cut -f1) (1M AVC)"
report "wc -l, 100k" "$wc100k"
report "pfsel-label review, 100k" "$pf100k"
report "audit2allow -p, 100k" "$a2a"
report "audit2why -p, 100k" "$a2w"
report "wc -l, 1M" "$wc1m"
report "pfsel-label review, 1M" "$pf1m"

failed=0
target() { # description ok(0/1)
	if [ "$2" = 1 ]; then
		echo "bench review: target met: $1"
	else
		echo "bench review: TARGET MISSED: $1"
		failed=1
	fi
}
set -- $pf100k; pw=$1
set -- $a2a; aw=$1
set -- $pf1m; pw1=$1 prss=$3
set -- $wc1m; ww1=$1
set -- $pf100k; pc=$2
set -- $a2a; ac=$2
set -- $pf1m; pc1=$2
set -- $wc1m; wc1=$2
echo "bench review: cpu ratios: audit2allow/review on 100k $(awk "BEGIN{printf \"%.1f\", $ac / ($pc > 0 ? $pc : 0.01)}")x, review/wc -l on 1M $(awk "BEGIN{printf \"%.1f\", $pc1 / ($wc1 > 0 ? $wc1 : 0.01)}")x"
x=$(awk "BEGIN{printf \"%.1f\", $aw / ($pw > 0 ? $pw : 0.01)}")
target "50x faster than audit2allow on 100k (${x}x)" \
	"$(awk "BEGIN{print ($x >= 50)}")"
x=$(awk "BEGIN{printf \"%.1f\", $pw1 / ($ww1 > 0 ? $ww1 : 0.01)}")
target "within 5x of wc -l on 1M (${x}x)" "$(awk "BEGIN{print ($x <= 5)}")"
target "peak RSS under 32 MB at 1M AVCs ($((prss / 1024)) MB)" \
	"$([ "$prss" -lt $((32 * 1024)) ] && echo 1 || echo 0)"
exit $failed
