#!/bin/bash
# Two pfsel modules that need the same port label: the second finds it
# set by the first and records a claim of its own, so that the label
# stays until the last module that needs it is uninstalled, in either
# order, and then the store is as it was before both (ports.local and the
# binary policy's port labels).  A module that overrides another's label
# gives it back when it goes.  A manifest that cannot be read stops an
# install before anything changes.  The machine's own store must not
# change at all.
source "$PFSEL_TOP/tests/lib/testlib.sh"

root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
active=$root/var/lib/selinux/default/active
host_before=$(host_store_sum)
# The label of tcp/PORT as the kernel would choose it: libsepol orders
# portcons narrowest range first, and the first match wins (seinfo
# prints them sorted by protocol and range instead).
label_of() { seinfo "$(policy_of "$root")" --portcon "$1" -x |
	awk '$2 == "tcp" { split($3, r, "-"); w = (r[2] == "" ? 0 : r[2] - r[1])
		if (best == "" || w < bw) { best = $4; bw = w } }
		END { print best }'; }
local_of() { grep -q " $1 " "$active/ports.local" 2>/dev/null; }

dir=$(tmpdir)
spec() { # NAME TYPE [override]
	printf '[module]\nname = %s\n\n[port alt]\nport = tcp/2525\ntype = %s\n' \
		"$1" "$2"
	[ $# -lt 3 ] || echo "override = yes"
}
spec pfsel_a smtp_port_t >"$dir/pfsel_a.ini"
spec pfsel_b smtp_port_t >"$dir/pfsel_b.ini"
spec pfsel_c pop_port_t yes >"$dir/pfsel_c.ini"
before=$(tmpdir)
test -e "$active/ports.local" && cp "$active/ports.local" "$before/"
seinfo "$(policy_of "$root")" --portcon -x >"$before/portcon"
check_eq "before: tcp/2525 has the policy's generic label" \
	"system_u:object_r:unreserved_port_t:s0" "$(label_of 2525)"

install() { "$GEN" install "$dir/$1.ini" --root "$root" 2>&1; }
uninstall() { "$GEN" uninstall "$1" --root "$root" 2>&1; }
back_as_before() {
	check "$1: ports.local as before" \
		cmp -s <(cat "$before/ports.local" 2>/dev/null) \
		<(cat "$active/ports.local" 2>/dev/null)
	check "$1: binary policy port labels as before" \
		cmp -s "$before/portcon" \
		<(seinfo "$(policy_of "$root")" --portcon -x)
}

# --- a, then b; a goes first ---
out=$(install pfsel_a) || echo "$out"
check "a added the local label" local_of 2525
out=$(install pfsel_b)
check_eq "b installs" 0 $?
check "b says the label is shared with a" \
	grep -q "tcp/2525 is already labeled smtp_port_t by module pfsel_a" \
	<<<"$out"
check "b's manifest claims the port with the original state" \
	grep -qx "port tcp 2525 2525 smtp_port_t added" \
	"$root/var/lib/pfsel/pfsel_b.manifest"
out=$(uninstall pfsel_a)
check_eq "a uninstalls" 0 $?
check "a's uninstall says why the label stays" \
	grep -q "tcp/2525 stays labeled smtp_port_t: module pfsel_b needs it" \
	<<<"$out"
check "b still has tcp/2525 (local record)" local_of 2525
check_eq "b still has tcp/2525 (binary policy)" \
	"system_u:object_r:smtp_port_t:s0" "$(label_of 2525)"
out=$(uninstall pfsel_b)
check_eq "b uninstalls" 0 $?
back_as_before "a then b, a first"

# --- a, then b; b goes first ---
install pfsel_a >/dev/null
install pfsel_b >/dev/null
uninstall pfsel_b >/dev/null
check_eq "b gone first: a keeps tcp/2525" \
	"system_u:object_r:smtp_port_t:s0" "$(label_of 2525)"

# --- c overrides a's label, and gives it back ---
out=$(install pfsel_c)
check_eq "c installs over a's label (override = yes)" 0 $?
check "c says what it replaces" \
	grep -q "pop_port_t replaces smtp_port_t" <<<"$out"
check "c records the state before any pfsel module" \
	grep -qx "port tcp 2525 2525 pop_port_t added" \
	"$root/var/lib/pfsel/pfsel_c.manifest"
check_eq "c's label wins" "system_u:object_r:pop_port_t:s0" \
	"$(label_of 2525)"
uninstall pfsel_c >/dev/null
check_eq "c gone: a's label is back" "system_u:object_r:smtp_port_t:s0" \
	"$(label_of 2525)"

# --- a manifest that cannot be read: nothing changes ---
printf '# pfsel manifest 1\nmodule pfsel_x\nport tcp 1 2\n' \
	>"$root/var/lib/pfsel/pfsel_x.manifest"
sum() { md5sum "$active/policy.kern" "$active/ports.local" 2>/dev/null; }
store_before=$(sum)
out=$(install pfsel_b)
check_eq "a bad manifest of another module: exit 2" 2 $?
check "the error names its file:line" \
	grep -q "pfsel_x.manifest:3: malformed port record" <<<"$out"
check_eq "the store did not change" "$store_before" "$(sum)"
check "no manifest written for the refused install" \
	test ! -e "$root/var/lib/pfsel/pfsel_b.manifest"
rm "$root/var/lib/pfsel/pfsel_x.manifest"

uninstall pfsel_a >/dev/null
back_as_before "a then b, b first"
check_eq "the machine's own store did not change" "$host_before" \
	"$(host_store_sum)"
exit "$T_FAILED"
