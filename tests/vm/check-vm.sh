#!/bin/bash
# check-vm.sh - end-to-end tests of pfsel in a SELinux-enforcing guest.
#
# Called by "make check-vm" (after "make all") with the build directory:
#   tests/vm/check-vm.sh BUILD
# Builds (once, cached) a Debian 12 guest image, builds the pfsel .deb
# from the release tarball (make dist) with dpkg-buildpackage, boots the
# guest once with that package, which the guest installs with dpkg, and
# every scenario of tests/vm/scenarios, and
# prints per scenario: denials without pfsel (baseline), denials with
# pfsel, the traffic result and the wall time.  Then feeds each
# baseline's real audit records to "pfsel-label review" and checks that
# it proposes the fix pfsel-gen implements.
#
# Env: PFSEL_VM_CACHE (image cache, default /var/cache/pfsel-vm),
#      PFSEL_VM_ONLY ("01-daemon 05-vmail": run only these),
#      PFSEL_VM_CAPTURE=1 (copy the baseline audit logs to tests/data/vm),
#      ACCEL, MEM, SMP, TIMEOUT (see boot.sh).
# Exit: 0 when every scenario passed or was SKIPPED (with its reason);
# 1 when one failed.  Where qemu cannot run the guest it says it skipped
# and why, and exits 0.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "${1:-build}" && pwd) || exit 2
cache=${PFSEL_VM_CACHE:-/var/cache/pfsel-vm}
t_start=$(date +%s)

skip() {
	echo "check-vm: SKIPPED: $*"
	exit 0
}

# Host tools, installed only when missing (make check stays lean).
need="qemu-system-x86 qemu-utils mmdebstrap e2fsprogs policycoreutils"
missing=
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q ' installed$' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	[ "$(id -u)" = 0 ] || skip "host packages missing:$missing (run as root)"
	echo "check-vm: installing host packages:$missing"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends $missing >/dev/null ||
		skip "could not install host packages:$missing"
fi
[ "$(id -u)" = 0 ] || skip "building the guest image needs root"

# The image: cached, keyed by the package list and the build scripts.
key=$(cat "$here/image/packages" "$here/image/build.sh" \
	"$here/image/customize.sh" "$here/guest/runner.sh" \
	"$here/guest/e2e-runner.service" | sha256sum | cut -c1-16)
img=$cache/$key
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
if [ -f "$img/disk.img" ]; then
	echo "check-vm: image: warm (cached in $img)"
else
	echo "check-vm: image: cold, building into $img (log $img.log)"
	t0=$(date +%s)
	if ! "$here/image/build.sh" "$img" >"$img.log" 2>&1; then
		tail -15 "$img.log"
		rm -rf "$img"
		skip "the guest image could not be built (see $img.log)"
	fi
	echo "check-vm: image: cold build took $(($(date +%s) - t0))s ($(tail -1 "$img.log"))"
fi
flock -u 9

run=$build/vm/run-$(date +%Y%m%d-%H%M%S)
bundle=$run/bundle
mkdir -p "$bundle/bin"

# The package, made as a distribution would: dpkg-buildpackage in the
# release tarball (the tracked files as they are in the work tree).  The
# guest installs it with dpkg and the scenarios use what it installed.
pkg=$run/pkg
mkdir -p "$pkg"
t0=$(date +%s)
if ! tarball=$(make -s -C "$top" dist BUILD="$pkg" 2>"$pkg/build.log" | tail -1) ||
	! tar -C "$pkg" -xzf "$tarball" ||
	! (cd "$pkg/$(basename "$tarball" .tar.gz)" &&
		DEB_BUILD_OPTIONS=noddebs dpkg-buildpackage -us -uc -b) >>"$pkg/build.log" 2>&1; then
	tail -15 "$pkg/build.log"
	echo "check-vm: FAIL: the .deb did not build (log: $pkg/build.log)"
	exit 1
fi
cp "$pkg"/pfsel_*.deb "$bundle/" || exit 1
echo "check-vm: package: $(cd "$pkg" && ls pfsel_*.deb) built in $(($(date +%s) - t0))s"

# The bundle the guest runs: driver, scenarios, the package, test helpers.
cp "$here/guest/main.sh" "$here/guest/lib.sh" "$bundle/"
cp -R "$here/scenarios" "$bundle/"
if [ -n "${PFSEL_VM_ONLY:-}" ]; then
	echo "$PFSEL_VM_ONLY" >"$bundle/only"
fi
cc -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror \
	-o "$bundle/bin/sitedaemon" "$here/sitedaemon.c" || exit 1
{
	echo "; all tests/vm scenarios in one module (made by check-vm.sh)"
	echo "[module]"
	echo "name = pfsel_e2e"
	for f in "$here"/scenarios/*/spec.ini; do
		echo
		cat "$f"
	done
} >"$bundle/full.ini"
echo "baseline pfsel" >"$bundle/phases"
# The guest stops starting scenarios 150 s before boot.sh kills it.
echo $((${TIMEOUT:-2700} - 150)) >"$bundle/deadline"
ln -sfn "$(basename "$run")" "$build/vm/last"

echo "check-vm: booting the guest (results in $run)"
t0=$(date +%s)
"$here/boot.sh" "$img" "$bundle" "$run"
rc=$?
t_boot=$(($(date +%s) - t0))
out=$run/out
echo "check-vm: guest ran ${t_boot}s (exit $rc)"
[ $rc = 96 ] && echo "check-vm: the guest was stopped before it finished: partial results"
if [ $rc = 97 ]; then
	skip "qemu cannot run the guest here: $(head -c 300 "$run/qemu.err")"
fi
# No console output at all: qemu ran but could not boot the guest here.
if [ $rc = 98 ] && ! grep -qE 'login:|E2E' "$run/console.log" 2>/dev/null; then
	skip "qemu ran but the guest never booted (empty console: $run/console.log)"
fi
if [ ! -s "$out/summary.tsv" ]; then
	echo "check-vm: FAIL: the guest produced no results"
	echo "  console: $run/console.log"
	[ -f "$out/main.log" ] && tail -20 "$out/main.log"
	exit 1
fi
[ -f "$out/install.tsv" ] && sed 's/^/check-vm: /' "$out/install.tsv"

# Per scenario: baseline must show denials, pfsel must be clean.
"$here/report.sh" "$build" "$run"
status=$?
if [ "${PFSEL_VM_CAPTURE:-}" = 1 ]; then
	"$here/capture.sh" "$run" "$top/tests/data/vm"
fi
echo "check-vm: total $(($(date +%s) - t_start))s (guest ${t_boot}s)"
exit $status
