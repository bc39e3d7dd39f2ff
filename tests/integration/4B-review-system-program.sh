#!/bin/bash
# 4B-review-system-program - pfsel-label review never proposes a
# [daemon] section (which relabels its command = to a new entry point)
# for a system program, nor takes a USER_AVC's exe= (the object
# manager: systemd, dbus-daemon) as the denied subject's program
# (issue 14, point 2).  System programs are what pfsel-gen's guard
# refuses: named by policy/label-guard (program lines), or with an
# entry point type of another domain in the policy's file contexts, or
# bin_t in a directory label-guard protects.  A program of the admin's
# own (/usr/local/bin) still gets its section, and pfsel-gen emit
# accepts it (the oracle).  Run on the host's policy and on each Red
# Hat kit present (../shared/policy-kits).
source "$PFSEL_TOP/tests/lib/testlib.sh"
KITS=${PFSEL_POLICY_KITS:-$PFSEL_TOP/../shared/policy-kits}

# one kernel AVC of postfix_master_t with its SYSCALL naming exe
kernel_log() { # exe
	printf '%s\n' \
		"type=AVC msg=audit(1700000001.100:5): avc:  denied  { read } for  pid=900 comm=\"x\" name=\"f\" dev=\"vda1\" ino=1 scontext=system_u:system_r:postfix_master_t:s0 tcontext=system_u:object_r:user_home_t:s0 tclass=file permissive=0" \
		"type=SYSCALL msg=audit(1700000001.100:5): arch=c000003e syscall=257 success=no exit=-13 items=1 ppid=1 pid=900 comm=\"x\" exe=\"$1\" subj=system_u:system_r:postfix_master_t:s0 key=(null)"
}
# systemd refusing master a unit operation, as the journal and the
# kernel's audit socket give it
user_avc_log() {
	printf '%s\n' \
		"type=USER_AVC msg=audit(1700000002.200:6): pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg='avc:  denied  { start } for auid=n/a uid=0 gid=0 path=\"/lib/systemd/system/postfix.service\" cmdline=\"\" function=\"mac_selinux_filter\" scontext=system_u:system_r:postfix_master_t:s0 tcontext=system_u:object_r:systemd_unit_t:s0 tclass=service permissive=0 exe=\"/lib/systemd/systemd\" sauid=0 hostname=? addr=? terminal=?'" \
		"Nov 03 16:25:29 mx audit[1]: USER_AVC pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg='avc:  denied  { start } for auid=n/a uid=0 gid=0 cmdline=\"\" function=\"mac_selinux_filter\" scontext=system_u:system_r:postfix_master_t:s0 tcontext=system_u:object_r:systemd_unit_t:s0 tclass=service permissive=0 exe=\"/usr/lib/systemd/systemd\" sauid=0 hostname=? addr=? terminal=?'"
}

emit_quiet() { "$GEN" emit "$@" >/dev/null; }

run_on() { # label, pfsel-label review arguments that name the policy
	local what=$1 exe d
	shift
	for exe in /lib/systemd/systemd /usr/lib/systemd/systemd \
		/usr/bin/python3 /bin/bash /usr/bin/frobd /usr/sbin/sshd; do
		kernel_log "$exe" >"$T_TMP/k.log"
		check_fails "$what: no [daemon] for system program $exe" \
			grep -q '^\[daemon' <("$LABEL" review --spec "$@" "$T_TMP/k.log")
	done
	user_avc_log >"$T_TMP/u.log"
	"$LABEL" review "$@" "$T_TMP/u.log" >"$T_TMP/u.out"
	check_fails "$what: no [daemon] from a USER_AVC's exe=" \
		grep -q 'daemon' "$T_TMP/u.out"
	check_fails "$what: a USER_AVC's exe= is not the subject's exe" \
		grep -q 'exe: .*systemd' "$T_TMP/u.out"
	check "$what: the USER_AVC denials are still there" \
		grep -q 'postfix_master_t -> systemd_unit_t:service start' "$T_TMP/u.out"

	# the control: a program of the admin's own keeps its section,
	# and pfsel-gen accepts what review wrote
	kernel_log /usr/local/bin/frobd >"$T_TMP/k.log"
	"$LABEL" review --spec "$@" "$T_TMP/k.log" >"$T_TMP/frob.spec"
	check "$what: [daemon frobd] for /usr/local/bin/frobd" \
		grep -qx 'command = /usr/local/bin/frobd' "$T_TMP/frob.spec"
	d=$(tmpdir)
	{ printf '[module]\nname = rvfrob\n\n'; cat "$T_TMP/frob.spec"; } >"$d/s.spec"
	check "$what: pfsel-gen emit accepts review's section" \
		emit_quiet "$d/s.spec" -o "$d/out" "${ROOTARG[@]}"
}

POLICY=$(host_policy)
ROOTARG=()
run_on host -p "$POLICY"

for kit in fedora-41 el9; do
	if [ ! -f "$KITS/$kit.tar.zst" ]; then
		echo "ok - $kit kit: SKIPPED (no $KITS/$kit.tar.zst)"
		continue
	fi
	r=$(tmpdir)
	zstd -dc "$KITS/$kit.tar.zst" | tar -x -C "$r" --strip-components=1
	ROOTARG=(--root "$r")
	run_on "$kit" -r "$r"
done
exit 0
