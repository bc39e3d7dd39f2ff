#!/bin/bash
# Issue 15: install is idempotent and upgrades in place.  The same spec
# installed twice changes nothing (store files byte-identical, no store
# commit, NAME.before untouched, "unchanged", exit 0); plan says what an
# install would do (exit 0 nothing, 1 something) and writes nothing; a
# changed spec (a port removed, one added, a section added) is installed
# in place in one transaction; --json output of install, plan and
# uninstall is valid JSON with a "changed" field.
source "$PFSEL_TOP/tests/lib/testlib.sh"

root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
t=$(selinux_type_of "$root")
state=$root/var/lib/pfsel
commits() { od -An -tu4 -N4 "$root/var/lib/selinux/$t/active/commit_num" | tr -d ' '; }
before_sum() { (cd "$state/pfsel_idem.before" && sha256sum *); }
json_ok() { python3 -m json.tool >/dev/null; }
json_field() { # FIELD: from JSON on stdin, as python prints it
	/usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"
}

dir=$(tmpdir)
cat >"$dir/a.ini" <<'EOF2'
[module]
name = pfsel_idem

[daemon mylogd]
command = /usr/libexec/postfix/mylogd
log = /var/log/mylogd

[port alt]
port = tcp/2525
type = smtp_port_t
EOF2
# b: tcp/2525 dropped, tcp/2527 added, a section added.
sed 's|tcp/2525|tcp/2527|' "$dir/a.ini" >"$dir/b.ini"
printf '\n[daemon otherd]\ncommand = /usr/libexec/postfix/otherd\n' >>"$dir/b.ini"

out=$("$GEN" install "$dir/a.ini" --root "$root" 2>&1)
check_eq "first install exits 0" 0 "$?"
check "first install: module new" grep -q "module new" <<<"$out"

sums=$(store_digest "$root")
n=$(commits)
bsum=$(before_sum)
out=$("$GEN" install "$dir/a.ini" --root "$root" 2>&1)
check_eq "second install exits 0" 0 "$?"
check "second install says unchanged" grep -q "unchanged" <<<"$out"
check_eq "second install: store files byte-identical" "$sums" \
	"$(store_digest "$root")"
check_eq "second install: no store commit" "$n" "$(commits)"
check_eq "second install: NAME.before untouched" "$bsum" "$(before_sum)"

json=$("$GEN" install "$dir/a.ini" --root "$root" --json 2>/dev/null)
check "install --json is valid JSON" json_ok <<<"$json"
check_eq "install --json: changed false" False "$(json_field changed <<<"$json")"

out=$("$GEN" plan "$dir/a.ini" --root "$root" 2>&1)
check_eq "plan of the installed spec exits 0" 0 "$?"
check "plan says unchanged" grep -q "unchanged" <<<"$out"

# With -o the module is rebuilt: against the policy without the installed
# module (emitted against the policy holding it, it lost its daemon's
# search rules), so it comes out the same and nothing is committed.
out=$("$GEN" install "$dir/a.ini" -o "$dir/out" --root "$root" 2>&1)
check_eq "rebuilt install of the same spec exits 0" 0 "$?"
check "rebuilt install of the same spec: unchanged" grep -q "unchanged" <<<"$out"
check_eq "rebuilt install of the same spec: no store commit" "$n" "$(commits)"
check_eq "rebuilt install: store files byte-identical" "$sums" "$(store_digest "$root")"
check "the rebuilt module keeps the daemon's search rules" \
	grep -q "search_dir_perms" "$dir/out/pfsel_idem.te"

# The new section's program exists under ROOT: one file to relabel.
mkdir -p "$root/usr/libexec/postfix" && touch "$root/usr/libexec/postfix/otherd"
out=$("$GEN" plan "$dir/b.ini" --root "$root" 2>/dev/null)
check_eq "plan of a changed spec exits 1" 1 "$?"
check "plan: module changed, with rule counts" \
	grep -Eq "module changed: [0-9]+ rules installed, [0-9]+ rules new" <<<"$out"
check "plan: port removed" grep -q "port removed tcp/2525-2525: smtp_port_t -> none" <<<"$out"
check "plan: port added" grep -q "port added tcp/2527-2527: none -> smtp_port_t" <<<"$out"
check "plan: file context added, with the files it relabels" \
	grep -q 'file context added (filecon "/usr/libexec/postfix/otherd" .*: 1 existing file to relabel' <<<"$out"
json=$("$GEN" plan "$dir/b.ini" --root "$root" --json 2>/dev/null)
check "plan --json is valid JSON" json_ok <<<"$json"
check_eq "plan --json: changed true" True "$(json_field changed <<<"$json")"
check_eq "plan wrote nothing" "$sums" "$(store_digest "$root")"
check_eq "plan committed nothing" "$n" "$(commits)"

json=$("$GEN" install "$dir/b.ini" --root "$root" --json 2>"$dir/err")
check_eq "upgrade exits 0" 0 "$?"
check "upgrade --json is valid JSON" json_ok <<<"$json"
check_eq "upgrade --json: changed true" True "$(json_field changed <<<"$json")"
check_eq "upgrade: module changed" changed "$(json_field module_change <<<"$json")"
check_eq "upgrade: one store commit" "$((n + 1))" "$(commits)"
check "upgrade prints the --changed-since line" \
	grep -q -- "--changed-since $state/pfsel_idem.before/file_contexts" "$dir/err"
active=$root/var/lib/selinux/$t/active
check "upgrade removed tcp/2525" test -z "$(grep ' 2525 ' "$active/ports.local")"
check "upgrade added tcp/2527" grep -q "portcon tcp 2527 .*smtp_port_t" "$active/ports.local"
check "upgrade: the new section's type is in the policy" \
	grep -q postfix_otherd_exec_t <(seinfo -t postfix_otherd_exec_t "$(policy_of "$root")")
check "manifest rewritten: tcp/2527" \
	grep -qx "port tcp 2527 2527 smtp_port_t added" "$state/pfsel_idem.manifest"
check_fails "manifest rewritten: no tcp/2525" \
	grep -q "port tcp 2525" "$state/pfsel_idem.manifest"
check "module installed once" test "$(semodule -p "$root" -l | grep -cx pfsel_idem)" = 1

json=$("$GEN" uninstall pfsel_idem --root "$root" --json 2>/dev/null)
check "uninstall --json is valid JSON" json_ok <<<"$json"
check_eq "uninstall --json: changed true" True "$(json_field changed <<<"$json")"
exit "$T_FAILED"
