#!/bin/bash
# 4C-review-events - how pfsel-label review joins and dates records and
# names bad contexts (issue 14, point 7): an event is audit(TIME:SERIAL),
# so records with the serial of another time are not joined to it;
# ausearch -i dates with two-digit years (C locale MM/DD/YY, en_GB
# DD/MM/YY) give the raw log's times; a context whose type the policy
# has but whose MLS level it refuses is reported as such (libsepol, as
# audit2why runs it, is the oracle); the man page's NOTES agree with
# --interfaces.
source "$PFSEL_TOP/tests/lib/testlib.sh"
POLICY=$(host_policy)
PY=/usr/bin/python3

avc() { # stamp:serial
	echo "type=AVC msg=audit($1): avc:  denied  { read } for  pid=900 comm=\"x\" name=\"f\" scontext=system_u:system_r:postfix_smtpd_t:s0 tcontext=system_u:object_r:user_home_t:s0 tclass=file permissive=0"
}
syscall() { # stamp:serial exe
	echo "type=SYSCALL msg=audit($1): arch=c000003e syscall=257 success=no exit=-13 items=1 ppid=1 pid=900 comm=\"x\" exe=\"$2\" key=(null)"
}
exes() { # log -> the exes of its groups
	"$LABEL" review --json -p "$POLICY" "$1" 2>/dev/null |
		$PY -c 'import json,sys; print(" ".join(e for g in json.load(sys.stdin)["groups"] for e in g["exes"]))'
}

{ avc 1700000001.100:7; syscall 1700000001.100:7 /usr/local/bin/same; } >"$T_TMP/same.log"
check_eq "records of one event (time and serial) are joined" \
	/usr/local/bin/same "$(exes "$T_TMP/same.log")"
# after a reboot, or from another day: the serial alone is no event
{ avc 1700000001.100:7; syscall 1700086401.100:7 /usr/local/bin/other; } >"$T_TMP/other.log"
check_eq "a record with the serial of another time is not joined" \
	"" "$(exes "$T_TMP/other.log")"
{ avc 1700000001.100:7; syscall 1700000001.200:7 /usr/local/bin/other; } >"$T_TMP/ms.log"
check_eq "nor one a millisecond apart" "" "$(exes "$T_TMP/ms.log")"

# ausearch -i dates: the raw log's times, whatever the year's digits
times() { # log -> the first and last times of its groups
	"$LABEL" review --json -p "$POLICY" "$1" 2>/dev/null |
		$PY -c 'import json,sys; print(*sorted(set(t for g in json.load(sys.stdin)["groups"] for t in (g["first"], g["last"]))), sep="\n")'
}
# ausearch keeps only the events it finds whole: its times are some of
# the raw log's, and none is unknown (0)
seen_in_raw() { # ausearch -i log
	times "$1" >"$T_TMP/t.got"
	times "$raw" >"$T_TMP/t.want"
	[ -s "$T_TMP/t.got" ] && ! grep -qx '0.000\|0.0\|0' "$T_TMP/t.got" &&
		[ -z "$(comm -23 <(sort "$T_TMP/t.got") <(sort "$T_TMP/t.want"))" ]
}
raw=$TESTDATA/audit/postfix-extensions.log
TZ=UTC LC_ALL=C ausearch -i -if "$raw" >"$T_TMP/c.log" 2>/dev/null
check "ausearch -i in the C locale writes MM/DD/YY" \
	grep -qE 'audit\([0-9]{2}/[0-9]{2}/[0-9]{2} ' "$T_TMP/c.log"
check "MM/DD/YY dates: the raw log's times" seen_in_raw "$T_TMP/c.log"
# en_GB's %x is DD/MM/YY: the same dates with day and month swapped
sed -E 's#audit\(([0-9]{2})/([0-9]{2})/([0-9]{2}) #audit(\2/\1/\3 #' \
	"$T_TMP/c.log" >"$T_TMP/gb.log"
check "the en_GB form has a day above 12" grep -q 'audit(14/11/23 ' "$T_TMP/gb.log"
check "DD/MM/YY dates: the raw log's times" seen_in_raw "$T_TMP/gb.log"

# an MLS level the policy refuses, on a type it has
sed 's/postfix_smtpd_t:s0 /postfix_smtpd_t:s0:c9999 /' <(avc 1700000001.100:8) >"$T_TMP/mls.log"
check "libsepol refuses the level (audit2why -p)" \
	sh -c "audit2why -p '$POLICY' -i '$T_TMP/mls.log' 2>&1 | grep -q 'invalid MLS context'"
"$LABEL" review --json -p "$POLICY" "$T_TMP/mls.log" >"$T_TMP/mls.json" 2>/dev/null
check_eq "an invalid MLS level is named, not an unknown type" \
	"badscon True" \
	"$($PY -c 'import json,sys; g=json.load(open(sys.argv[1]))["groups"][0]; print(g["reason"], "MLS" in (g["bad_context"] or ""))' "$T_TMP/mls.json")"
check "the text says so" sh -c \
	"'$LABEL' review -p '$POLICY' '$T_TMP/mls.log' | grep -q 'context: the type is in the policy'"
sed 's/postfix_smtpd_t:s0 /pfsel_no_such_t:s0 /' <(avc 1700000001.100:9) >"$T_TMP/type.log"
check_eq "an unknown type stays an unknown type" "badscon None" \
	"$(review_group 'g["reason"], g["bad_context"]' -p "$POLICY" "$T_TMP/type.log")"

# pfsel-label-review(1) NOTES against --interfaces
man=$PFSEL_TOP/man/pfsel-label-review.1
check_fails "NOTES do not say interface calls are never proposed" sh -c \
	"sed -n '/^\.SH NOTES/,/^\.SH SEE/p' '$man' | tr '\n' ' ' | grep -q 'calls are not proposed'"
exit 0
