#!/bin/bash
# install / reinstall / uninstall on a scratch store: the round trip must
# leave the module list and ports.local byte-identical, and the binary
# policy's port labels (seinfo) identical.  The store starts with local
# port labels made the way semanage does (python3-semanage, one
# transaction): one the spec takes over (override = yes), two it must not
# touch.  The machine's own store must not change at all.
source "$PFSEL_TOP/tests/lib/testlib.sh"

root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
active=$root/var/lib/selinux/default/active
host_before=$(host_store_sum)

check "store prepared with three local port labels" \
	semanage_port_set "$root" tcp:2600:http_port_t tcp:2526:http_port_t \
	tcp:2700:http_port_t
before=$(tmpdir)
cp "$active/ports.local" "$before/ports.local"
semodule -p "$root" -l >"$before/modules"
seinfo "$(policy_of "$root")" --portcon -x >"$before/portcon"

dir=$(tmpdir)
cat >"$dir/a.ini" <<'EOF'
[module]
name = pfsel_rt

[daemon mylogd]
command = /usr/libexec/postfix/mylogd
log = /var/log/mylogd

[port alt]
port = tcp/2525
type = smtp_port_t

[port reinject]
port = tcp/10024
type = smtp_port_t
override = yes

[port taken_locally]
port = tcp/2526
type = smtp_port_t
override = yes
EOF
# The reinstall drops tcp/2525 and adds tcp/2527.
sed 's|tcp/2525|tcp/2527|' "$dir/a.ini" >"$dir/b.ini"
manifest=$root/var/lib/pfsel/pfsel_rt.manifest

buildtmp=$(tmpdir)
out=$(TMPDIR=$buildtmp "$GEN" install "$dir/a.ini" --root "$root" 2>&1)
rc=$?
check_eq "install exits 0" 0 "$rc"
[ "$rc" = 0 ] || echo "$out"
check "install says: one transaction" \
	grep -q "in one transaction" <<<"$out"
check "install reports the label it replaces" \
	grep -q "tcp/10024: smtp_port_t replaces amavisd_recv_port_t" <<<"$out"
check_eq "install without -o leaves no build directory" "" \
	"$(ls -A "$buildtmp")"
check "semodule -p lists the module" module_listed "$root" pfsel_rt
# The label the kernel would use is the first match; seinfo lists all.
check "policy labels tcp/2525 smtp_port_t" \
	grep -q "portcon tcp 2525 system_u:object_r:smtp_port_t" \
	<(seinfo "$(policy_of "$root")" --portcon 2525 -x)
check "tcp/10024 got a local smtp_port_t label (semanage port -m)" \
	grep -qx "portcon tcp 10024 system_u:object_r:smtp_port_t:s0" \
	"$active/ports.local"
check "the local tcp/2526 label was replaced" \
	grep -qx "portcon tcp 2526 system_u:object_r:smtp_port_t:s0" \
	"$active/ports.local"
check "unrelated local labels stay" \
	grep -qx "portcon tcp 2600 system_u:object_r:http_port_t:s0" \
	"$active/ports.local"
check "manifest records an added port" \
	grep -qx "port tcp 2525 2525 smtp_port_t added" "$manifest"
check "manifest records the replaced local label" \
	grep -qx "port tcp 2526 2526 smtp_port_t modified http_port_t" \
	"$manifest"
check "manifest records the spec's trees" \
	grep -qx "tree /var/log/mylogd" "$manifest"
check "manifest records the spec" \
	grep -qx "spec $dir/a.ini" "$manifest"

out=$("$GEN" install "$dir/b.ini" -o "$dir/out" --root "$root" 2>&1)
check_eq "reinstall with another spec exits 0" 0 "$?"
check "install -o DIR keeps the module package" test -s "$dir/out/pfsel_rt.pp"
check "reinstall removed the port the spec dropped" \
	test -z "$(grep ' 2525 ' "$active/ports.local")"
check "reinstall added the new port" \
	grep -qx "portcon tcp 2527 system_u:object_r:smtp_port_t:s0" \
	"$active/ports.local"
check "reinstall kept the old type of the replaced label" \
	grep -qx "port tcp 2526 2526 smtp_port_t modified http_port_t" \
	"$manifest"
check_eq "module installed once" 1 \
	"$(semodule -p "$root" -l | grep -cx pfsel_rt)"

out=$("$GEN" uninstall pfsel_rt --root "$root" 2>&1)
rc=$?
check_eq "uninstall exits 0" 0 "$rc"
[ "$rc" = 0 ] || echo "$out"
check "module list byte-identical after the round trip" \
	cmp -s "$before/modules" <(semodule -p "$root" -l)
check "ports.local byte-identical after the round trip" \
	cmp -s "$before/ports.local" "$active/ports.local"
check "binary policy port labels identical after the round trip" \
	cmp -s "$before/portcon" <(seinfo "$(policy_of "$root")" --portcon -x)
check "manifest removed" test ! -e "$manifest"

out=$("$GEN" uninstall pfsel_rt --root "$root" 2>&1)
check_eq "second uninstall fails" 2 "$?"
check "second uninstall says why" grep -q "not installed by pfsel-gen" \
	<<<"$out"
check_eq "the machine's own store did not change" "$host_before" \
	"$(host_store_sum)"
exit "$T_FAILED"
