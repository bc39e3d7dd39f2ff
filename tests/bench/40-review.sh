#!/bin/bash
# 40-review - pfsel-label review on logs of 100k and 1M AVC records
# made from real records (tests/bench/gen-avc-log.py over the 2006
# Fedora log of tests/data/audit, 422 distinct denials), beside
# audit2allow -p and audit2why -p (100k) and wc -l (reading the bytes).
#
#   tests/bench/40-review.sh BUILD_DIR
#
# Prints wall time, user+sys CPU and peak RSS, and checks the targets
# on wall time: at least 50x faster than audit2allow, within 5x of wc -l,
# peak RSS under 32 MB at 1M AVCs.  The machine is shared and its speed
# drifts by tens of percent within a minute, so each ratio comes from
# runs made back to back: audit2allow once between review runs, and on
# the 1M log five (wc -l, review) pairs, each the better of two runs,
# whose middle ratio is the one checked (all five are printed).  Wall time is read to the microsecond:
# /usr/bin/time's 10 ms steps were a seventh of wc -l's time.  The CPU
# ratios are printed beside them (on a loaded machine wall time mostly
# measures the wait for a core).  A missed target fails the benchmark,
# and so does a timed command that exits with another status than its
# own (review: 1, there are denials to fix; the others 0) or a review
# whose first line does not count every AVC of the log in its 422 groups:
# a time is only worth what the command did.
#   PFSEL_BENCH_PAIRS (5) changes the number of 1M pairs.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
BENCH=review
source "$top/tests/lib/benchlib.sh"
build=${1:-$top/build}
LABEL=$build/pfsel-label
POLICY=$(ls /etc/selinux/default/policy/policy.* | sort -V | tail -1)
SRC=$top/tests/data/audit/selinux/python_sepolgen_tests_test_data_audit.log
pairs=${PFSEL_BENCH_PAIRS:-5}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pfsel-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

/usr/bin/python3 "$top/tests/bench/gen-avc-log.py" "$SRC" 100000 >"$tmp/100k.log"
/usr/bin/python3 "$top/tests/bench/gen-avc-log.py" "$SRC" 1000000 >"$tmp/1m.log"

# once WANT CMD... -> "wall cpu rss_kb" of one run; wall less the cost
# of starting the wrappers ($overhead, measured below on true(1)).  CMD
# must exit with status WANT; its output is kept in $tmp/out.  A wrong
# status is recorded in $tmp/failed (once runs in a subshell) and stops
# the benchmark at the next failed_stop.
overhead=0
once() {
	local t0 t1 user sys rss rc want=$1
	shift
	t0=$EPOCHREALTIME
	"${boost[@]}" /usr/bin/time -o "$tmp/time" -f '%U %S %M' "$@" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	t1=$EPOCHREALTIME
	if [ "$rc" != "$want" ]; then
		echo "$* exited $rc, not $want: $(head -c 300 "$tmp/err")" >>"$tmp/failed"
	fi
	read -r user sys rss < <(tail -1 "$tmp/time")
	printf '%.4f %.2f %d\n' "$(calc "$t1 - $t0 - $overhead")" \
		"$(calc "$user + $sys")" "$rss"
}

# best RUNS WANT CMD... -> wall and CPU of the run with the least wall
# time, and the highest peak RSS of all the runs
best() {
	local runs=$1 b= line i rss=0
	shift
	for ((i = 0; i < runs; i++)); do
		line=$(once "$@")
		[ "${line##* }" -gt "$rss" ] && rss=${line##* }
		if [ -z "$b" ] || awk "BEGIN{exit !(${line%% *} < ${b%% *})}"; then
			b=$line
		fi
	done
	echo "${b% *} $rss"
}

# failed_stop: end the benchmark if a timed command failed.
failed_stop() {
	[ -s "$tmp/failed" ] || return 0
	sed 's/^/bench review: FAILED: /' "$tmp/failed"
	exit 1
}
# review_counted LOG: the output of the last review run ($tmp/out) counts
# every AVC record of LOG and the 422 distinct denials the logs hold.
review_counted() {
	local avcs
	avcs=$(grep -c 'type=AVC ' "$1")
	head -1 "$tmp/out" | grep -q "^[0-9]* lines: $avcs AVC, .* in 422 groups; 0 malformed" ||
		echo "review of $1: not \"$avcs AVC ... 422 groups\": $(head -1 "$tmp/out")" >>"$tmp/failed"
	failed_stop
}

report() { # label "wall cpu rss"
	set -- "$1" $2
	printf 'bench review: %-28s %7.3f s wall %7.2f s cpu %8d KB peak RSS\n' \
		"$1" "$2" "$3" "$4"
}

cat "$tmp/100k.log" "$tmp/1m.log" >/dev/null # warm the page cache
overhead=$(best 5 0 true | cut -d' ' -f1)
echo "bench review: starting a timed command costs $(calc "$overhead * 1000" | xargs printf '%.1f') ms, taken off every wall time"
echo "bench review: logs $(du -h "$tmp/100k.log" | cut -f1) (100k AVC), $(du -h "$tmp/1m.log" | cut -f1) (1M AVC)"
report "wc -l, 100k" "$(best 3 0 wc -l "$tmp/100k.log")"
failed_stop
pf100k=$(best 2 1 "$LABEL" review -p "$POLICY" "$tmp/100k.log")
review_counted "$tmp/100k.log"
a2a=$(once 0 audit2allow -p "$POLICY" -i "$tmp/100k.log")
failed_stop
grep -q '^allow ' "$tmp/out" || { echo "bench review: FAILED: audit2allow wrote no allow rule"; exit 1; }
pf100k2=$(best 2 1 "$LABEL" review -p "$POLICY" "$tmp/100k.log")
review_counted "$tmp/100k.log"
awk "BEGIN{exit !(${pf100k2%% *} < ${pf100k%% *})}" && pf100k=$pf100k2
a2w=$(once 0 audit2why -p "$POLICY" -i "$tmp/100k.log")
failed_stop
report "pfsel-label review, 100k" "$pf100k"
report "audit2allow -p, 100k" "$a2a"
report "audit2why -p, 100k" "$a2w"

# The 1M pairs: wc -l then review, each the better of two runs.
ratios=() rss1m=0 pfcpu= wccpu=
for ((i = 0; i < pairs; i++)); do
	wc1m=$(best 2 0 wc -l "$tmp/1m.log")
	failed_stop
	pf1m=$(best 2 1 "$LABEL" review -p "$POLICY" "$tmp/1m.log")
	review_counted "$tmp/1m.log"
	set -- $wc1m; ww=$1 wcpu=$2
	set -- $pf1m; pw=$1 pcpu=$2 prss=$3
	[ "$prss" -gt "$rss1m" ] && rss1m=$prss
	ratios+=("$(calc "$pw / ($ww > 0 ? $ww : 0.001)") $pcpu $wcpu")
	report "wc -l, 1M (pair $((i + 1)))" "$wc1m"
	report "pfsel-label review, 1M" "$pf1m"
done
# The middle pair by wall ratio, and its CPU ratio.
read -r r1m pfcpu wccpu < <(printf '%s\n' "${ratios[@]}" | sort -g |
	sed -n "$(((pairs + 1) / 2))p")
all=$(printf '%s\n' "${ratios[@]}" | awk '{printf "%s%.1f", (NR > 1 ? " " : ""), $1}')

failed=0
target() { # description ok(0/1)
	if [ "$2" = 1 ]; then
		echo "bench review: target met: $1"
	else
		echo "bench review: TARGET MISSED: $1"
		failed=1
	fi
}
set -- $pf100k; pw=$1 pc=$2
set -- $a2a; aw=$1 ac=$2
echo "bench review: cpu ratios: audit2allow/review on 100k $(calc "$ac / ($pc > 0 ? $pc : 0.01)" | xargs printf '%.1f')x, review/wc -l on 1M $(calc "$pfcpu / ($wccpu > 0 ? $wccpu : 0.01)" | xargs printf '%.1f')x"
x=$(calc "$aw / $pw" | xargs printf '%.1f')
target "50x faster than audit2allow on 100k (${x}x)" "$(calc "$x >= 50")"
x=$(printf '%.1f' "$r1m")
target "within 5x of wc -l on 1M (${x}x, the middle of pairs: $all)" \
	"$(calc "$x <= 5")"
target "peak RSS under 32 MB at 1M AVCs ($((rss1m / 1024)) MB)" \
	"$([ "$rss1m" -lt $((32 * 1024)) ] && echo 1 || echo 0)"
exit $failed
