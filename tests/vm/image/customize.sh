#!/bin/bash
# customize.sh - mmdebstrap customize hook for the test guest (build.sh).
#
# $1 = the guest root directory; runs on the host, chrooting where a
# guest tool must do the work.  Makes the guest boot enforcing, start the
# e2e runner (guest/runner.sh) after Postfix and auditd, and boot fast.
set -euxo pipefail
r=$1
here=$(cd "$(dirname "$0")/.." && pwd)

echo guest >"$r/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 guest.localdomain guest\n' >"$r/etc/hosts"
# The root disk is used with snapshot=on, so it is always clean: no fsck.
echo '/dev/vda / ext4 rw,relatime 0 0' >"$r/etc/fstab"
echo root:root | chroot "$r" chpasswd
printf 'SELINUX=enforcing\nSELINUXTYPE=default\n' >"$r/etc/selinux/config"

install -D -m 0755 "$here/guest/runner.sh" "$r/usr/lib/e2e/runner"
install -D -m 0644 "$here/guest/e2e-runner.service" \
	"$r/etc/systemd/system/e2e-runner.service"
chroot "$r" systemctl enable e2e-runner.service
# A unit running a bin_t script stays in init_t, which may not load
# modules or relabel; initrc_exec_t makes it initrc_t (unconfined in
# Debian's policy).  semanage in the chroot keeps it across relabels.
# /usr/lib, not /usr/local/lib: semanage refuses paths under an
# equivalence rule.
chroot "$r" semanage fcontext -a -t initrc_exec_t '/usr/lib/e2e/runner'

# The postinst took the build host's name.
chroot "$r" postconf -e myhostname=guest.localdomain
# Timers and jobs that only cost boot time in a throwaway guest.
for u in apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer \
	fstrim.timer e2scrub_reap.service; do
	chroot "$r" systemctl mask "$u" || true
done

# Small initramfs (29 MB -> 6 MB, ~6 s less boot under TCG): direct
# kernel boot from virtio only needs these.
sed -i 's/^MODULES=.*/MODULES=list/' "$r/etc/initramfs-tools/initramfs.conf"
printf 'virtio_pci\nvirtio_blk\next4\ncrc32c_generic\n' \
	>>"$r/etc/initramfs-tools/modules"
chroot "$r" update-initramfs -u -k all
chroot "$r" apt-get clean
rm -rf "$r"/var/lib/apt/lists/*
