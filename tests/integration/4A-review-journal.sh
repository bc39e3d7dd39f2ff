#!/bin/bash
# 4A-review-journal - pfsel-label review reads what journalctl and dmesg
# print (issue 14, point 1): "audit[PID]: AVC avc:  denied ...",
# "audit[1]: USER_AVC ...", "audit: SELINUX_ERR ..." and the kernel's
# "audit: type=1107/1401 audit(...)"; a line that says "avc:  denied"
# and cannot be read is counted, and never lets review exit 0.
# Oracle: the same real log in auditd's raw form (test 40 checks that
# one against libauparse).
source "$PFSEL_TOP/tests/lib/testlib.sh"
POLICY=$(host_policy)
PY=/usr/bin/python3

summary() { # log -> stats, then each group (no event data: the journal has none)
	"$LABEL" review --json -p "$POLICY" "$1" 2>/dev/null | $PY -c '
import json, sys
d = json.load(sys.stdin)
s = d["stats"]
print("avc", s["avc"], "user_avc", s["user_avc"], "selinux_err", s["selinux_err"],
      "denials", s["denials"], "malformed", s["malformed"])
for g in sorted(d["groups"], key=lambda g: (g["source"], g["target"], g["class"])):
    print(g["source"], g["target"], g["class"], g["count"], ",".join(sorted(g["perms"])))
for e in d["selinux_errors"]:
    print(e)'
}
# auditd's raw lines as journalctl -o short prints them (the stamp and
# serial are gone; journald keeps the record's type and the sender's pid)
journal_of() { # raw log
	sed -nE 's/^type=(AVC|USER_AVC|SELINUX_ERR) msg=audit\([0-9.]+:[0-9]+\): (.*)$/Nov 17 14:14:26 host audit[4242]: \1 \2/p' "$1"
}

# A real log with all three record types, in the journal's form.
raw=$TESTDATA/audit/selinux/python_sepolgen_tests_test_data_httpd.log
journal_of "$raw" >"$T_TMP/httpd.journal"
check "the journal excerpt has all three types" \
	sh -c "grep -q 'audit\[4242\]: AVC avc:' '$T_TMP/httpd.journal' &&
	       grep -q 'audit\[4242\]: USER_AVC ' '$T_TMP/httpd.journal' &&
	       grep -q 'audit\[4242\]: SELINUX_ERR ' '$T_TMP/httpd.journal'"
summary "$raw" | grep -v '^{' >"$T_TMP/want"
summary "$T_TMP/httpd.journal" | grep -v '^{' >"$T_TMP/got"
check "want has groups" grep -q _t "$T_TMP/want"
check "journal lines: the records, denials and groups of the raw log" \
	diff -u "$T_TMP/want" "$T_TMP/got"
# SELINUX_ERR kinds and examples are the raw log's too
check_eq "journal SELINUX_ERR kinds" \
	"$(summary "$raw" | grep '^{' | sort)" \
	"$(summary "$T_TMP/httpd.journal" | grep '^{' | sort)"

# One Postfix denial as Fedora's journal shows it (issue 14): found,
# needs a fix (exit 1), and the name= is shown.
cat >"$T_TMP/postfix.journal" <<'EOF'
Nov 03 16:25:28 mx.example.org audit[294288]: AVC avc:  denied  { read } for  pid=294288 comm="smtpd" name="virtual.db" dev="dm-0" ino=1234 scontext=system_u:system_r:postfix_smtpd_t:s0 tcontext=system_u:object_r:user_home_t:s0 tclass=file permissive=0
Nov 03 16:25:29 mx.example.org audit[294288]: SYSCALL arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=55d0 a2=0 a3=0 items=0 ppid=1 pid=294288 auid=4294967295 uid=89 gid=89 comm="smtpd" exe="/usr/libexec/postfix/smtpd" subj=system_u:system_r:postfix_smtpd_t:s0 key=(null)
Nov 03 16:25:30 mx.example.org audit: USER_AVC pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg='avc:  denied  { status } for auid=n/a uid=0 gid=0 cmdline="" function="mac_selinux_filter" scontext=system_u:system_r:postfix_master_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=system permissive=0 exe="/lib/systemd/systemd" sauid=0 hostname=? addr=? terminal=?'
EOF
check_eq "journal Postfix lines: 1 AVC, 1 USER_AVC, 2 denials, nothing malformed" \
	"avc 1 user_avc 1 selinux_err 0 denials 2 malformed 0" \
	"$(summary "$T_TMP/postfix.journal" | head -1)"
check_eq "journal Postfix denial needs a fix: exit 1" 1 \
	"$(status "$LABEL" review -p "$POLICY" "$T_TMP/postfix.journal")"
check "journal AVC shows its name=" \
	sh -c "'$LABEL' review -p '$POLICY' '$T_TMP/postfix.journal' | grep -q 'path: virtual.db'"

# dmesg: the kernel's numeric types for USER_AVC and SELINUX_ERR
sed -nE 's/^type=USER_AVC msg=audit\(/[ 1234.567890] audit: type=1107 audit(/p;
	s/^type=SELINUX_ERR msg=audit\(/[ 1234.567890] audit: type=1401 audit(/p' \
	"$raw" >"$T_TMP/httpd.dmesg"
check_eq "dmesg type=1107/1401: the raw log's USER_AVC and SELINUX_ERR counts" \
	"$(grep -c '^type=USER_AVC msg' "$raw") $(grep -c '^type=SELINUX_ERR msg' "$raw")" \
	"$("$LABEL" review --json -p "$POLICY" "$T_TMP/httpd.dmesg" 2>/dev/null |
		$PY -c 'import json,sys; s=json.load(sys.stdin)["stats"]; print(s["user_avc"], s["selinux_err"])')"

# Denials that cannot be read: counted, reported, exit 1 (never 0).
cat >"$T_TMP/unread.log" <<'EOF'
Nov 03 16:25:28 mx kernel: avc:  denied  { read } for  pid=1 comm="smtpd" (cut by the log)
Nov 03 16:25:29 mx audit[1]: AVC avc:  denied  { read } for  pid=1 comm="smtpd" scontext=system_u:system_r:postfix_smtpd_t:s0
Nov 03 16:25:30 mx audit[1]: USER_AVC pid=1 msg='avc:  denied  { status } for scontext=system_u:system_r:init_t:s0'
Nov 03 16:25:31 mx postfix/smtpd[7]: connect from x (avc:  granted lines and others are no denials)
EOF
check_eq "unreadable denials: 3 malformed, 3 unread denials, no denial" \
	"3 3 0" \
	"$("$LABEL" review --json -p "$POLICY" "$T_TMP/unread.log" 2>/dev/null |
		$PY -c 'import json,sys; s=json.load(sys.stdin)["stats"]; print(s["malformed"], s["unread_denials"], s["denials"])')"
check_eq "only unreadable denials: exit 1" 1 \
	"$(status "$LABEL" review -p "$POLICY" "$T_TMP/unread.log")"
check "unreadable denials are reported on stderr" \
	sh -c "'$LABEL' review -p '$POLICY' '$T_TMP/unread.log' 2>&1 >/dev/null |
	       grep -q '3 denials could not be read'"
printf 'Nov 03 16:25:31 mx postfix/smtpd[7]: connect from x\n' >"$T_TMP/quiet.log"
check_eq "a log without denials still exits 0" 0 \
	"$(status "$LABEL" review -p "$POLICY" "$T_TMP/quiet.log")"
exit 0
