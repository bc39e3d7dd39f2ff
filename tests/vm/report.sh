#!/bin/bash
# report.sh - judge and print the results of one check-vm guest run.
#
# Called by check-vm.sh: report.sh BUILD RUNDIR.  Reads RUNDIR/out (the
# guest's summary.tsv and per-scenario logs).  A scenario PASSES when its
# baseline (stock policy) logged denials, and with pfsel its traffic
# worked, its label and domain checks passed and it logged no denial.
# Then "pfsel-label review" reads each baseline's real audit records and
# must name the scenario's fix (tests/vm/scenarios/*/review.expect).
# Exit 1 when a scenario failed; SKIPPED ones are named with the reason.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$1 run=$2
out=$run/out
sum=$out/summary.tsv
failed=0

# field SCENARIO PHASE COLUMN: one column of summary.tsv.
field() { awk -F'\t' -v s="$1" -v p="$2" -v c="$3" '$1==s&&$2==p{print $c}' "$sum"; }

skip_reason() {
	local r
	r=$(grep -v '^#\|^rc=' "$out/install.log" 2>/dev/null | tail -2 | tr '\n' ' ')
	echo "pfsel-gen install/pfsel-label apply failed in the guest: ${r:-see $out/install.log}"
}

printf '%-12s %9s %9s %-17s %-7s %6s  %s\n' scenario "base-den" \
	"pfsel-den" "traffic(b/pfsel)" checks wall result
for s in $(cut -f1 "$sum" | sort -u); do
	bd=$(field "$s" baseline 4) bt=$(field "$s" baseline 3)
	pd=$(field "$s" pfsel 4) pt=$(field "$s" pfsel 3) pc=$(field "$s" pfsel 5)
	wall=$(($(field "$s" baseline 6) + $(field "$s" pfsel 6) + 0))
	why=
	if [ "$bt" = SKIPPED ]; then
		res=SKIPPED why="not run: $(field "$s" baseline 7)"
	elif [ -z "$bd" ] || [ "$bd" = - ] || [ "$bd" -eq 0 ]; then
		res=FAIL why="baseline logged no denial: the test cannot fail"
	elif [ -z "$pt" ]; then
		res=FAIL why="the pfsel phase did not run (guest stopped, see $run/console.log)"
	elif [ "$pt" = SKIPPED ]; then
		res=SKIPPED why=$(field "$s" pfsel 7)
		[ -n "$why" ] || why=$(skip_reason)
	elif [ "$pt" != ok ] || [ "$pc" != ok ] || [ "$pd" != 0 ]; then
		res=FAIL why="with pfsel: traffic=$pt checks=$pc denials=$pd"
	else
		res=PASS
	fi
	printf '%-12s %9s %9s %-17s %-7s %5ss  %s\n' "$s" "${bd:--}" "${pd:--}" \
		"$bt/$pt" "${pc:--}" "$wall" "$res${why:+ ($why)}"
	if [ "$res" = FAIL ]; then
		failed=1
		for ph in baseline pfsel; do
			d=$out/res/$s/$ph
			[ -d "$d" ] || continue
			grep -h '^FAIL' "$d"/*.log 2>/dev/null | sed "s/^/    $ph: /"
			[ -s "$d/avc.txt" ] && echo "    $ph denials: $d/avc.txt"
		done
	fi
done

# "pfsel-label review" on the real baseline records.
echo
rv_failed=0
for s in $(cut -f1 "$sum" | sort -u); do
	log=$out/res/$s/baseline/avc.audit.log
	expect=$here/scenarios/$s/review.expect
	[ -f "$log" ] && [ -f "$expect" ] || continue
	rout=$out/res/$s/review.txt
	# review reads policy/ (label-guard) like the integration tests do:
	# from this checkout, not the data directory compiled into build/.
	PFSEL_DATADIR=$top "$build/pfsel-label" review "$log" >"$rout" 2>&1
	rrc=$?
	if grep -q 'not built yet' "$rout"; then
		echo "review $s: SKIPPED (pfsel-label review is not implemented yet)"
		continue
	fi
	miss=
	while IFS= read -r re; do
		case $re in '' | '#'*) continue ;; esac
		grep -Eq -- "$re" "$rout" || miss="$miss '$re'"
	done <"$expect"
	if [ -z "$miss" ]; then
		echo "review $s: PASS (proposes $(grep -v '^#' "$expect" | tr '\n' ' '))"
	else
		echo "review $s: FAIL (exit $rrc; output lacks$miss; see $rout)"
		rv_failed=1
	fi
done
[ $rv_failed = 1 ] && failed=1

# "pfsel-label doctor", run in the guest at the end of each phase
# (guest/lib.sh doctor_phase): in the baseline it must name the
# scenario's problem (every line of scenarios/*/doctor.expect, an
# extended regular expression, matches its output); with pfsel it must
# report no error (an [ERROR] line is about Postfix: its labels, ports,
# processes, modules, permissive mail domains or mail denials).
dr_failed=0
for s in $(cut -f1 "$sum" | sort -u); do
	expect=$here/scenarios/$s/doctor.expect
	base=$out/res/$s/baseline/doctor.txt pf=$out/res/$s/pfsel/doctor.txt
	[ -f "$expect" ] && [ "$(field "$s" baseline 3)" != SKIPPED ] || continue
	if [ ! -f "$base" ]; then
		echo "doctor $s: FAIL (no doctor output in the baseline: $base)"
		dr_failed=1
		continue
	fi
	miss=
	while IFS= read -r re; do
		case $re in '' | '#'*) continue ;; esac
		grep -Eq -- "$re" "$base" || miss="$miss '$re'"
	done <"$expect"
	errs=$( [ -f "$pf" ] && grep -c '^  \[ERROR\]' "$pf")
	if [ -n "$miss" ]; then
		echo "doctor $s: FAIL (baseline output lacks$miss; see $base)"
		dr_failed=1
	elif [ ! -f "$pf" ]; then
		echo "doctor $s: baseline PASS; pfsel phase not run"
	elif [ "$errs" != 0 ]; then
		echo "doctor $s: FAIL (with pfsel: $errs error(s); see $pf)"
		grep -A1 '^  \[ERROR\]' "$pf" | sed 's/^/    /'
		dr_failed=1
	else
		echo "doctor $s: PASS (baseline names $(grep -v '^#' "$expect" | tr '\n' ' '); pfsel: no error, exit $(cat "${pf%.txt}.rc"))"
	fi
done
[ $dr_failed = 1 ] && failed=1

if [ $failed = 1 ]; then
	echo
	echo "check-vm: FAILED; logs of this run:"
	echo "  console: $run/console.log"
	echo "  audit:   $out/audit.log"
	echo "  journal: $out/journal.txt"
	echo "  driver:  $out/main.log"
fi
exit $failed
