#!/bin/bash
# issue 15: the Ansible role contrib/ansible/roles/pfsel with Debian's
# ansible-core, against localhost and a scratch root: check mode reports
# the change and makes none (store byte-identical), the first run
# changes, the second does not.
source "$PFSEL_TOP/tests/lib/testlib.sh"

command -v ansible-playbook >/dev/null ||
	{ not_ok "ansible-playbook (ansible-core, scripts/deps.sh)"; exit 1; }
root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
dir=$(tmpdir)
cat >"$dir/site.ini" <<'INI'
[module]
name = pfsel_ansible

[port alt]
port = tcp/2525
type = smtp_port_t
INI
cat >"$dir/play.yml" <<YML
- hosts: localhost
  connection: local
  gather_facts: false
  roles:
    - role: pfsel
      pfsel_input: $dir/site.ini
      pfsel_root: $root
      pfsel_gen: $GEN
YML
export ANSIBLE_ROLES_PATH=$PFSEL_TOP/contrib/ansible/roles
export ANSIBLE_LOCAL_TEMP=$dir/tmp ANSIBLE_REMOTE_TEMP=$dir/tmp
export ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0
# play [--check]: the recap's "changed=N failed=N" of one run.
play() {
	ansible-playbook -i localhost, "$dir/play.yml" "$@" >"$dir/out" 2>&1
	sed -n 's/^localhost *: .*\(changed=[0-9]*\).*\(failed=[0-9]*\).*/\1 \2/p' "$dir/out"
}
# expect_play WHAT WANT [--check]: one run, its output shown when the
# recap is not WANT.
expect_play() {
	local got
	got=$(play "${@:3}")
	check_eq "$1" "$2" "$got"
	[ "$got" = "$2" ] || sed 's/^/  # /' "$dir/out"
}

before=$(store_sum "$root")
expect_play "check mode: reports a change" "changed=1 failed=0" --check
check_eq "check mode: the store is unchanged" "$before" "$(store_sum "$root")"
expect_play "first run: changed" "changed=1 failed=0"
check "first run: the module is installed" grep -qx pfsel_ansible <(semodule -p "$root" -l)
after=$(store_sum "$root")
expect_play "second run: unchanged" "changed=0 failed=0"
check_eq "second run: the store is byte-identical" "$after" "$(store_sum "$root")"
expect_play "check mode after: no change reported" "changed=0 failed=0" --check

exit $T_FAILED
