#!/bin/bash
# 32-label-options - pfsel-label check/apply options and exit statuses:
# trees from --manifest and --spec, paths relative to -r ROOT, --xdev
# and pseudo file systems, the JSON summary, the progress line (only on
# a terminal), 0/1/2.  setfiles(8) is the oracle wherever it has an
# answer.
source "$PFSEL_TOP/tests/lib/testlib.sh"

MKTREE=$PFSEL_TOP/tests/data/label/mktree.py
root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
fc=$root/etc/selinux/default/contexts/files/file_contexts
python3 "$MKTREE" "$root" 1500 --seed 5 --scramble 0.5 >/dev/null


# Exit statuses.
"$LABEL" check -r "$root" "$root/srv" >/dev/null 2>&1
check_eq "exit 1 when a label differs" 1 $?
"$LABEL" check -r "$root" "$root/nonexistent" >/dev/null 2>&1
check_eq "exit 2 for a missing path" 2 $?
"$LABEL" check -r "$root" /tmp >/dev/null 2>"$T_TMP/err"
check_eq "exit 2 for a path outside ROOT" 2 $?
"$LABEL" check --bogus >/dev/null 2>&1
check_eq "exit 2 for an unknown option" 2 $?
"$LABEL" check -r "$root" >/dev/null 2>&1
check_eq "exit 2 when there is nothing to check" 2 $?
"$LABEL" check -j 0 -r "$root" "$root/srv" >/dev/null 2>&1
check_eq "exit 2 for -j 0" 2 $?

# Paths may be given inside ROOT or relative to it, as with setfiles -r.
check_eq "/srv means ROOT/srv under -r" "$(label_would "$root" "$root/srv")" "$(label_would "$root" /srv)"
check_eq "a trailing slash changes nothing" "$(label_would "$root" "$root/srv")" \
	"$(label_would "$root" "$root/srv/")"
check_eq "ROOT/ is the root itself, as for setfiles" \
	"$(setfiles_would "$root" "$root")" "$(label_would "$root" "$root/")"

# --manifest: its tree lines, absent ones skipped.
cat >"$T_TMP/m.manifest" <<EOF2
# pfsel manifest 1
module postfix_site
spec /etc/pfsel/site.ini
tree /srv/vmail
tree /var/spool/postfix-out
tree /var/lib/postfix-out
EOF2
expect=$(setfiles_would "$root" "$root/srv/vmail" "$root/var/spool/postfix-out")
check "the manifest's trees have wrong labels" test -n "$expect"
check_eq "--manifest checks exactly its trees" "$expect" \
	"$(label_would "$root" --manifest "$T_TMP/m.manifest")"
printf '# pfsel manifest 1\nmodule x\ntree relative/path\n' \
	>"$T_TMP/bad.manifest"
"$LABEL" check -r "$root" --manifest "$T_TMP/bad.manifest" >/dev/null \
	2>"$T_TMP/err"
check_eq "a bad manifest is an error" 2 $?

# --spec: the trees of the spec's module (lib/spec_trees.c).
cat >"$T_TMP/site.ini" <<'EOF2'
[module]
name = postfix_site

[queue]
directory = /srv/mailqueue

[virtual]
mailbox_base = /srv/vmail
EOF2
expect=$(setfiles_would "$root" "$root/srv/mailqueue" "$root/srv/vmail")
got=$(label_would "$root" --spec "$T_TMP/site.ini")
check_eq "--spec checks the spec's trees" "$expect" "$got"
"$LABEL" apply -r "$root" --spec "$T_TMP/site.ini" >/dev/null 2>&1
check_eq "apply --spec exits 0" 0 $?
check_eq "after apply --spec its trees are clean" "" \
	"$(setfiles_would "$root" "$root/srv/mailqueue" "$root/srv/vmail")"
check "apply --spec left other trees alone" \
	test -n "$(setfiles_would "$root" "$root/var/spool/postfix-out")"
echo '[module]' >"$T_TMP/empty.ini"
echo 'name = nothing_here' >>"$T_TMP/empty.ini"
"$LABEL" check -r "$root" --spec "$T_TMP/empty.ini" >/dev/null 2>&1
check_eq "a spec without trees: nothing to do, exit 0" 0 $?

# --changed-since: only the trees a file contexts change can affect.
old=$T_TMP/old
mkdir -p "$old"
cp -a "$root/etc/selinux/default/contexts/files/." "$old/"
"$LABEL" check -r "$root" --changed-since "$old/file_contexts" \
	>"$T_TMP/out" 2>&1
check_eq "--changed-since, nothing changed: exit 0" 0 $?
check_eq "--changed-since, nothing changed: no output" "" "$(cat "$T_TMP/out")"
printf '%s\n' '/srv/mailqueue(/.*)?	system_u:object_r:postfix_spool_t:s0' \
	'/var/spool/postfix-out/active(/.*)?	system_u:object_r:postfix_spool_maildrop_t:s0' \
	>"$fc.local"
expect=$(setfiles_would "$root" "$root/srv/mailqueue" "$root/var/spool/postfix-out/active")
check "the install changes labels" \
	grep -aq 'mailqueue/deferred.* to .*postfix_spool_t' <<<"$expect"
check_eq "--changed-since after an install: exactly the changed trees" \
	"$expect" "$(label_would "$root" --changed-since "$old/file_contexts")"
"$LABEL" apply -r "$root" --changed-since "$old/file_contexts" >/dev/null 2>&1
check_eq "apply --changed-since: those trees are clean" "" \
	"$(setfiles_would "$root" "$root/srv/mailqueue" "$root/var/spool/postfix-out/active")"
# The uninstall: the saved copy has the module, the live one not.
cp "$fc.local" "$old/file_contexts.local"
rm "$fc.local"
expect=$(setfiles_would "$root" "$root/srv/mailqueue" "$root/var/spool/postfix-out/active")
check "the uninstall changes labels back" test -n "$expect"
check_eq "--changed-since after an uninstall: exactly the changed trees" \
	"$expect" "$(label_would "$root" --changed-since "$old/file_contexts")"
rm -rf "$old"

# JSON summary.
"$LABEL" check --json -r "$root" "$root/var/spool/postfix" \
	>"$T_TMP/json" 2>/dev/null
check "JSON: every line is an object, the last the summary" python3 -c '
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
objs = [json.loads(l) for l in lines]
s = objs[-1]["summary"]
assert all("path" in o and "to" in o for o in objs[:-1])
assert s["differ"] == len(objs) - 1 and s["files"] >= s["differ"] > 0
assert s["errors"] == 0 and s["interrupted"] is False
' "$T_TMP/json"

# Progress: only on a terminal.
"$LABEL" check -r "$root" "$root/srv" >/dev/null 2>"$T_TMP/err"
check_eq "no progress line when stderr is not a terminal" "" \
	"$(cat "$T_TMP/err")"
script -qec "$LABEL check -j1 -r $root $root/var/spool $root/srv \
	>/dev/null" /dev/null >"$T_TMP/tty" 2>&1 </dev/null
check "progress line on a terminal (files/s, done, ETA)" \
	grep -aqE '[0-9]+ files/s.*% done, ETA' "$T_TMP/tty"

# Mount points: --xdev (the default) does not cross, like setfiles.
mnt=$root/srv/vmail/mnt
mkdir -p "$mnt"
if mount -t tmpfs pfsel-test "$mnt" 2>/dev/null; then
	mkdir "$mnt/inner" && : >"$mnt/inner/file"
	check_eq "--xdev: same as setfiles" "$(setfiles_would "$root" "$root/srv")" \
		"$(label_would "$root" "$root/srv")"
	check "--xdev: nothing below the mount point" \
		test -z "$(label_would "$root" "$root/srv" | grep -a 'vmail/mnt/')"
	check "--no-xdev: below the mount point too" \
		grep -aq 'vmail/mnt/inner/file' <(label_would "$root" --no-xdev "$root/srv")
	check "--no-xdev --skip-tmpfs: tmpfs skipped" \
		test -z "$(label_would "$root" --no-xdev --skip-tmpfs "$root/srv" |
			grep -a 'vmail/mnt/')"
	umount "$mnt"
else
	ok "# skip: cannot mount a tmpfs here"
fi
exit $T_FAILED
