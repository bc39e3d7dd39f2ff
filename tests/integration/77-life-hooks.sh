#!/bin/bash
# issue 15: the verify hooks "make install" ships.  The systemd units
# pass systemd-analyze verify and the service's ExecStart, run against a
# scratch root, reports a lost module (exit 1); the APT hook runs verify
# only after a selinux-policy-* package was unpacked; the DNF action
# line names selinux-policy packages and its command runs.
source "$PFSEL_TOP/tests/lib/testlib.sh"

dest=$(tmpdir)
check "make install DESTDIR" make -s -C "$PFSEL_TOP" \
	BUILD="$(dirname "$GEN")" DESTDIR="$dest" install
unit=$dest/usr/local/lib/systemd/system
hook=$dest/usr/local/libexec/pfsel/pfsel-apt-hook
aptconf=$dest/etc/apt/apt.conf.d/80pfsel-verify
action=$dest/etc/dnf/plugins/post-transaction-actions.d/pfsel.action
for f in "$unit/pfsel-verify.service" "$unit/pfsel-verify.timer" "$hook" \
	"$aptconf" "$action"; do
	check "installed: ${f#$dest}" test -s "$f"
done
check_eq "no @PLACEHOLDER@ left" "" "$(grep -l @ "$unit"/* "$hook" "$aptconf" "$action" || true)"

# A root whose manifest names a module its store does not have.
root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
mkdir -p "$root/var/lib/pfsel" && chmod 755 "$root/var/lib/pfsel"
printf '# pfsel manifest 1\nmodule pfsel_gone\n' >"$root/var/lib/pfsel/pfsel_gone.manifest"

# systemd: the units parse; ExecStart is the installed pfsel-gen.
units=$(tmpdir)
sed "s|^ExecStart=/usr/local/bin/pfsel-gen|ExecStart=$GEN|" \
	"$unit/pfsel-verify.service" >"$units/pfsel-verify.service"
cp "$unit/pfsel-verify.timer" "$units/"
if command -v systemd-analyze >/dev/null; then
	# --man=no: the man pages need not be installed on a test host.
	out=$(cd "$units" && systemd-analyze verify --man=no pfsel-verify.service pfsel-verify.timer 2>&1)
	check "systemd-analyze verify of the units" test -z "$out"
	[ -n "$out" ] && echo "$out" | sed 's/^/  # /'
else
	echo "SKIPPED - systemd-analyze: not installed"
fi
exec_start=$(sed -n 's/^ExecStart=//p' "$units/pfsel-verify.service")
check_eq "ExecStart" "$GEN verify \$PFSEL_VERIFY_ARGS" "$exec_start"
PFSEL_VERIFY_ARGS="--root $root" bash -c "${exec_start/\$PFSEL_VERIFY_ARGS/\$PFSEL_VERIFY_ARGS}" >"$units/out" 2>&1
check_eq "ExecStart against the root: exit 1 on the lost module" 1 $?
check "it names the loss" grep -q "LOST: module pfsel_gone is not in the store" "$units/out"

# APT: the configuration parses; only selinux-policy-* triggers verify.
check "apt-config reads 80pfsel-verify" eval "apt-config -c \"$aptconf\" dump >/dev/null"
check "apt-config: Post-Invoke runs the hook" grep -q \
	"pfsel-apt-hook post" <(apt-config -c "$aptconf" dump)
state=$(tmpdir)
run_hook() { PFSEL_HOOK_STATE=$state PFSEL_GEN=$GEN PFSEL_VERIFY_ARGS="--root $root" "$hook" "$@"; }
echo /var/cache/apt/archives/postfix_3.7.11-0+deb12u1_amd64.deb | run_hook pre
check_eq "another package: post runs nothing" "" "$(run_hook post 2>&1)"
echo /var/cache/apt/archives/selinux-policy-default_2%3a2.20221101-11_all.deb | run_hook pre
out=$(run_hook post 2>&1)
check "selinux-policy-default: post runs verify" grep -q "LOST: module pfsel_gone" <<<"$out"
check "the hook never fails apt" run_hook post
check_eq "it ran once" "" "$(run_hook post 2>&1)"

# DNF: PACKAGE:STATE:COMMAND, the command runs.
line=$(grep -v '^#' "$action")
IFS=: read -r pkg st cmd <<<"$line"
check_eq "dnf action: selinux-policy packages being installed" "selinux-policy*:in" "$pkg:$st"
${cmd/\/usr\/local\/bin\/pfsel-gen/$GEN} --root "$root" >/dev/null 2>&1
check_eq "dnf action's command against the root: exit 1" 1 $?

exit $T_FAILED
