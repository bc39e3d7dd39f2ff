#!/bin/bash
# run.sh - run pfsel's test suite and print one total.
#
#   tests/run.sh --build DIR [--asan-build DIR] [--only unit|integration]
#
# Unit tests (cmocka binaries in DIR/tests) run plain, under valgrind, and
# from the ASan/UBSan build when one is given.  Integration tests
# (tests/integration/*.sh) run against the sanitizer-built programs when
# there are some, else the plain ones; each prints "ok - ..." or
# "not ok - ..." lines.  The last line is "check: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=build asan= only= jobs=${PFSEL_TEST_JOBS:-$(nproc)}
while [ $# -gt 0 ]; do
	case "$1" in
	--build) build=$2; shift 2 ;;
	--asan-build) asan=$2; shift 2 ;;
	--only) only=$2; shift 2 ;;
	*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
cd "$top" || exit 2
logdir=$top/build/test-logs
mkdir -p "$logdir"
passed=0 failed=0 failures=()

# cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)".
count_cmocka() { # name log rc
	local p f
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$2" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$2" | tail -1)
	p=${p:-0} f=${f:-0}
	if [ "$3" != 0 ] && [ "$f" = 0 ]; then f=1; fi
	passed=$((passed + p)) failed=$((failed + f))
	[ "$f" = 0 ] || failures+=("$1 (log: $2)")
	printf '%-48s %3d passed, %d failed\n' "$1" "$p" "$f"
}

run_unit() { # label dir wrapper...
	local label=$1 dir=$2 t name log rc
	shift 2
	for t in "$dir"/tests/*; do
		[ -x "$t" ] || continue
		name="$label/$(basename "$t")"
		log="$logdir/${name//\//_}.log"
		"$@" "$t" >"$log" 2>&1
		rc=$?
		count_cmocka "$name" "$log" "$rc"
	done
}

# Integration tests spend most of their time in single-threaded tools
# (semodule, checkmodule, setfiles), so they run $jobs at a time; their
# results are counted in order once all are done.
run_integration() { # bindir
	local s name log rc p f running=0
	local -a names=()
	for s in tests/integration/*.sh; do
		[ -f "$s" ] || continue
		name=integration/$(basename "$s" .sh)
		log="$logdir/${name//\//_}.log"
		names+=("$name")
		(
			start=$(date +%s)
			PFSEL_BIN=$1 PFSEL_DATADIR=$top PFSEL_TOP=$top \
				bash "$s" >"$log" 2>&1 </dev/null
			echo $? >"$log.rc"
			echo $(($(date +%s) - start)) >"$log.secs"
		) &
		running=$((running + 1))
		if [ "$running" -ge "$jobs" ]; then
			wait -n
			running=$((running - 1))
		fi
	done
	wait
	for name in "${names[@]}"; do
		log="$logdir/${name//\//_}.log"
		rc=$(cat "$log.rc" 2>/dev/null || echo 1)
		p=$(grep -c '^ok ' "$log")
		f=$(grep -c '^not ok ' "$log")
		if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
		passed=$((passed + p)) failed=$((failed + f))
		[ "$f" = 0 ] || failures+=("$name (log: $log)")
		printf '%-48s %3d passed, %d failed (%ss)\n' "$name" "$p" "$f" \
			"$(cat "$log.secs" 2>/dev/null)"
		grep -a '^SKIPPED' "$log" | sort -u | sed 's/^/  /'
	done
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

if [ "$only" != integration ]; then
	run_unit unit "$build"
	if [ -z "$only" ]; then
		run_unit valgrind "$build" valgrind -q --error-exitcode=99 \
			--leak-check=full --errors-for-leak-kinds=definite
		[ -n "$asan" ] && run_unit asan "$asan"
	fi
fi
if [ "$only" != unit ]; then
	bindir=$top/$build
	[ -n "$asan" ] && bindir=$top/$asan
	run_integration "$bindir"
fi

for f in "${failures[@]}"; do
	echo "FAILED: $f"
done
echo "check: $passed passed, $failed failed"
[ "$failed" = 0 ]
