#!/bin/bash
# main.sh - guest-side driver of the tests/vm scenarios (one boot for all).
#
# Started by the guest runner (tests/vm/guest/runner.sh) from the bundle
# check-vm.sh built: scenarios/NN-name/{scenario.sh,spec.ini}, the pfsel
# .deb, bin/ (test helpers: sitedaemon), full.ini (all scenarios' spec
# sections under one [module]) and phases.
#
# Order, because every "semodule -i" costs ~50 s under TCG:
#   0. dpkg -i the package: the scenarios use /usr/bin/pfsel-gen and
#      pfsel-label with their data in /usr/share/pfsel, as installed
#   1. prepare every scenario (users, directories, keys; stock labels)
#   2. baseline: each scenario's config and traffic, stock policy
#   3. ONE "pfsel-gen install full.ini" + "pfsel-label apply" (and one
#      per spec a scenario's prepare scanned into $E2E_SPECS)
#   4. pfsel: the same config and traffic again, plus label/domain checks
# Each phase of a scenario gets an audit window: the AVC, USER_AVC and
# SELINUX_ERR records (ausearch) logged between its start and the end of
# its traffic.  Results go to $E2E_OUT (summary.tsv, res/, logs).
set -u
cd "$(dirname "$0")" || exit 1
B=$PWD
OUT=$E2E_OUT
AUDIT=/var/log/audit/audit.log
. "$B/lib.sh"
# The bundle sits on /run, mounted noexec: its helpers go to /opt/e2e.
mkdir -p /opt/e2e
cp -R "$B/bin" /opt/e2e/
chcon -R -t bin_t /opt/e2e/bin
export PATH=/opt/e2e/bin:$PATH

mkdir -p "$OUT/res"
# pfsel as an admin installs it; its data is where it was compiled to
# look (no PFSEL_DATADIR).
unset PFSEL_DATADIR
t0=$(date +%s)
if ! dpkg -i "$B"/pfsel_*.deb >"$OUT/dpkg.log" 2>&1 ||
	[ "$(command -v pfsel-gen)" != /usr/bin/pfsel-gen ] ||
	[ "$(command -v pfsel-label)" != /usr/bin/pfsel-label ] ||
	[ ! -d /usr/share/pfsel/policy ]; then
	echo "dpkg -i of the pfsel package failed" | tee "$OUT/fatal"
	cat "$OUT/dpkg.log"
	exit 1
fi
log "dpkg -i $(basename "$B"/pfsel_*.deb): $(($(date +%s) - t0))s; $(ls -Z /usr/bin/pfsel-gen)"
: >"$OUT/summary.tsv"
read -r -a PHASES <"$B/phases"
# Guest uptime after which no scenario starts (host timeout minus margin).
deadline=$(cat "$B/deadline" 2>/dev/null || echo 840)
scenarios=$(cd scenarios && ls)
[ -f "$B/only" ] && scenarios=$(cat "$B/only")

log "context $(id -Z); $(getenforce); lsm $(cat /sys/kernel/security/lsm)"
if [ "$(getenforce)" != Enforcing ]; then
	echo "guest is not enforcing" | tee "$OUT/fatal"
	exit 1
fi
boot_denials=$(ausearch -m AVC,USER_AVC,SELINUX_ERR --raw 2>/dev/null |
	grep -cE '^type=(AVC|USER_AVC|SELINUX_ERR) ')
log "denials logged before the scenarios (boot noise): $boot_denials"

# step SCENARIO FUNCTION LOGFILE: run one function of a scenario in a
# subshell, so scenarios cannot clobber each other's functions.
step() {
	local t0 rc
	t0=$(date +%s%N)
	(
		SDIR=$B/scenarios/$1
		. "$B/lib.sh"
		. "$SDIR/scenario.sh"
		if declare -F "$2" >/dev/null; then "$2"; fi
		exit $CK_FAILED
	) >>"$3" 2>&1
	rc=$?
	printf '%s\t%s\t%s\t%d\n' "$1" "${PHASE:-prepare}" "$2" \
		$((($(date +%s%N) - t0) / 1000000)) >>"$OUT/steps.tsv"
	return $rc
}

# audit_window MARK OUTPREFIX: the denial records after line MARK
# (OUTPREFIX.raw, .txt interpreted); OUTPREFIX.audit.log keeps all the
# window's audit records for "pfsel-label review".
audit_window() {
	sleep 1 # auditd writes asynchronously
	tail -n +"$(($1 + 1))" $AUDIT >"$2.audit.log"
	# Only the denial records, not their SYSCALL/PROCTITLE companions.
	ausearch -if "$2.audit.log" -m AVC,USER_AVC,SELINUX_ERR --raw 2>/dev/null |
		grep -E '^type=(AVC|USER_AVC|SELINUX_ERR) ' >"$2.raw"
	ausearch -if "$2.audit.log" -m AVC,USER_AVC,SELINUX_ERR -i >"$2.txt" 2>/dev/null
	wc -l <"$2.raw"
}

# run_phase SCENARIO PHASE: config, traffic, checks; one summary line.
run_phase() {
	local s=$1 ph=$2 d=$OUT/res/$1/$2 t0 mark traffic checks=- n
	mkdir -p "$d"
	postfix_ensure >>"$d/enable.log" 2>&1
	t0=$(date +%s)
	mark=$(wc -l <$AUDIT)
	log "== $s $ph"
	PHASE=$ph step "$s" enable "$d/enable.log"
	# Once cold with pfsel: "postfix start" runs postfix-script's
	# checks (they list the queue's entries), which a reload skips.
	[ "$ph" = pfsel ] && postfix_restart >>"$d/enable.log" 2>&1
	if PHASE=$ph step "$s" traffic "$d/traffic.log"; then traffic=ok; else traffic=FAIL; fi
	if [ "$ph" = pfsel ]; then
		if PHASE=$ph step "$s" verify "$d/verify.log"; then checks=ok; else checks=FAIL; fi
	fi
	n=$(audit_window "$mark" "$d/avc")
	doctor_phase "$d" "$t0"
	# Probes that must be denied run after the window is closed.
	PHASE=$ph step "$s" probe "$d/probe.log" || checks=FAIL
	# Nothing runs after the last phase: no need to undo it.
	if [ "$s $ph" != "$LAST" ]; then
		PHASE=$ph step "$s" disable "$d/disable.log"
		postfix_ensure >>"$d/disable.log" 2>&1
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$ph" "$traffic" "$n" "$checks" \
		$(($(date +%s) - t0)) >>"$OUT/summary.tsv"
	log "   traffic=$traffic denials=$n checks=$checks"
	flush_results
}

# flush_results: the results so far onto the output disk, so that a run
# the host has to kill still reports what it did (the runner writes the
# final archive, with "rc", over it).
flush_results() {
	cp $AUDIT "$OUT/audit.log"
	tar -C "$OUT" -cf /dev/vdc . 2>/dev/null
	sync
}

LAST="$(echo $scenarios | awk '{print $NF}') ${PHASES[${#PHASES[@]}-1]}"
t_prep=$(date +%s)
# amavisd-new fails at boot under Debian's policy and systemd restarts
# it forever, logging denials into every window: stopped here;
# 07-combined configures and starts it.
systemctl stop amavis
useradd -m -s /bin/bash $E2E_USER
for s in $scenarios; do
	log "prepare $s"
	mkdir -p "$OUT/res/$s"
	step "$s" prepare "$OUT/res/$s/prepare.log" || log "prepare $s failed"
done
postfix_save
log "prepared in $(($(date +%s) - t_prep))s"

for ph in "${PHASES[@]}"; do
	if [ "$ph" = pfsel ]; then
		t0=$(date +%s)
		mark=$(wc -l <$AUDIT)
		log "pfsel-gen install full.ini"
		# Through a pipe: semodule's setfiles child inherits the
		# descriptors and may not write a file initrc_t opened.
		# full.ini, then each spec scanned in the guest (a module of
		# its own: scan writes its [module]).  full.ini's result
		# decides whether the pfsel phase runs; a scanned spec that
		# fails leaves its scenario to fail.
		specs=$(ls "$B/full.ini" "$E2E_SPECS"/*.ini 2>/dev/null)
		for spec in $specs; do
			echo "# pfsel-gen install $spec"
			pfsel-gen install "$spec" </dev/null 2>&1
			echo "rc=$?"
		done 2>&1 | cat >"$OUT/install.log"
		rc_i=$(sed -n 's/^rc=//p' "$OUT/install.log" | head -1)
		t1=$(date +%s)
		for spec in $specs; do
			echo "# pfsel-label apply --spec $spec"
			pfsel-label apply --spec "$spec" </dev/null 2>&1
			echo "rc=$?"
		done 2>&1 | cat >"$OUT/apply.log"
		rc_a=$(sed -n 's/^rc=//p' "$OUT/apply.log" | head -1)
		t2=$(date +%s)
		n=$(audit_window "$mark" "$OUT/install-avc")
		journalctl -b --no-pager >"$OUT/journal.txt" 2>&1
		printf 'install\t%s\t%s\napply\t%s\t%s\ninstall_denials\t%s\n' \
			"$rc_i" $((t1 - t0)) "$rc_a" $((t2 - t1)) "$n" >"$OUT/install.tsv"
		# The scanned specs' install and apply results, in order.
		printf 'scanned_specs\t%s\t%s\n' \
			"$(awk -F= '/^rc=/ && n++ {printf "%s ", $2}' "$OUT/install.log")" \
			"$(awk -F= '/^rc=/ && n++ {printf "%s ", $2}' "$OUT/apply.log")" >>"$OUT/install.tsv"
		log "install rc=$rc_i ($((t1 - t0))s) apply rc=$rc_a ($((t2 - t1))s)"
		flush_results
		if [ "$rc_i" != 0 ] || [ "$rc_a" != 0 ]; then
			for s in $scenarios; do
				printf '%s\tpfsel\tSKIPPED\t-\t-\t0\n' "$s" >>"$OUT/summary.tsv"
			done
			continue
		fi
		semodule -l >"$OUT/modules.txt" 2>&1
	fi
	for s in $scenarios; do
		# Out of time: say so rather than be killed without results.
		if [ "$(cut -d. -f1 /proc/uptime)" -ge "$deadline" ]; then
			log "time budget spent: $s $ph not run"
			printf '%s\t%s\tSKIPPED\t-\t-\t0\ttime budget\n' "$s" "$ph" >>"$OUT/summary.tsv"
			continue
		fi
		run_phase "$s" "$ph"
	done
done

log "collecting logs"
cp $AUDIT "$OUT/audit.log"
journalctl -b --no-pager >"$OUT/journal.txt" 2>&1
dmesg >"$OUT/dmesg.txt" 2>&1
ps -eZ >"$OUT/ps.txt" 2>&1
log "done"
exit 0
