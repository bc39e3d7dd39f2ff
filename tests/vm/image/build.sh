#!/bin/bash
# build.sh - build the SELinux-enforcing Debian 12 test guest image.
#
# Called by tests/vm/check-vm.sh when the cache has no image for the
# current key.  Usage: build.sh OUTDIR
# Writes OUTDIR/disk.img (ext4, files labeled on the host with setfiles -r
# using the guest's own file_contexts), OUTDIR/vmlinuz, OUTDIR/initrd.img.
# mmdebstrap builds the root as a directory so that setfiles and
# "mke2fs -d" (which copies security.selinux xattrs) need no loop mount.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$1
root=$out/rootfs
rm -rf "$root"
mkdir -p "$out"

pkgs=$(grep -v '^#' "$here/packages" | tr -s '\n ' ',' | sed 's/^,//;s/,$//')
t0=$(date +%s)
mmdebstrap --variant=minbase --mode=root \
	--include="$pkgs" \
	--aptopt='APT::Install-Recommends "false"' \
	--essential-hook='echo "postfix postfix/main_mailer_type select Local only" | chroot "$1" debconf-set-selections' \
	--essential-hook='echo "postfix postfix/mailname string guest.localdomain" | chroot "$1" debconf-set-selections' \
	--customize-hook="$here/customize.sh \"\$1\"" \
	bookworm "$root" /etc/apt/sources.list.d/debian.sources
t1=$(date +%s)

# -r: $root is "/"; -F: full context (user, role too).  The host kernel
# has no SELinux; setfiles only needs the guest's file_contexts.
fc=$root/etc/selinux/default/contexts/files/file_contexts
setfiles -F -r "$root" "$fc" "$root"
cp -L "$root"/boot/vmlinuz-* "$out/vmlinuz.tmp"
cp -L "$root"/boot/initrd.img-* "$out/initrd.img.tmp"
rm -f "$out/disk.img.tmp"
mke2fs -q -F -t ext4 -L guestroot -d "$root" "$out/disk.img.tmp" 3G
t2=$(date +%s)
rm -rf "$root"
for f in disk.img vmlinuz initrd.img; do mv "$out/$f.tmp" "$out/$f"; done
echo "image: rootfs $((t1 - t0))s, label+pack $((t2 - t1))s"
