#!/bin/bash
# runner.sh - guest side of tests/vm: installed as /usr/lib/e2e/runner,
# started once per boot by e2e-runner.service (as initrc_t).
#
# The bundle is a tar archive on /dev/vdb holding main.sh and what it
# needs; main.sh runs with $E2E_OUT, a directory that is tarred onto
# /dev/vdc (with "rc") for the host.  Then the guest powers off.  The
# host checks that "rc" exists: a zeroed disk untars as an empty archive.
set -u
in=/dev/vdb out=/dev/vdc w=/run/e2e
mkdir -p $w/in $w/out
echo "E2E-RUNNER: start uptime=$(cut -d' ' -f1 /proc/uptime)s context=$(id -Z)"
if tar -C $w/in -xf $in && [ -f $w/in/main.sh ]; then
	(cd $w/in && E2E_OUT=$w/out bash ./main.sh) >$w/out/main.log 2>&1
	rc=$?
else
	echo "E2E-RUNNER: no bundle on $in" | tee $w/out/main.log
	rc=99
fi
echo $rc >$w/out/rc
cut -d' ' -f1 /proc/uptime >$w/out/uptime-at-end
tar -C $w/out -cf $out . && sync
echo "E2E-RUNNER: done rc=$rc uptime=$(cut -d' ' -f1 /proc/uptime)s"
[ -e $w/in/no-poweroff ] || systemctl --no-block poweroff
