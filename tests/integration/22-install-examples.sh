#!/bin/bash
# Every shipped recipe (examples/*/spec.ini) installs into a fresh scratch
# copy of the policy store: semodule -p lists its module, the binary
# policy the store built has the module's types (seinfo), every port label
# the manifest records is in ports.local and in that policy, and the
# manifest's trees come from the spec.  The ports recipe is uninstalled
# again: module list and ports.local as before (there was none).
source "$PFSEL_TOP/tests/lib/testlib.sh"

ports_state() { # ACTIVE-DIR
	if [ -e "$1/ports.local" ]; then md5sum <"$1/ports.local"; else
		echo "no ports.local"; fi
}

for spec in "$PFSEL_TOP"/examples/*/spec.ini; do
	name=$(basename "$(dirname "$spec")")
	root=$(scratch_root) || { not_ok "$name: scratch root"; continue; }
	module=$(sed -n 's/^name[ \t]*=[ \t]*\([a-z0-9_]*\).*/\1/p' "$spec" |
		head -1)
	active=$root/var/lib/selinux/default/active
	mods_before=$(semodule -p "$root" -l | md5sum)
	ports_before=$(ports_state "$active")
	out=$("$GEN" install "$spec" --root "$root" 2>&1)
	rc=$?
	check_eq "$name: install exits 0" 0 "$rc"
	if [ "$rc" != 0 ]; then
		echo "$out"
		continue
	fi
	check "$name: semodule -p lists $module" \
		grep -qx "$module" <(semodule -p "$root" -l)
	manifest=$root/var/lib/pfsel/$module.manifest
	check "$name: manifest written" test -s "$manifest"
	policy=$(ls "$root"/etc/selinux/default/policy/policy.* | tail -1)
	# Each "type X;" the module declares itself (templates declare
	# more) is in the policy the store built.
	edir=$(tmpdir)
	"$GEN" emit "$spec" -o "$edir" >/dev/null 2>&1
	seinfo "$policy" -t | sed 's/^ *//' >"$edir/types"
	missing=
	for t in $(sed -n 's/^type \([a-z0-9_]*\);/\1/p' "$edir/$module.te"); do
		grep -qx "$t" "$edir/types" || missing="$missing $t"
	done
	check_eq "$name: the store's policy has the module's types" "" \
		"$missing"
	while read -r _ proto low high type _; do
		range=$low
		[ "$low" = "$high" ] || range=$low-$high
		check "$name: ports.local labels $proto/$range $type" \
			grep -qx "portcon $proto $range system_u:object_r:$type:s0" \
			"$root/var/lib/selinux/default/active/ports.local"
		check "$name: the store's policy labels $proto/$range $type" \
			grep -q "portcon $proto $range system_u:object_r:$type:" \
			<(seinfo "$policy" --portcon "$low" -x)
	done < <(grep '^port ' "$manifest")
	# Each tree is a path the spec names (or the directory of one).
	while read -r _ tree; do
		check "$name: manifest tree $tree comes from the spec" \
			grep -qF "$tree" "$spec"
	done < <(grep '^tree ' "$manifest")
	# The fresh store had no ports.local: the round trip must not leave
	# one behind (libsemanage writes a header-only file).
	if [ "$name" = ports ]; then
		check "$name: uninstall exits 0" \
			"$GEN" uninstall "$module" --root "$root"
		check_eq "$name: round trip: module list identical" \
			"$mods_before" "$(semodule -p "$root" -l | md5sum)"
		check_eq "$name: round trip: ports.local identical" \
			"$ports_before" "$(ports_state "$active")"
	fi
	rm -rf "$root"
done
exit "$T_FAILED"
