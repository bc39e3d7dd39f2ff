#!/bin/bash
# 4H-review-join-te - the rest of issue 14 point 7.  Records of one
# event are joined however many events lie between them, either way
# round (SYSCALL after its AVC, or before it), read whole or in pieces
# on several threads; --te names the groups it leaves out and why, and
# checkmodule takes every --te output, one with no rule left too.  Run
# on the host's policy and on each Red Hat kit present.
source "$PFSEL_TOP/tests/lib/testlib.sh"
PY=/usr/bin/python3

avc() { # serial type
	echo "type=AVC msg=audit(1700000005.$1:$1): avc:  denied  { read } for  pid=9 comm=\"x\" name=\"f\" scontext=system_u:system_r:postfix_smtpd_t:s0 tcontext=system_u:object_r:$2:s0 tclass=file permissive=0"
}
syscall() { # serial exe
	echo "type=SYSCALL msg=audit(1700000005.$1:$1): arch=c000003e syscall=257 success=no exit=-13 items=1 ppid=1 pid=9 comm=\"x\" exe=\"$2\" key=(null)"
}
exes_of() { # type log... -> the exes of the group on that type
	local t=$1
	shift
	"$LABEL" review --json "$@" 2>/dev/null | $PY -c '
import json, sys
print(" ".join(e for g in json.load(sys.stdin)["groups"] if g["target"] == sys.argv[1] for e in g["exes"]))' "$t"
}

# 3000 events between the two records of event 1 (AVC first) and of
# event 2 (SYSCALL first)
{
	avc 1 user_home_t
	syscall 2 /usr/local/bin/before
	for i in $(seq 100 3099); do avc "$i" etc_t; syscall "$i" /usr/sbin/other; done
	syscall 1 /usr/local/bin/after
	avc 2 user_tmp_t
} >"$T_TMP/far.log"

for target in $(policy_targets); do
	root=$(target_root "$target")
	for j in 1 2; do
		check_eq "$target -j$j: a SYSCALL 3000 events after its AVC joins it" \
			/usr/local/bin/after "$(exes_of user_home_t -j$j -r "$root" "$T_TMP/far.log")"
		check_eq "$target -j$j: a SYSCALL 3000 events before its AVC joins it" \
			/usr/local/bin/before "$(exes_of user_tmp_t -j$j -r "$root" "$T_TMP/far.log")"
	done

	# one group an allow rule fixes, one no rule does (already allowed)
	{ avc 5 user_home_t; avc 6 etc_t; } >"$T_TMP/two.log"
	"$LABEL" review --te rvleft -r "$root" "$T_TMP/two.log" >"$T_TMP/rvleft.te" 2>/dev/null
	check "$target: --te names the group it left out and why" \
		grep -q '^# postfix_smtpd_t -> etc_t:file read x1: No fix needed' "$T_TMP/rvleft.te"
	check "$target: checkmodule takes it" \
		checkmodule -M -m -o "$T_TMP/rvleft.mod" "$T_TMP/rvleft.te"

	avc 7 etc_t >"$T_TMP/none.log"
	"$LABEL" review --te rvnone -r "$root" "$T_TMP/none.log" >"$T_TMP/rvnone.te" 2>/dev/null
	check_fails "$target: no rule left: no empty require" \
		$PY -c 'import re,sys; sys.exit(not re.search(r"require \{\s*\}", open(sys.argv[1]).read()))' "$T_TMP/rvnone.te"
	check "$target: checkmodule takes --te with no rule" \
		checkmodule -M -m -o "$T_TMP/rvnone.mod" "$T_TMP/rvnone.te"
done
exit 0
