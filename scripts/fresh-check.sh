#!/bin/sh
# fresh-check.sh - run "make demo" and "make check" on a fresh Debian 12.
#
# A maintainer script, not part of "make check".  README.org promises that
# both targets, run as root on a fresh Debian 12, install what they need
# (scripts/deps.sh) and then pass.  The development machine has many
# packages already, so a green run there can hide a missing package in
# deps.sh; this script proves the promise in a chroot that has only what a
# fresh machine is assumed to have.
#
# Assumed fresh machine: mmdebstrap --variant=minbase bookworm (the
# Essential packages and apt) plus ca-certificates, make and git - less
# than a stock cloud or server install (no "important"/"standard" tasks,
# so no procps, less, file, ...).  build-essential, clang, the SELinux
# tools and postfix are NOT assumed: deps.sh must install them.  Sources
# are those of a stock install: bookworm, bookworm-updates,
# bookworm-security.
#
# What it does, as root:
#   1. builds the minbase root once and caches it as a tarball in
#      /var/cache/pfsel-fresh/ (PFSEL_FRESH_CACHE); delete it to refresh;
#   2. unpacks it under /var/tmp/pfsel-fresh/ (must be ext4 or similar,
#      not tmpfs: setfiles needs security.* xattrs), clones the repository
#      (default: the one holding this script; its committed HEAD, so
#      nothing uncommitted and nothing from ../shared) into /root/pfsel;
#   3. mounts proc, sys, dev, dev/pts and a tmpfs on dev/shm, and runs
#      "make demo" then "make check" (CI=true) as root in the chroot.
#      A policy-rc.d keeps the postfix package from starting daemons in
#      the chroot.
# Logs go to /var/tmp/pfsel-fresh-logs/STAMP/: demo.log, check.log, the
# per-test logs (test-logs/), the commit tested and the time each command
# took (summary); the exit status is 0 only if both passed.
#
# How long: building the tarball about 1-2 minutes; deps.sh in the chroot
# (about 300 packages) 3-5 minutes; make demo 1-2 minutes after that;
# make check 20-40 minutes on 2 shared cores.
#
# Usage: scripts/fresh-check.sh [--keep] [REPO]
#   --keep  leave the chroot in place for inspection (it is unmounted).
set -eu

keep=
if [ "${1:-}" = --keep ]; then
	keep=1
	shift
fi
here=$(cd "$(dirname "$0")/.." && pwd)
repo=${1:-$here}
cache=${PFSEL_FRESH_CACHE:-/var/cache/pfsel-fresh}
work=${PFSEL_FRESH_WORK:-/var/tmp/pfsel-fresh}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
logs=/var/tmp/pfsel-fresh-logs/$stamp
mirror=http://deb.debian.org/debian
tarball=$cache/bookworm-minbase.tar

[ "$(id -u)" = 0 ] || {
	echo "fresh-check.sh: run as root (chroot, mount)" >&2
	exit 1
}
command -v mmdebstrap >/dev/null || {
	echo "fresh-check.sh: installing mmdebstrap"
	apt-get install -y -q --no-install-recommends mmdebstrap
}

mkdir -p "$cache" "$work" "$logs"
# setfiles and the labeler tests write security.selinux xattrs.
fstype=$(stat -f -c %T "$work")
case "$fstype" in
tmpfs | overlayfs)
	echo "fresh-check.sh: $work is on $fstype; need ext4/xfs xattrs" >&2
	exit 1
	;;
esac

if [ ! -f "$tarball" ]; then
	echo "fresh-check.sh: building $tarball"
	mmdebstrap --variant=minbase --format=tar \
		--include=ca-certificates,make,git \
		bookworm "$tarball.tmp" \
		"deb $mirror bookworm main" \
		"deb $mirror bookworm-updates main" \
		"deb http://deb.debian.org/debian-security bookworm-security main"
	mv "$tarball.tmp" "$tarball"
fi

root=$work/root-$stamp
mkdir -p "$root"
mounted=
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
	for m in $mounted; do
		umount -l "$m" 2>/dev/null || true
	done
	# Never remove through a mount still there (the host's /dev).
	if grep -q " $root/" /proc/mounts; then
		echo "fresh-check.sh: $root still has mounts; not removed" >&2
	elif [ -z "$keep" ]; then
		rm -rf --one-file-system "$root"
	else
		echo "fresh-check.sh: chroot kept in $root"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

tar -C "$root" -xf "$tarball"
git clone -q --no-local "$repo" "$root/root/pfsel"
git -C "$root/root/pfsel" log -1 --format='%H %s' >"$logs/commit"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$root/etc/resolv.conf"

# Mount order matters: the list is unmounted in reverse.  Each mount is
# made private at once so that, where / is shared, the dev/pts and dev/shm
# mounts on the /dev bind do not propagate onto the host's /dev.
mnt() {
	mount "$@"
	for last; do :; done
	mounted="$last $mounted"
	mount --make-private "$last"
}
mnt -t proc proc "$root/proc"
mnt -t sysfs sysfs "$root/sys"
mnt --bind /dev "$root/dev"
mnt -t devpts -o newinstance,ptmxmode=0666 devpts "$root/dev/pts"
mnt -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"

# in_chroot NAME COMMAND: run COMMAND as root in the chroot, log and time it.
in_chroot() {
	name=$1
	shift
	echo "fresh-check.sh: $name (log $logs/$name.log)"
	t0=$(date +%s)
	rc=0
	chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 CI=true \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		sh -c "cd /root/pfsel && $*" >"$logs/$name.log" 2>&1 || rc=$?
	t1=$(date +%s)
	echo "$name: exit $rc, $((t1 - t0)) s" | tee -a "$logs/summary"
	tail -n 3 "$logs/$name.log"
	return "$rc"
}

status=0
in_chroot demo make demo || status=1
in_chroot check make check || status=1
# The per-test logs that run.sh names live in the chroot; keep them.
cp -r "$root/root/pfsel/build/test-logs" "$logs/" 2>/dev/null || true
echo "fresh-check.sh: logs in $logs"
exit "$status"
