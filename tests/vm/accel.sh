#!/bin/bash
# accel.sh - print the qemu accelerator to use: kvm or tcg.
#
# Called by boot.sh.  ACCEL=kvm|tcg forces one.  KVM is chosen only when
# /dev/kvm is usable and is not the PVM flavour (kvm_pvm module), which
# hangs a stock Debian kernel; everything else runs under TCG.
case ${ACCEL:-auto} in
kvm | tcg) echo "$ACCEL" ;;
*)
	if [ -w /dev/kvm ] && [ ! -d /sys/module/kvm_pvm ]; then
		echo kvm
	else
		echo tcg
	fi
	;;
esac
