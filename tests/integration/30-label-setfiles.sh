#!/bin/bash
# 30-label-setfiles - pfsel-label check/apply against setfiles(8).
#
# Generated Postfix trees (hashed queue, postmulti queue, /srv/vmail
# maildirs, a moved queue) inside a scratch root get random wrong labels;
# "pfsel-label check -r ROOT" must report exactly the paths and target
# contexts "setfiles -n -v -r ROOT" reports, and after "apply" both must
# report nothing.  Also: -F against setfiles -F, the JSON form, threads,
# the memo (--no-memo is plain selabel) and file data left untouched.
source "$PFSEL_TOP/tests/lib/testlib.sh"

MKTREE=$PFSEL_TOP/tests/data/label/mktree.py

# What setfiles says, sorted; the lines are the oracle.
oracle() { # extra setfiles options...
	setfiles -n -v "$@" -r "$root" "$fc" "${trees[@]}" 2>/dev/null |
		escape_relabel_lines | LC_ALL=C sort
}
mine() { # pfsel-label check options...
	"$LABEL" check "$@" -r "$root" "${trees[@]}" 2>"$T_TMP/err" |
		grep -a '^Would relabel' | LC_ALL=C sort
}
# Data, sizes, mtimes and modes of every regular file, for "untouched".
fingerprint() {
	(cd "$root" && find var/spool srv -type f -print0 | LC_ALL=C sort -z |
		xargs -0 stat -c '%n %s %Y %a' && find var/spool srv -type f \
		-print0 | LC_ALL=C sort -z | xargs -0 md5sum) | md5sum
}

# agree_on TARGET: a scrambled Postfix tree in a root with that policy;
# check, then apply, against setfiles.  Leaves root, fc and trees set.
agree_on() {
	local t=$1 expect got n
	root=$(target_root "$t") || { not_ok "$t: root"; return 1; }
	fc=$(fc_of "$root")
	trees=("$root/var/spool" "$root/srv")
	python3 "$MKTREE" "$root" 4000 --seed 7 --scramble 0.4 >/dev/null ||
		not_ok "$t: mktree"
	# A moved queue with a local file context, as an admin (or a pfsel
	# module) would add for it.
	echo '/srv/mailqueue(/.*)?	system_u:object_r:postfix_spool_t:s0' \
		>"$fc.local"
	echo '/srv/mailqueue/deferred(/.*)?	system_u:object_r:mail_spool_t:s0' \
		>>"$fc.local"

	expect=$(oracle)
	n=$(printf '%s\n' "$expect" | grep -ac '^Would relabel')
	check "$t: setfiles finds scrambled labels ($n)" test "$n" -gt 1000
	got=$(mine -j1)
	check_eq "$t: check -j1 reports what setfiles -n -v reports" "$expect" "$got"
	"$LABEL" check -j1 -r "$root" "${trees[@]}" >/dev/null 2>&1
	check_eq "$t: check exits 1 when labels differ" 1 $?
	check_eq "$t: check -j2 reports the same" "$expect" "$(mine -j2)"
	check_eq "$t: check --no-memo (plain selabel) reports the same" \
		"$expect" "$(mine -j2 --no-memo)"
	check "$t: the moved queue's local context is used" \
		grep -aq 'srv/mailqueue/deferred.*mail_spool_t' <<<"$got"
	check "$t: names with a newline are reported, escaped" \
		grep -aqF 'hold/new\nline from' <<<"$got"
	"$LABEL" apply -j2 -r "$root" "${trees[@]}" >/dev/null 2>&1
	check_eq "$t: after apply setfiles -n -v reports nothing" "" "$(oracle)"
}

# Every kit first; the host's root stays for the checks below.
for target in $(policy_targets | grep -vx host); do
	agree_on "$target"
done
agree_on host
python3 "$MKTREE" "$root" 4000 --seed 7 --scramble 0.4 >/dev/null ||
	not_ok "mktree again"
expect=$(oracle)
got=$(mine -j1)

expect_f=$(oracle -F)
check_eq "check -F reports what setfiles -F -n -v reports" "$expect_f" \
	"$(mine -F -j2)"

# JSON: the same paths and targets, one object per file, then a summary.
"$LABEL" check --json -j2 -r "$root" "${trees[@]}" >"$T_TMP/json" 2>/dev/null
json_pairs=$(python3 - "$T_TMP/json" <<'PY'
import json, sys
pairs, summary = [], None
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    if "summary" in o:
        summary = o["summary"]
        continue
    # bytes that are not UTF-8 come as U+DCXX (PEP 383): back to bytes
    pairs.append((o["path"].encode("utf-8", "surrogateescape"), o["to"]))
assert summary and summary["differ"] == len(pairs), summary
for p, t in sorted(pairs):
    sys.stdout.buffer.write(p + b" " + t.encode() + b"\n")
PY
)
ora_pairs=$(setfiles -n -v -r "$root" "$fc" "${trees[@]}" 2>/dev/null |
	python3 -c '
import sys, re
data = sys.stdin.buffer.read()
pairs = re.findall(rb"Would relabel (.*?) from \S+ to (\S+)\n", data, re.S)
for p, t in sorted(pairs):
    sys.stdout.buffer.write(p + b" " + t + b"\n")')
check "JSON output parses" test -n "$json_pairs"
check_eq "JSON paths and targets equal setfiles'" "$ora_pairs" "$json_pairs"

# apply: everything right afterwards, file data untouched.
before=$(fingerprint)
"$LABEL" apply -j2 -r "$root" "${trees[@]}" >"$T_TMP/applied" 2>"$T_TMP/err"
check_eq "apply exits 0" 0 $?
check "apply prints Relabeled lines" grep -aq '^Relabeled ' "$T_TMP/applied"
check_eq "after apply setfiles -n -v reports nothing" "" "$(oracle)"
check_eq "after apply check reports nothing" "" "$(mine -j1)"
"$LABEL" check -r "$root" "${trees[@]}" >/dev/null 2>&1
check_eq "check exits 0 when clean" 0 $?
check_eq "file contents, sizes, mtimes unchanged by apply" "$before" \
	"$(fingerprint)"

# Type-only by default: a wrong user is not changed, as by restorecon.
f=$root/var/spool/postfix/pid/master.pid
setfattr -h -n security.selinux -v unconfined_u:object_r:postfix_runtime_t:s0 "$f"
check_eq "a user-only difference is not reported without -F" "" "$(mine)"
"$LABEL" apply -F -r "$root" "$f" >/dev/null 2>&1
check_eq "apply -F sets the whole context" \
	"$(setfiles -n -v -F -r "$root" "$fc" "$f" 2>/dev/null)" ""
check "apply -F result equals the spec" \
	grep -aq '^system_u:' <(getfattr -h --only-values -n security.selinux "$f")

# Customizable types are left alone unless -F, like setfiles.
d=$root/srv/vmail/dom0.example
setfattr -h -n security.selinux -v system_u:object_r:public_content_t:s0 "$d"
check_eq "customizable type: same as setfiles (none)" "$(oracle)" "$(mine)"
check_eq "customizable type with -F: same as setfiles -F" "$(oracle -F)" \
	"$(mine -F)"

# The machine's own trees, read only (check never writes): thousands of
# real paths against the full policy, including the specs no generated
# tree exercises.  The kernel has no SELinux, so nothing is labeled and
# every file is reported with its target context.
sys_trees=(/etc /usr/sbin /usr/lib/systemd /usr/share/selinux)
sys_fc=/etc/selinux/default/contexts/files/file_contexts
expect=$(setfiles -n -v "$sys_fc" "${sys_trees[@]}" 2>/dev/null |
	escape_relabel_lines | LC_ALL=C sort)
check "setfiles reports the machine's files" test -n "$expect"
check_eq "the machine's trees: check equals setfiles -n -v" "$expect" \
	"$("$LABEL" check -j2 "${sys_trees[@]}" 2>/dev/null |
		grep -a '^Would relabel' | LC_ALL=C sort)"

# Scratch the scrambling from another seed, all labels wrong, fresh root.
python3 "$MKTREE" "$root" 2000 --seed 11 --all-wrong >/dev/null
check_eq "all labels wrong: check equals setfiles" "$(oracle)" "$(mine -j2)"
"$LABEL" apply -r "$root" "${trees[@]}" >/dev/null 2>&1
check_eq "all labels wrong: after apply setfiles is clean" "" "$(oracle)"
exit $T_FAILED
