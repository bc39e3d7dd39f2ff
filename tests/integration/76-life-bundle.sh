#!/bin/bash
# issue 15: "pfsel-gen bundle" on a build host, "pfsel-gen install
# BUNDLE" on a root whose host has no devel toolchain: checkmodule, m4
# and make on PATH are traps, and /usr/share/selinux/devel is an empty
# directory (a private mount namespace).  A policy without a type the
# module needs refuses it with the type's name and changes nothing; a
# damaged bundle is refused with file:line.
source "$PFSEL_TOP/tests/lib/testlib.sh"

build=$(scratch_root) || { not_ok "scratch root"; exit 1; }
dir=$(tmpdir)
spec=$PFSEL_TOP/examples/daemon/spec.ini
check "bundle on the build host" \
	"$GEN" bundle "$spec" -o "$dir/daemon.bundle" --root "$build"
check_eq "the bundle starts with its header" "# pfsel bundle 1" \
	"$(head -1 "$dir/daemon.bundle")"

# Traps: any use of the devel toolchain leaves a mark.
traps=$dir/traps
mkdir -p "$traps" "$dir/empty"
for t in checkmodule m4 make semodule_package; do
	printf '#!/bin/sh\ntouch %s/used-%s\nexit 1\n' "$traps" "$t" >"$traps/$t"
	chmod +x "$traps/$t"
done
no_toolchain() {
	if unshare -m true 2>/dev/null; then
		unshare -m sh -c 'mount --bind "$1" /usr/share/selinux/devel &&
			PATH=$2:/usr/sbin:/usr/bin:/sbin:/bin && shift 2 &&
			exec "$@"' sh "$dir/empty" "$traps" "$@"
	else
		PATH=$traps:/usr/sbin:/usr/bin:/sbin:/bin "$@"
	fi
}
unshare -m true 2>/dev/null ||
	echo "SKIPPED - no mount namespace: the devel directory stays visible (PATH traps only)"

target=$(scratch_root) || { not_ok "scratch root"; exit 1; }
out=$(no_toolchain "$GEN" install "$dir/daemon.bundle" --root "$target" 2>&1)
check "install of the bundle without the toolchain" test $? = 0
[ -n "$out" ] && echo "$out" | sed 's/^/  # /'
check_eq "no toolchain program was run" "" "$(ls "$traps" | grep used- || true)"
check "the module is in the target store" \
	grep -qx postfix_mylogd <(semodule -p "$target" -l)
check "status names the bundle it came from" grep -qx \
	"  spec $dir/daemon.bundle" <("$GEN" status --root "$target")
out=$(no_toolchain "$GEN" verify --root "$target" 2>&1)
check "verify: the bundle's module is the installed one" \
	grep -q "drift: same" <<<"$out"

# A policy without types the module needs outside optional blocks (the
# distribution's postfix module, at priority 100, removed).
lacking=$(scratch_root) || { not_ok "scratch root"; exit 1; }
check "postfix module removed from a scratch store" \
	semodule -p "$lacking" -X 100 -r postfix
before=$(store_sum "$lacking")
out=$(no_toolchain "$GEN" install "$dir/daemon.bundle" --root "$lacking" 2>&1)
check_eq "install into a policy lacking a type: exit 2" 2 $?
check "the refusal names a missing type" grep -q "type postfix_master_t" <<<"$out"
check "the refusal names a missing attribute" grep -q "attribute postfix_domain" <<<"$out"
check_eq "the refused store is unchanged" "$before" "$(store_sum "$lacking")"

# Damaged bundles.
head -c 300 "$dir/daemon.bundle" >"$dir/cut.bundle"
out=$("$GEN" install "$dir/cut.bundle" --root "$target" 2>&1)
check_eq "a cut bundle: exit 2" 2 $?
check "a cut bundle: file:line" grep -q "$dir/cut.bundle:[0-9]*: " <<<"$out"
sed '2s/.*/module other_name/' "$dir/daemon.bundle" >"$dir/renamed.bundle"
check_fails "a bundle whose records disagree with its spec" \
	"$GEN" install "$dir/renamed.bundle" --root "$target"

exit $T_FAILED
