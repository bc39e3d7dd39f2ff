#!/bin/bash
# 45-review-cli - pfsel-label review's command line: exit status (0
# nothing to fix, 1 something to fix, 2 error), stdin and "-", garbage
# and empty input never fatal, -r ROOT on a scratch root answers like
# -p with that root's policy, --color, option errors.  Under make check
# these run the ASan/UBSan build, so a leak or UB report (exit 23 or an
# abort) fails the status checks.
source "$PFSEL_TOP/tests/lib/testlib.sh"
POLICY=$(host_policy)
D=$TESTDATA/audit
PY=/usr/bin/python3


check_eq "exit 1 when a denial needs a fix" 1 \
	"$(status "$LABEL" review -p "$POLICY" "$D/setroubleshoot/data_audit_bind_ports.log")"
check_eq "exit 0 when the policy already allows everything" 0 \
	"$(status "$LABEL" review -p "$POLICY" "$D/setroubleshoot/data_audit_ftp_home_dir.log")"
check_eq "exit 2 for a missing log" 2 \
	"$(status "$LABEL" review -p "$POLICY" "$T_TMP/nonexistent.log")"
check_eq "exit 2 for a missing policy" 2 \
	"$(status "$LABEL" review -p "$T_TMP/nopolicy" "$D/setroubleshoot/data_audit_bind_ports.log")"
check_eq "exit 2 for a bad module name" 2 \
	"$(status "$LABEL" review --te Bad-Name -p "$POLICY" "$D/setroubleshoot/data_audit_bind_ports.log")"
check_eq "exit 2 for --json with --spec" 2 \
	"$(status "$LABEL" review --json --spec -p "$POLICY" /dev/null)"
check_eq "empty stdin: exit 0" 0 \
	"$(status "$LABEL" review -p "$POLICY" </dev/null)"

head -c 200000 /dev/urandom >"$T_TMP/garbage"
{ cat "$T_TMP/garbage"; echo; cat "$D/setroubleshoot/data_audit_bind_ports.log"; } >"$T_TMP/mixed.log"
check_eq "binary garbage: exit 0, nothing found" 0 \
	"$(status "$LABEL" review -p "$POLICY" "$T_TMP/garbage")"
check_eq "garbage before a real denial: the denial is still found" 1 \
	"$("$LABEL" review --json -p "$POLICY" "$T_TMP/mixed.log" 2>/dev/null |
		$PY -c 'import json,sys; print(json.load(sys.stdin)["stats"]["denials"])')"
printf 'type=AVC msg=audit(1.0:1): avc:  denied  { read } for\ntype=AVC msg=audit(x\n' >"$T_TMP/bad.log"
check_eq "malformed records are counted" 2 \
	"$("$LABEL" review --json -p "$POLICY" "$T_TMP/bad.log" 2>/dev/null |
		$PY -c 'import json,sys; print(json.load(sys.stdin)["stats"]["malformed"])')"

f=$D/public/flonatel_RootServerSetup_README_avc.log
check_eq "\"-\" reads stdin" "$("$LABEL" review --json -p "$POLICY" "$f")" \
	"$("$LABEL" review --json -p "$POLICY" - <"$f")"

root=$(scratch_root)
rpol=$(policy_of "$root")
check "scratch root has a policy" test -f "$rpol"
check_eq "-r ROOT answers like -p with that root's policy" \
	"$("$LABEL" review --json -p "$rpol" "$f" | $PY -c 'import json,sys; d=json.load(sys.stdin); d.pop("policy"); print(json.dumps(d))')" \
	"$("$LABEL" review --json -r "$root" "$f" | $PY -c 'import json,sys; d=json.load(sys.stdin); d.pop("policy"); print(json.dumps(d))')"
check "-r ROOT reports the root's policy" sh -c \
	"'$LABEL' review --json -r '$root' '$f' | grep -q '\"policy\":\"$root/'"

esc=$(printf '\033')
"$LABEL" review --color=always -p "$POLICY" "$f" >"$T_TMP/c1"
"$LABEL" review --color=never -p "$POLICY" "$f" >"$T_TMP/c2"
check "--color=always colours" grep -q "$esc" "$T_TMP/c1"
check_fails "--color=never does not" grep -q "$esc" "$T_TMP/c2"
check "text report groups by fix with titles" sh -c \
	"'$LABEL' review -p '$POLICY' '$f' | grep -q '^== Allow rules'"
exit 0
