#!/bin/bash
# issue 15: status lists what install put in a scratch store; verify
# notices a relabelled file, a removed port record and a removed module,
# exits 1 with the one command that restores each, and that command,
# run as printed, makes verify pass again.
source "$PFSEL_TOP/tests/lib/testlib.sh"

root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
dir=$(tmpdir)
cat >"$dir/life.ini" <<'INI'
[module]
name = pfsel_life

[daemon mylogd]
command = /usr/libexec/postfix/mylogd
log = /var/log/mylogd

[port alt]
port = tcp/2525
type = smtp_port_t
INI
mkdir -p "$root/var/log/mylogd" && touch "$root/var/log/mylogd/a.log"

check "install" "$GEN" install "$dir/life.ini" --root "$root"
"$LABEL" apply -r "$root" /var/log/mylogd >/dev/null 2>&1

out=$("$GEN" status --root "$root")
check_eq "status: the module and its priority" "pfsel_life: priority 400" \
	"$(head -1 <<<"$out")"
check "status: the spec it came from" grep -qx "  spec $dir/life.ini" <<<"$out"
check "status: its port" grep -qx "  port tcp/2525-2525 smtp_port_t (added)" <<<"$out"
check "status: its trees" grep -qx "  tree /var/log/mylogd" <<<"$out"
json=$("$GEN" status pfsel_life --root "$root" --json)
check_eq "status --json" "pfsel_life 400 smtp_port_t /var/log/mylogd" \
	"$(python3 -c 'import json,sys; m=json.load(sys.stdin)["modules"][0]
print(m["name"], m["priority"], m["ports"][0]["type"], m["trees"][1])' <<<"$json")"
check_fails "status of a module pfsel-gen did not install" \
	"$GEN" status nosuch --root "$root"

out=$("$GEN" verify --root "$root" 2>&1)
check "verify of an intact install exits 0" test $? = 0

# restore_from OUTPUT: run the restore command verify printed (one).
restore_from() {
	local cmd
	cmd=$(sed -n 's/^pfsel_life:   restore: //p' <<<"$1")
	[ "$(grep -c . <<<"$cmd")" = 1 ] || return 1
	PATH=$PFSEL_BIN:$PATH sh -c "$cmd" >/dev/null 2>&1
}

# A relabelled tree.
chcon -t tmp_t "$root/var/log/mylogd/a.log"
out=$("$GEN" verify --root "$root" 2>&1)
check_eq "verify: relabelled file: exit 1" 1 $?
check "verify: names the file and its labels" grep -q \
	"/var/log/mylogd/a.log has tmp_t, not postfix_mylogd_log_t" <<<"$out"
check "verify: restore is pfsel-label apply of the tree" grep -qx \
	"pfsel_life:   restore: pfsel-label apply -r $root /var/log/mylogd" <<<"$out"
check "the restore command runs" restore_from "$out"
check "verify after it exits 0" "$GEN" verify --root "$root"

# A removed port record (libsemanage, as semanage port -d would).
semanage_port_del "$root" tcp:2525
out=$("$GEN" verify --root "$root" --json 2>"$T_TMP/verify.err")
check_eq "verify --json: removed port: exit 1" 1 $?
check_eq "verify --json: changed, the port named, install restores it" \
	"True tcp/2525-2525 pfsel-gen install $dir/life.ini --root $root" \
	"$(python3 -c 'import json,sys; j=json.load(sys.stdin); l=j["modules"][0]["losses"][0]
print(j["changed"], l["what"].split()[1], l["restore"])' <<<"$out")"
check "the restore command runs" restore_from "$("$GEN" verify --root "$root" 2>&1)"
check "verify after it exits 0" "$GEN" verify --root "$root"

# A removed module.
semodule -p "$root" -r pfsel_life >/dev/null 2>&1
out=$("$GEN" verify pfsel_life --root "$root" 2>&1)
check_eq "verify: removed module: exit 1" 1 $?
check "verify: says the module is gone" grep -q \
	"LOST: module pfsel_life is not in the store" <<<"$out"
check "the restore command runs" restore_from "$out"
check "verify after it exits 0" "$GEN" verify --root "$root"

exit $T_FAILED
