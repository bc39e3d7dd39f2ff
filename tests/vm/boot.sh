#!/bin/bash
# boot.sh - boot the test guest once with a bundle and collect its results.
#
# Called by check-vm.sh.  Usage: boot.sh IMAGEDIR BUNDLEDIR RESDIR
# The bundle directory (main.sh + files) is tarred onto a second virtio
# disk; the guest's runner writes a results tar onto a third, unpacked
# into RESDIR/out.  The root disk is opened with snapshot=on, so every
# boot starts from the pristine cached image.  Serial console goes to
# RESDIR/console.log.
# Env: ACCEL=auto|kvm|tcg (auto: kvm only where /dev/kvm can boot a stock
#      kernel, see accel.sh), MEM (MiB, 2048), SMP (2), TIMEOUT (s, 2700).
# Exit: the guest's main.sh status; 96 partial results (the guest was
# stopped before it finished); 97 qemu failed to run; 98 no results.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
img=$1 bundle=$2 res=$3
mem=${MEM:-2048} smp=${SMP:-2} timeout=${TIMEOUT:-2700}
accel=$("$here/accel.sh")
case $accel in
kvm) accel_opts="-enable-kvm -cpu host" ;;
*) accel_opts="-accel tcg,thread=multi -cpu max" ;;
esac
mkdir -p "$res"
rm -rf "$res/out" "$res/in.img" "$res/out.img"
tar -C "$bundle" -cf "$res/in.img" .
sz=$(stat -c %s "$res/in.img")
truncate -s $(((sz / 1048576 + 1) * 1048576)) "$res/in.img"
truncate -s 128M "$res/out.img"
append="root=/dev/vda rw console=ttyS0 security=selinux enforcing=1 audit=1"
append+=" audit_backlog_limit=8192 panic=-1 quiet loglevel=4"
echo "boot: accel=$accel mem=${mem}M smp=$smp timeout=${timeout}s"
set +e
# shellcheck disable=SC2086
timeout "$timeout" qemu-system-x86_64 $accel_opts -m "$mem" -smp "$smp" \
	-nodefaults -no-user-config -display none -monitor none \
	-serial "file:$res/console.log" -no-reboot \
	-kernel "$img/vmlinuz" -initrd "$img/initrd.img" -append "$append" \
	-drive file="$img/disk.img",if=virtio,format=raw,snapshot=on \
	-drive file="$res/in.img",if=virtio,format=raw,readonly=on \
	-drive file="$res/out.img",if=virtio,format=raw \
	-nic none </dev/null 2>"$res/qemu.err"
qrc=$?
set -e
[ $qrc = 124 ] && echo "boot: guest did not finish within ${timeout}s"
mkdir -p "$res/out"
if tar -C "$res/out" -xf "$res/out.img" 2>/dev/null && [ -f "$res/out/rc" ]; then
	rm -f "$res/in.img" "$res/out.img"
	exit "$(cat "$res/out/rc")"
fi
if [ -s "$res/out/summary.tsv" ]; then
	echo "boot: partial results only (the guest did not finish)"
	exit 96
fi
if [ $qrc != 0 ] && [ $qrc != 124 ] && ! [ -s "$res/console.log" ]; then
	echo "boot: qemu failed (exit $qrc): $(head -c 300 "$res/qemu.err")"
	exit 97
fi
echo "boot: no results from the guest (qemu exit $qrc)"
exit 98
