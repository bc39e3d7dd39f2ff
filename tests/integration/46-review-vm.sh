#!/bin/bash
# 46-review-vm - the real denials of the VM scenarios (tests/vm, kept in
# tests/data/audit/vm) get the spec section of their scenario, and no
# allow rule is proposed for them; the reasons still agree with
# audit2why -p (41 covers every log in tests/data/audit, these too).
source "$PFSEL_TOP/tests/lib/testlib.sh"
POLICY=$(host_policy)
D=$TESTDATA/audit/vm

# A section still to be filled in is written commented out ("# "), so
# that pfsel-gen emit accepts the output as it is (issue 14).
expect() { # scenario section-regex (matched with or without "# ")
	local out
	out=$("$LABEL" review --spec -p "$POLICY" "$D/$1.log" 2>&1)
	check "$1: proposes $2" grep -Eq -- "^(# )?${2#^}" <<<"$out"
}
expect 01-daemon '^\[daemon [a-z]'
expect 02-opendkim '^\[milter opendkim\]'
expect 02-opendkim '^server = dkim_milter_t'
expect 03-maillog '^\[log\]'
expect 04-vmail '^\[virtual\]'
expect 05-ports '^\[port smtpd_[0-9]+\]'
expect 06-queue '^\[queue\]'
# The queue's own name and a subdirectory's in one group ("pfq defer"):
# either names the moved queue.
expect 07-combined '^\[queue\]'

# (06-queue also holds the harness's own traffic.log write, a real allow.)
for s in 02-opendkim 03-maillog 04-vmail; do
	"$LABEL" review --json -p "$POLICY" "$D/$s.log" >"$T_TMP/r.json" 2>/dev/null
	check_eq "$s: every denial the spec fixes gets no allow rule" 0 \
		"$(/usr/bin/python3 -c '
import json, sys
print(sum(1 for g in json.load(open(sys.argv[1]))["groups"] if g["fix"] == "allow"))' "$T_TMP/r.json")"
done
"$LABEL" review --json -p "$POLICY" "$D/06-queue.log" >"$T_TMP/q.json" 2>/dev/null
check_eq "06-queue: the var_t queue denials are fixed by the spec" spec \
	"$(/usr/bin/python3 -c '
import json, sys
print(" ".join(sorted({g["fix"] for g in json.load(open(sys.argv[1]))["groups"] if g["target"] == "var_t"})))' "$T_TMP/q.json")"
exit 0
