#!/bin/bash
# 80-doctor - pfsel-label doctor finds planted problems in a scratch root
# and names each (issue 16).
#
# The root holds a Postfix configuration and its trees, labeled by
# pfsel-label apply: doctor must call that clean (exit 0).  Then, one at
# a time: a queue file labeled var_t, smtpd on tcp/2525 (unreserved_port_t,
# which postfix_master_t may not bind: sesearch is the oracle), a
# permissive module for postfix_smtpd_t (seinfo --permissive), a pfsel
# module removed behind pfsel-gen's back, and a denial in the root's
# audit log (before and after --since).  Each is found, named and its
# fix command given; running the fix makes doctor clean again.
source "$PFSEL_TOP/tests/lib/testlib.sh"

root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
policy=$(policy_of "$root")
mkdir -p "$root/etc/postfix" "$root/var/lib/postfix" "$root/var/log/audit"
for d in active bounce corrupt defer deferred flush hold incoming maildrop \
	pid private public saved trace; do
	mkdir -p "$root/var/spool/postfix/$d"
done
cat >"$root/etc/postfix/main.cf" <<'CF'
queue_directory = /var/spool/postfix
data_directory = /var/lib/postfix
daemon_directory = /usr/lib/postfix/sbin
maillog_file =
CF
cat >"$root/etc/postfix/master.cf" <<'CF'
smtp      inet  n       -       y       -       -       smtpd
pickup    unix  n       -       y       60      1       pickup
CF
: >"$root/var/log/audit/audit.log"
"$LABEL" apply -r "$root" /etc/postfix /var/spool/postfix /var/lib/postfix \
	>/dev/null 2>&1

doctor() { "$LABEL" doctor -r "$root" "$@" 2>"$T_TMP/err"; }

# --help: exit 0, every option.
"$LABEL" doctor --help >"$T_TMP/help" 2>&1
check_eq "doctor --help exits 0" 0 $?
for o in -r --root -c --config-dir --since --json; do
	check "doctor --help lists $o" grep -q -- "$o" "$T_TMP/help"
done

# The clean root.
doctor >"$T_TMP/out"
check_eq "clean root: exit 0" 0 $?
check "clean root: says nothing to fix" grep -q '^doctor: nothing to fix found' "$T_TMP/out"
check "clean root: says the running system is not looked at" \
	grep -q 'running system: not looked at (-r)' "$T_TMP/out"
check "clean root: checked the trees (config, queue, data)" \
	grep -q 'trees: 3 checked' "$T_TMP/out"
doctor --json >"$T_TMP/json"
check_eq "clean root --json: exit 0" 0 $?
check "clean root --json: valid, no findings" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["findings"] == [] and d["errors"] == 0, d
assert any(f["name"] == "SELinux" or f["name"] == "running system" for f in d["facts"])
' "$T_TMP/json"

# 1. A mislabeled queue file.
q=$root/var/spool/postfix/active/4ABC123
echo msg >"$q"
setfattr -h -n security.selinux -v system_u:object_r:var_t:s0 "$q"
doctor >"$T_TMP/out"
check_eq "mislabeled queue file: exit 1" 1 $?
check "mislabeled queue file: named with its label and the right one" \
	grep -qF "$q is system_u:object_r:var_t:s0, file contexts say system_u:object_r:postfix_spool_t:s0" "$T_TMP/out"
check "mislabeled queue file: setfiles -n agrees it is wrong" \
	grep -q 4ABC123 <(setfiles -n -v -r "$root" "$(fc_of "$root")" "$root/var/spool/postfix" 2>&1)
fix=$(sed -n 's/^ *fix: \(pfsel-label apply .*\)/\1/p' "$T_TMP/out")
check_eq "mislabeled queue file: the fix command" \
	"pfsel-label apply -r $root /var/spool/postfix" "$fix"
check "mislabeled queue file: the fix runs" "$LABEL" ${fix#pfsel-label} >/dev/null
doctor >/dev/null
check_eq "mislabeled queue file: clean after the fix" 0 $?

# A file name that would forge a line stays on its line.
evil=$root/var/spool/postfix/active/$'x\n  [ERROR] forged: \e[2J'
echo x >"$evil"
setfattr -h -n security.selinux -v system_u:object_r:var_t:s0 "$evil"
doctor >"$T_TMP/out"
check "file name with newline and ESC: escaped, no forged line" \
	test "$(grep -c 'forged' "$T_TMP/out")" = 1 -a "$(grep -c $'\e' "$T_TMP/out")" = 0
rm -f "$evil"

# The chroot's copies of system files (queue/etc, lib, usr, dev) get the
# label of their copy at every Postfix start: a fact, not a finding.
mkdir -p "$root/var/spool/postfix/etc"
echo 'nameserver 127.0.0.1' >"$root/var/spool/postfix/etc/resolv.conf"
setfattr -h -n security.selinux -v system_u:object_r:etc_runtime_t:s0 \
	"$root/var/spool/postfix/etc/resolv.conf"
doctor >"$T_TMP/out"
check_eq "chroot copy labeled etc_runtime_t: exit 0" 0 $?
check "chroot copy (and its unlabeled directory): said as a fact" grep -q \
	"chroot copies: 2 files under /var/spool/postfix/{etc,lib,usr,dev} differ" "$T_TMP/out"
rm -r "$root/var/spool/postfix/etc"

# 2. smtpd on a port the master may not bind.
check_denied "$root" postfix_master_t unreserved_port_t tcp_socket name_bind
echo '2525      inet  n       -       y       -       -       smtpd' \
	>>"$root/etc/postfix/master.cf"
doctor >"$T_TMP/out"
check_eq "smtpd on tcp/2525: exit 1" 1 $?
check "smtpd on tcp/2525: named with master.cf's line" \
	grep -q "\[ERROR\] port: $root/etc/postfix/master.cf:3: smtpd on tcp/2525, whose type unreserved_port_t postfix_master_t may not name_bind" "$T_TMP/out"
check "smtpd on tcp/2525: the fix labels it smtp_port_t" \
	grep -q 'fix: semanage port -a -t smtp_port_t -p tcp 2525' "$T_TMP/out"

# 3. The port labeled by a pfsel module: clean; then the module removed
# behind pfsel-gen's back: named as missing.
"$GEN" install "$PFSEL_TOP/examples/ports/spec.ini" --root "$root" >/dev/null 2>&1
check_eq "ports module installed: tcp/2525 is smtp_port_t" smtp_port_t \
	"$(port_type "$root" tcp 2525)"
doctor >"$T_TMP/out"
check_eq "port labeled by pfsel: exit 0" 0 $?
check "port labeled by pfsel: module listed" \
	grep -q 'pfsel module: postfix_ports' "$T_TMP/out"
semodule -p "$root" -r postfix_ports >/dev/null 2>&1
doctor >"$T_TMP/out"
check_eq "missing module: exit 1" 1 $?
check "missing module: named" \
	grep -q '\[ERROR\] module: pfsel module postfix_ports is missing from the policy store' "$T_TMP/out"
check "missing module: the fix reinstalls it" \
	grep -qF "fix: pfsel-gen install $PFSEL_TOP/examples/ports/spec.ini --root $root" "$T_TMP/out"
"$GEN" install "$PFSEL_TOP/examples/ports/spec.ini" --root "$root" >/dev/null 2>&1
doctor >/dev/null
check_eq "missing module: clean after the fix" 0 $?

# 4. A permissive mail domain, from a module of another name.
echo '(typepermissive postfix_smtpd_t)' >"$T_TMP/mailperm.cil"
semodule -p "$root" -i "$T_TMP/mailperm.cil" >/dev/null 2>&1
check "permissive: seinfo counts one permissive type" \
	grep -qE 'Permissives: +1 ' <(seinfo "$(policy_of "$root")")
doctor >"$T_TMP/out"
check_eq "permissive mail domain: exit 1" 1 $?
check "permissive mail domain: named" \
	grep -q '\[ERROR\] permissive: mail domain postfix_smtpd_t is permissive' "$T_TMP/out"
check "permissive mail domain: counted" \
	grep -q 'permissive domains: [1-9][0-9]* in the policy, 1 of them mail domains' "$T_TMP/out"
semodule -p "$root" -r mailperm >/dev/null 2>&1
doctor >/dev/null
check_eq "permissive mail domain: clean after semodule -r" 0 $?

# 5. A denial in the root's audit log, with --since before and after it.
grep -h 'audit(1700000001.100:501)' "$TESTDATA/audit/postfix-extensions.log" \
	>"$root/var/log/audit/audit.log"
doctor >"$T_TMP/out"
check_eq "denial: exit 1" 1 $?
check "denial: the group named" \
	grep -q '\[ERROR\] denial: 1 denial: postfix_master_t -> var_log_t:dir write' "$T_TMP/out"
check "denial: review's first fix (a [log] section)" \
	grep -q 'fix: add \[log\] to the pfsel spec' "$T_TMP/out"
doctor --since @1700000000 >/dev/null
check_eq "denial: --since before it: exit 1" 1 $?
doctor --since @1700000002 >"$T_TMP/out"
check_eq "denial: --since after it: exit 0" 0 $?
doctor --since '2023-11-14 22:13' >/dev/null
check_eq "denial: --since as a date before it: exit 1" 1 $?
doctor --json >"$T_TMP/json"
check "denial --json: severity, evidence and fix note" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
(f,) = [f for f in d["findings"] if f["check"] == "denial"]
assert f["severity"] == "error" and f["section"] == "denials", f
assert any("postlogd" in e for e in f["evidence"]), f
assert "[log]" in f["fix_note"], f
' "$T_TMP/json"
: >"$root/var/log/audit/audit.log"

# Errors: exit 2.
doctor --since yesterday >/dev/null
check_eq "--since yesterday: exit 2" 2 $?
doctor -c "$root/nonexistent" >/dev/null
check_eq "-c a missing directory: exit 2" 2 $?
check "no sanitizer report" bash -c "! grep -q -e Sanitizer -e 'runtime error' '$T_TMP/err'"
exit $T_FAILED
