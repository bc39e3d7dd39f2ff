#!/bin/bash
# 47-review-threads - a large log read in pieces on several threads
# (review_pieces.c) gives exactly the report of the log read whole on
# one thread: real records (the sepolgen test log repeated by
# tests/bench/gen-avc-log.py), one event spanning the whole file (no
# clean cut anywhere), a line longer than the cut window at the middle,
# several files and stdin, a thread done early taking the rest of the
# other's piece, the policy loader joining the readers; -j is checked.
source "$PFSEL_TOP/tests/lib/testlib.sh"
POLICY=$(host_policy)
PY=/usr/bin/python3
SRC=$TESTDATA/audit/selinux/python_sepolgen_tests_test_data_audit.log

review() { "$LABEL" review --json -p "$POLICY" "$@" 2>&1; }

# 40k AVCs, ~22 MB: four pieces of at least 4 MB each.
$PY "$PFSEL_TOP/tests/bench/gen-avc-log.py" "$SRC" 40000 >"$T_TMP/big.log"
review -j1 "$T_TMP/big.log" >"$T_TMP/j1.json"
check "one thread: 40000 denials" grep -q '"denials":40000' "$T_TMP/j1.json"
check "one thread: executables joined from SYSCALL records" \
	grep -q '"exes":\["/' "$T_TMP/j1.json"
for j in 2 3 4 7; do
	review -j"$j" "$T_TMP/big.log" >"$T_TMP/j$j.json"
	check "-j$j: the same report as one thread" cmp "$T_TMP/j1.json" "$T_TMP/j$j.json"
done
cat "$T_TMP/big.log" | review -j4 >"$T_TMP/pipe.json"
check "a pipe (read as one stream) gives the same report" \
	cmp "$T_TMP/j1.json" "$T_TMP/pipe.json"
# Rotated logs: the first file ends between an AVC and its SYSCALL
# record, which the second file holds.
cut=$(awk 'NR > 60000 && prev ~ /^type=AVC / && /^type=SYSCALL / { print NR; exit } { prev = $0 }' "$T_TMP/big.log")
head -n $((cut - 1)) "$T_TMP/big.log" >"$T_TMP/a.log"
tail -n +"$cut" "$T_TMP/big.log" >"$T_TMP/b.log"
review -j4 "$T_TMP/a.log" "$T_TMP/b.log" >"$T_TMP/ab.json"
check "two files, an event across them, on threads: the same report" \
	cmp "$T_TMP/j1.json" "$T_TMP/ab.json"

# One event (one serial) over 9 MB: no cut is clean, the records must
# still meet.
$PY - "$T_TMP/one-event.log" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        f.write("type=AVC msg=audit(1700000000.%03d:77): avc:  denied  "
                "{ read } for  pid=1 comm=\"c%d\" name=\"f\" "
                "scontext=system_u:system_r:postfix_smtpd_t:s0 "
                "tcontext=system_u:object_r:etc_t:s0 tclass=file\n"
                % (i % 1000, i % 3))
        f.write("type=SYSCALL msg=audit(1700000000.%03d:77): arch=c000003e "
                "syscall=2 success=no exit=-13 " % (i % 1000)
                + "a0=0 " * 40 + "exe=\"/usr/lib/postfix/sbin/smtpd\"\n")
EOF
review -j1 "$T_TMP/one-event.log" >"$T_TMP/e1.json"
review -j3 "$T_TMP/one-event.log" >"$T_TMP/e3.json"
check "one event over the whole file: the same report on 3 threads" \
	cmp "$T_TMP/e1.json" "$T_TMP/e3.json"
check "one event: the executable is joined" \
	grep -q '"exes":\["/usr/lib/postfix/sbin/smtpd"\]' "$T_TMP/e3.json"

# A line of 1 MB of garbage where the file is cut.
{
	head -c 4500000 "$T_TMP/big.log" | sed '$d'
	head -c 1000000 /dev/zero | tr '\0' 'x'
	echo
	tail -c 4500000 "$T_TMP/big.log" | sed 1d
} >"$T_TMP/long-line.log"
review -j1 "$T_TMP/long-line.log" >"$T_TMP/l1.json"
review -j2 "$T_TMP/long-line.log" >"$T_TMP/l2.json"
check "a 1 MB line at the cut: the same report on 2 threads" \
	cmp "$T_TMP/l1.json" "$T_TMP/l2.json"

# A thread done early takes half of what is left of the other's piece:
# the first half of this log is 60 MB without records, in lines of 4000
# bytes that are read in a few ms, the second 60 MB of AVCs; with -j3
# two readers start (the policy loader comes third).  Each cut reads the
# 64 KB around it, so a split shows as a second such pread.
$PY "$PFSEL_TOP/tests/bench/gen-avc-log.py" "$SRC" 110000 >"$T_TMP/60m.log"
head -c "$(stat -c %s "$T_TMP/60m.log")" /dev/zero | tr '\0' 'j' |
	fold -w 4000 >"$T_TMP/skew.log"
cat "$T_TMP/60m.log" >>"$T_TMP/skew.log"
# The threads run on one CPU, so that how far each gets depends on its
# own work and a fair share, not on what else the machine runs (the
# suite runs tests side by side).  (LeakSanitizer cannot run under
# ptrace; the other runs check leaks.)
traced() { # OUT ARGS...
	local out=$1
	shift
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
		taskset -c 0 strace -f -qq -e trace=pread64 -o "$T_TMP/strace" \
		"$LABEL" review --json -p "$POLICY" "$@" >"$out"
	grep -c ', 65536, ' "$T_TMP/strace"
}
review -j1 "$T_TMP/skew.log" >"$T_TMP/s1.json"
cuts=$(traced "$T_TMP/s3.json" -j3 "$T_TMP/skew.log")
check "a piece split while read: the same report on 3 threads" \
	cmp "$T_TMP/s1.json" "$T_TMP/s3.json"
check "the reader done first split the other's piece ($cuts cuts)" \
	test "$cuts" -ge 2
# With -j2 one reader starts and the policy loader, once done, takes
# half of what is left of the 60 MB of AVCs.
review -j1 "$T_TMP/60m.log" >"$T_TMP/h1.json"
cuts=$(traced "$T_TMP/h2.json" -j2 "$T_TMP/60m.log")
check "the policy loader helped read: the same report on 2 threads" \
	cmp "$T_TMP/h1.json" "$T_TMP/h2.json"
check "the policy loader took a piece ($cuts cuts)" test "$cuts" -ge 1
rm -f "$T_TMP/skew.log" "$T_TMP/60m.log"

check_eq "-j0 is refused" 2 "$(status "$LABEL" review -j0 -p "$POLICY" "$T_TMP/a.log")"
check_eq "-j x is refused" 2 "$(status "$LABEL" review -j x -p "$POLICY" "$T_TMP/a.log")"
check_eq "--threads=257 is refused" 2 "$(status "$LABEL" review --threads=257 -p "$POLICY" "$T_TMP/a.log")"
check "-j names the bad value" sh -c \
	"'$LABEL' review -j x -p '$POLICY' '$T_TMP/a.log' 2>&1 | grep -q 'not \"x\"'"
exit 0
