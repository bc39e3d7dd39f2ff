#!/bin/bash
# A failed install changes nothing.  Refusals before the transaction (a
# port the policy already types, without override) and a transaction
# that fails half-way (the module does not link: another module already
# has a conflicting named type transition) must both leave the scratch
# store byte-identical (testlib's store_sum: every file of the store and
# of the root's policy directory, the module list, ports.local,
# policy.kern, file_contexts and the binary policy among them, but for
# libsemanage's sandbox); and write no manifest.
source "$PFSEL_TOP/tests/lib/testlib.sh"

root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
# The store as committed: a failed commit leaves libsemanage's sandbox
# (var/lib/selinux/TYPE/tmp) behind, which the next transaction removes.
committed_sum() { store_sum "$root" | grep -v ' var/lib/selinux/[^/]*/tmp/'; }
dir=$(tmpdir)
quiet() { "$@" >/dev/null 2>&1; }

# A module that links alone but not with ours: it sends postfix_master_t's
# new "mail.log" files in var_log_t elsewhere than our [log] does.
mkdir "$dir/clash"
cat >"$dir/clash/pfsel_clash.te" <<'EOF'
policy_module(pfsel_clash, 1.0)
gen_require(`
	type postfix_master_t, var_log_t;
')
type_transition postfix_master_t var_log_t:file var_log_t "mail.log";
EOF
: >"$dir/clash/pfsel_clash.fc"
check "clash module compiles" \
	quiet make -s -C "$dir/clash" -f /usr/share/selinux/devel/Makefile \
	pfsel_clash.pp
check "clash module installs alone" \
	quiet semodule -p "$root" -i "$dir/clash/pfsel_clash.pp"
before=$(committed_sum)

# 1. Refused before the transaction: tcp/10024 is amavisd_recv_port_t.
cat >"$dir/taken.ini" <<'EOF'
[module]
name = pfsel_taken

[port reinject]
port = tcp/10024
type = smtp_port_t
EOF
mkdir "$dir/taken-out"
err=$("$GEN" install "$dir/taken.ini" -o "$dir/taken-out" --root "$root" 2>&1)
check_eq "typed port without override: exit 2" 2 "$?"
check_eq "typed port refusal: checked before the build, no output files" \
	"" "$(ls -A "$dir/taken-out")"
want="$dir/taken.ini:5: tcp/10024 is already labeled amavisd_recv_port_t; set override = yes to replace it"
if [[ "$err" == *"$want"* ]]; then
	ok "typed port without override: says which spec line and why"
else
	not_ok "typed port without override: says which spec line and why"
	echo "  got: $err"
fi
check_eq "typed port refusal: store unchanged" "$before" "$(committed_sum)"

# 2. The module of this spec does not link; its port label (free, so
# accepted) and the module go in one transaction, so neither lands.
cat >"$dir/clash.ini" <<'EOF'
[module]
name = pfsel_fails

[log]
maillog_file = /var/log/postfix/mail.log

[port alt]
port = tcp/2525
type = smtp_port_t
EOF
err=$("$GEN" install "$dir/clash.ini" --root "$root" 2>&1)
check_eq "module that does not link: exit 2" 2 "$?"
check "module that does not link: the transaction failed" \
	grep -q "transaction failed and changed nothing" <<<"$err"
check "module that does not link: libsepol names the conflict" \
	grep -qi "conflicting" <<<"$err"
check_eq "failed transaction: store byte-identical" "$before" "$(committed_sum)"
check_fails "failed transaction: module not listed" \
	module_listed "$root" pfsel_fails
check "failed transaction: no manifest" \
	test ! -e "$root/var/lib/pfsel/pfsel_fails.manifest"
check "failed transaction: store not left locked" \
	quiet semodule -p "$root" -l
exit "$T_FAILED"
