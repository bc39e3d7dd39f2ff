#!/bin/bash
# Links and odd files planted in ROOT/var/lib/pfsel: the directory itself
# a symbolic link, NAME.before a link to a directory, NAME.manifest a link
# to a file (a plausible manifest), a FIFO or a directory in place of the
# manifest.  install and uninstall refuse each one with an error naming
# the path, change nothing in the store, and leave the link's target as
# it was (pfsel-gen must never write, rename or delete through a link).
source "$PFSEL_TOP/tests/lib/testlib.sh"

root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
state=$root/var/lib/pfsel
dir=$(tmpdir)
spec=$PFSEL_TOP/examples/ports/spec.ini
m=postfix_ports
tree_sum() { (cd "$1" && find . -printf '%p %y %s\n' | sort && find . -type f -exec md5sum {} + | sort) 2>/dev/null; }
install() { timeout 120 "$GEN" install "$spec" -o "$dir/out" --root "$root" 2>&1; }
uninstall() { timeout 120 "$GEN" uninstall $m --root "$root" 2>&1; }

# refused WHAT WANT_IN_ERROR CMD: exit 2, the error names the path, the
# store unchanged.
refused() {
	local what=$1 want=$2 before out rc
	shift 2
	before=$(store_sum "$root")
	out=$("$@")
	rc=$?
	check_eq "$what: refused (exit 2)" 2 "$rc"
	if [[ "$out" == *"$want"* ]]; then
		ok "$what: the error names it"
	else
		not_ok "$what: the error names it"
		echo "  want: $want"
		echo "  got:  $out"
	fi
	check_eq "$what: store unchanged" "$before" "$(store_sum "$root")"
}

# --- install, nothing installed yet ---
mkdir -p "$dir/elsewhere" "$root/var/lib"
ln -s "$dir/elsewhere" "$state"
refused "install, var/lib/pfsel a symlink" \
	"$state: is a symbolic link, not a directory" install
check_eq "install, var/lib/pfsel a symlink: target untouched" "" \
	"$(ls -A "$dir/elsewhere")"
rm "$state"

mkdir -p "$state" "$dir/before-target"
ln -s "$dir/before-target" "$state/$m.before"
refused "install, NAME.before a symlink" \
	"$state/$m.before: is a symbolic link" install
check_eq "install, NAME.before a symlink: target untouched" "" \
	"$(ls -A "$dir/before-target")"
rm "$state/$m.before"

printf '# pfsel manifest 1\nmodule %s\n' $m >"$dir/victim"
cp "$dir/victim" "$dir/victim.orig"
ln -s "$dir/victim" "$state/$m.manifest"
refused "install, NAME.manifest a symlink" \
	"$state/$m.manifest: is a symbolic link" install
check "install, NAME.manifest a symlink: target untouched" \
	cmp -s "$dir/victim" "$dir/victim.orig"
check "install, NAME.manifest a symlink: the link is still there" \
	test -L "$state/$m.manifest"
rm "$state/$m.manifest"

mkfifo "$state/$m.manifest"
refused "install, a FIFO in place of NAME.manifest" \
	"$state/$m.manifest: is not a regular file" install
rm "$state/$m.manifest"
mkdir "$state/$m.manifest"
refused "install, a directory in place of NAME.manifest" \
	"$state/$m.manifest: is not a regular file" install
rmdir "$state/$m.manifest"
check_fails "after the refused installs: module not listed" module_listed "$root" $m

# --- uninstall of an installed module ---
out=$(install)
check_eq "install in a clean ROOT/var/lib/pfsel" 0 $?
check "installed: module listed" module_listed "$root" $m

mv "$state" "$dir/real-state"
ln -s "$dir/real-state" "$state"
tree_sum "$dir/real-state" >"$dir/sum"
refused "uninstall, var/lib/pfsel a symlink" \
	"$state: is a symbolic link, not a directory" uninstall
check "uninstall, var/lib/pfsel a symlink: target untouched" \
	cmp -s "$dir/sum" <(tree_sum "$dir/real-state")
rm "$state"
mv "$dir/real-state" "$state"

mv "$state/$m.manifest" "$dir/real-manifest"
ln -s "$dir/real-manifest" "$state/$m.manifest"
refused "uninstall, NAME.manifest a symlink" \
	"$state/$m.manifest: is a symbolic link" uninstall
check "uninstall, NAME.manifest a symlink: target still there" \
	test -f "$dir/real-manifest"
rm "$state/$m.manifest"

mkfifo "$state/$m.manifest"
refused "uninstall, a FIFO in place of NAME.manifest" \
	"$state/$m.manifest: is not a regular file" uninstall
rm "$state/$m.manifest"
mv "$dir/real-manifest" "$state/$m.manifest"

mv "$state/$m.before" "$dir/real-before"
ln -s "$dir/real-before" "$state/$m.before"
tree_sum "$dir/real-before" >"$dir/sum"
refused "uninstall, NAME.before a symlink" \
	"$state/$m.before: is a symbolic link" uninstall
check "uninstall, NAME.before a symlink: target untouched" \
	cmp -s "$dir/sum" <(tree_sum "$dir/real-before")
rm "$state/$m.before"
check "after the refused uninstalls: module still listed" module_listed "$root" $m

out=$(uninstall)
check_eq "uninstall in a clean ROOT/var/lib/pfsel" 0 $?
check_fails "uninstalled: module not listed" module_listed "$root" $m
exit "$T_FAILED"
