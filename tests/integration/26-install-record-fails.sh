#!/bin/bash
# When ROOT/var/lib/pfsel cannot be written (made immutable with chattr
# +i, which stops root too), install and uninstall must not change the
# store: the change is recorded there before the commit, so a record
# that cannot be written stops the run while the store is untouched.
# (Before, the store was committed first and the manifest write failed
# after: a module and port labels nobody recorded, or a manifest for a
# module gone.)  NAME.before/ already exists, as after any earlier run,
# and stays writable: the file contexts copy is not what fails.
source "$PFSEL_TOP/tests/lib/testlib.sh"

root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
state=$root/var/lib/pfsel
trap 'chattr -i "$state" 2>/dev/null; rm -rf "$T_TMP"' EXIT
dir=$(tmpdir)
m=postfix_ports
spec=$PFSEL_TOP/examples/ports/spec.ini

mkdir -p "$state/$m.before"
if ! chattr +i "$state" 2>/dev/null; then
	echo "ok - SKIPPED: chattr +i does not work on $(df --output=fstype "$state" | tail -1)"
	exit 0
fi
before=$(store_sum "$root")
out=$("$GEN" install "$spec" -o "$dir/out" --root "$root" 2>&1)
check_eq "install with ROOT/var/lib/pfsel immutable: exit 2" 2 $?
check "install: the error says nothing was changed" \
	grep -q "nothing was changed" <<<"$out"
check_eq "install: store unchanged" "$before" "$(store_sum "$root")"
check_fails "install: module not listed" module_listed "$root" $m
check "install: no manifest" test ! -e "$state/$m.manifest"
chattr -i "$state"

out=$("$GEN" install "$spec" -o "$dir/out" --root "$root" 2>&1)
check_eq "install once the directory is writable" 0 $?
chattr +i "$state"
before=$(store_sum "$root")
out=$("$GEN" uninstall $m --root "$root" 2>&1)
check_eq "uninstall with ROOT/var/lib/pfsel immutable: exit 2" 2 $?
check_eq "uninstall: store unchanged" "$before" "$(store_sum "$root")"
check "uninstall: module still listed, as the manifest says" module_listed "$root" $m
check "uninstall: manifest still there" test -f "$state/$m.manifest"
chattr -i "$state"
out=$("$GEN" uninstall $m --root "$root" 2>&1)
check_eq "uninstall once the directory is writable" 0 $?
check_fails "uninstalled: module not listed" module_listed "$root" $m
exit "$T_FAILED"
