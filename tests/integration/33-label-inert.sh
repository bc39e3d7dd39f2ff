#!/bin/bash
# 33-label-inert - file names and hard links cannot steer check/apply.
#
# Attack inputs: names holding a newline that would forge a whole
# "Would relabel" line, ESC/BEL terminal controls, quotes and invalid
# UTF-8; a queue file hard-linked to a shadow_t file outside the tree.
# Text output must keep one line per file with every control byte
# escaped (pfsel-label(1)), JSON must be valid UTF-8 that gives back the
# names' bytes, and apply must leave the shadow_t file alone and say so,
# while maildir hard links between folders (the tree's own types) are
# still relabeled.
source "$PFSEL_TOP/tests/lib/testlib.sh"

root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
fc=$root/etc/selinux/default/contexts/files/file_contexts
q=$root/var/spool/postfix/deferred/A
vm=$root/srv/vmail/example.org/u/Maildir
mkdir -p "$q" "$vm/cur" "$vm/.Sent/cur" "$root/etc"
# A virtual mailbox tree, as a pfsel [virtual] module labels it.
echo '/srv/vmail(/.*)?	system_u:object_r:mail_spool_t:s0' >"$fc.local"

# (A name cannot hold a '/'; the forged line names a relative path.)
forged=$'evil\nWould relabel shadow from system_u:object_r:shadow_t:s0 to system_u:object_r:etc_t:s0'
names=("$forged" $'esc\e]0;owned\a\e[2J' "it's \$(touch PWNED) \`id\`" \
	$'bad\xff\xfeutf8' $'tab\tand\rcr' 'back\slash')
for n in "${names[@]}"; do
	echo x >"$q/$n"
done
# The attack: a second name, inside the queue, for a shadow_t file.
echo 'root:$6$secret' >"$root/etc/shadow"
ln "$root/etc/shadow" "$q/HL"
# Maildir: the same message filed in two folders.
echo mail >"$vm/cur/1700000000.M1P1.mx,S=5:2,S"
ln "$vm/cur/1700000000.M1P1.mx,S=5:2,S" "$vm/.Sent/cur/1700000000.M1P1.mx,S=5:2,S"
find "$root/var/spool/postfix" "$root/srv" -exec \
	setfattr -h -n security.selinux -v system_u:object_r:var_t:s0 {} +
setfattr -n security.selinux -v system_u:object_r:shadow_t:s0 "$root/etc/shadow"
trees=("$root/var/spool/postfix" "$root/srv/vmail")
type_of() { getfattr -h --only-values -n security.selinux "$1" 2>/dev/null |
	tr -d '\0' | cut -d: -f3; }

# Text: one line per differing file, nothing a terminal would obey.
clean_err() { ! grep -aq -e Sanitizer -e 'runtime error' "$1"; }
"$LABEL" check -r "$root" "${trees[@]}" >"$T_TMP/check" 2>"$T_TMP/err"
check_eq "check exits 1 (labels differ)" 1 $?
check "check: no sanitizer report" clean_err "$T_TMP/err"
check "check: every line is a report line" python3 - "$T_TMP/check" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
lines = data.split(b"\n")[:-1]
ok = all(l.startswith((b"Would relabel ", b"Not relabeling ")) for l in lines)
sys.exit(0 if ok else 1)
PY
check "check: no forged line from a newline in a name" \
	sh -c "! grep -aq '^Would relabel shadow' '$T_TMP/check'"
check "check: output holds no control byte but newlines" python3 - "$T_TMP/check" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
bad = [b for b in data if (b < 0x20 and b != 0x0a) or b == 0x7f]
data.decode("utf-8")  # strict: invalid bytes were escaped
sys.exit(1 if bad else 0)
PY
nfiles=$((${#names[@]} + 1 + 2))  # the names, HL, two maildir links
check_eq "check: one line per differing file ($nfiles, dirs aside)" "$nfiles" \
	"$(grep -ac -e '/A/' -e '/cur/' "$T_TMP/check")"
check "check: the newline shows as \\n" \
	grep -aqF '/A/evil\nWould relabel shadow from' "$T_TMP/check"
check "check: ESC and BEL show as \\x1b and \\x07" \
	grep -aqF '/A/esc\x1b]0;owned\x07\x1b[2J from' "$T_TMP/check"
check "check: invalid UTF-8 shows as \\xff\\xfe" \
	grep -aqF '/A/bad\xff\xfeutf8 from' "$T_TMP/check"
check "check: a backslash shows doubled" \
	grep -aqF '/A/back\\slash from' "$T_TMP/check"
check "check: the hard-linked shadow_t file is reported with the reason" \
	grep -aq "^Not relabeling $q/HL from system_u:object_r:shadow_t:s0 to .*: it has 2 links and its type shadow_t is not one" "$T_TMP/check"
check "check: the hard-linked shadow_t file is no Would relabel line" \
	sh -c "! grep -aq '^Would relabel $q/HL ' '$T_TMP/check'"
check "check: maildir hard links would be relabeled" \
	grep -aq "^Would relabel $vm/.Sent/cur/1700000000" "$T_TMP/check"

# JSON: valid UTF-8, and the names' bytes come back.
"$LABEL" check --json -r "$root" "${trees[@]}" >"$T_TMP/json" 2>/dev/null
check "JSON: valid UTF-8, parses, names round-trip, hard link refused" \
	python3 - "$T_TMP/json" "$q" "${names[@]}" <<'PY'
import json, os, sys
raw = open(sys.argv[1], "rb").read()
text = raw.decode("utf-8")  # strict
objs = [json.loads(l) for l in text.splitlines()]
q = os.fsencode(sys.argv[2])
paths = {o["path"].encode("utf-8", "surrogateescape"): o for o in objs if "path" in o}
for n in sys.argv[3:]:
    assert q + b"/" + os.fsencode(n) in paths, n
hl = paths[q + b"/HL"]
assert hl["action"] == "refused" and hl["links"] == 2, hl
assert objs[-1]["summary"]["refused"] == 1, objs[-1]
PY

# apply: the shadow file keeps its label, the maildir links get theirs.
"$LABEL" apply -r "$root" "${trees[@]}" >"$T_TMP/apply" 2>"$T_TMP/err"
check_eq "apply exits 1: a hard link was left alone" 1 $?
check "apply: no sanitizer report" clean_err "$T_TMP/err"
check_eq "apply leaves the shadow_t file outside the tree alone" shadow_t \
	"$(type_of "$root/etc/shadow")"
check "apply reports the hard link it left" \
	grep -aq "^Not relabeling $q/HL from" "$T_TMP/apply"
check_eq "apply relabels maildir hard links (the tree's own types)" \
	"mail_spool_t mail_spool_t" \
	"$(type_of "$vm/cur/1700000000.M1P1.mx,S=5:2,S") $(type_of "$vm/.Sent/cur/1700000000.M1P1.mx,S=5:2,S")"
check "apply relabels the odd names" \
	test "$(type_of "$q/$forged")" != var_t
check "apply: no forged line either" \
	sh -c "! grep -aq '^Would relabel shadow' '$T_TMP/apply'"
check "nothing ran from a name" test ! -e PWNED -a ! -e "$q/PWNED"
exit 0
