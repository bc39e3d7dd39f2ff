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
policy() { ls "$root"/etc/selinux/default/policy/policy.* | tail -1; }
host_sum() { md5sum /var/lib/selinux/default/active/policy.kern \
	/etc/selinux/default/policy/policy.*; }
host_before=$(host_sum)

# semanage_port_add ROOT PROTO:PORT:TYPE...: one transaction, like
# "semanage port -a" (semanage itself cannot work on another root).
semanage_port_add() {
	/usr/bin/python3 - "$@" <<'EOF'
import sys, semanage
semanage.semanage_set_root(sys.argv[1])
sh = semanage.semanage_handle_create()
semanage.semanage_set_create_store(sh, 0)
semanage.semanage_set_reload(sh, 0)
semanage.semanage_msg_set_callback(sh, None, None)
assert semanage.semanage_connect(sh) >= 0
assert semanage.semanage_begin_transaction(sh) >= 0
for arg in sys.argv[2:]:
    proto, port, typ = arg.split(":")
    p = {"tcp": semanage.SEMANAGE_PROTO_TCP,
         "udp": semanage.SEMANAGE_PROTO_UDP}[proto]
    _, key = semanage.semanage_port_key_create(sh, int(port), int(port), p)
    _, rec = semanage.semanage_port_create(sh)
    _, con = semanage.semanage_context_create(sh)
    semanage.semanage_context_set_user(sh, con, "system_u")
    semanage.semanage_context_set_role(sh, con, "object_r")
    semanage.semanage_context_set_type(sh, con, typ)
    if semanage.semanage_mls_enabled(sh) > 0:
        semanage.semanage_context_set_mls(sh, con, "s0")
    semanage.semanage_port_set_proto(rec, p)
    semanage.semanage_port_set_range(rec, int(port), int(port))
    semanage.semanage_port_set_con(sh, rec, con)
    assert semanage.semanage_port_modify_local(sh, key, rec) >= 0
assert semanage.semanage_commit(sh) >= 0
EOF
}

check "store prepared with three local port labels" \
	semanage_port_add "$root" tcp:2600:http_port_t tcp:2526:http_port_t \
	tcp:2700:http_port_t
before=$(tmpdir)
cp "$active/ports.local" "$before/ports.local"
semodule -p "$root" -l >"$before/modules"
seinfo "$(policy)" --portcon -x >"$before/portcon"

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
check "semodule -p lists the module" \
	grep -qx "pfsel_rt" <(semodule -p "$root" -l)
# The label the kernel would use is the first match; seinfo lists all.
check "policy labels tcp/2525 smtp_port_t" \
	grep -q "portcon tcp 2525 system_u:object_r:smtp_port_t" \
	<(seinfo "$(policy)" --portcon 2525 -x)
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
	cmp -s "$before/portcon" <(seinfo "$(policy)" --portcon -x)
check "manifest removed" test ! -e "$manifest"

out=$("$GEN" uninstall pfsel_rt --root "$root" 2>&1)
check_eq "second uninstall fails" 2 "$?"
check "second uninstall says why" grep -q "not installed by pfsel-gen" \
	<<<"$out"
check_eq "the machine's own store did not change" "$host_before" \
	"$(host_sum)"
exit "$T_FAILED"
