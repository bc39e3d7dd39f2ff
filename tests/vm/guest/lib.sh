# lib.sh - helpers for the guest-side scenario driver (sourced by main.sh
# and, through it, by every tests/vm/scenarios/*/scenario.sh).
#
# Runs inside the enforcing guest as root in initrc_t.  Traffic is driven
# over SMTP with bash's /dev/tcp (not sendmail(1)): mail injected from
# initrc_t through sendmail/postdrop adds denials that belong to the
# test harness, not to the scenario.

E2E_USER=e2e
SAVED=/run/e2e/saved
# Specs a scenario's prepare wrote with "pfsel-gen scan" in the guest;
# main.sh installs each as its own module after full.ini.
E2E_SPECS=/run/e2e/specs

# log: progress lines, also on the serial console (the host's
# console.log) so that a run that hangs shows where.
log() {
	local l
	l="[$(cut -d' ' -f1 /proc/uptime)s] $*"
	echo "$l"
	echo "E2E: $l" >/dev/console 2>/dev/null
}

# ck WHAT COMMAND...: one verification line; the status is remembered in
# CK_FAILED for the phase.
CK_FAILED=0
ck() {
	local what=$1
	shift
	if "$@"; then
		echo "PASS: $what"
	else
		echo "FAIL: $what"
		CK_FAILED=1
	fi
}

# wait_until SECONDS COMMAND...: poll COMMAND every 0.5 s.
wait_until() {
	local limit=$(($1 * 2))
	shift
	while [ "$limit" -gt 0 ]; do
		"$@" && return 0
		sleep 0.5
		limit=$((limit - 1))
	done
	"$@"
}

# smtp_send HOST PORT FROM TO TOKEN: one message whose Subject and
# Message-ID carry TOKEN.  Prints the transcript; status 0 when the
# server accepted the message (250 after the final dot).  SENT_OK says
# whether the last message was accepted: delivery waits are only worth
# their time when it was.
SENT_OK=0
smtp_send() {
	SENT_OK=0
	_smtp_send "$@" && SENT_OK=1
	[ $SENT_OK = 1 ]
}
_smtp_send() {
	local host=$1 port=$2 from=$3 to=$4 token=$5 line code
	if ! exec 3<>"/dev/tcp/$host/$port"; then
		echo "smtp: cannot connect to $host:$port"
		return 1
	fi
	_smtp_reply() {
		code=
		while IFS= read -r -t 20 line <&3; do
			line=${line%$'\r'}
			echo "S: $line"
			case $line in
			[0-9][0-9][0-9]-*) ;;
			*)
				code=${line:0:3}
				return 0
				;;
			esac
		done
		echo "smtp: no reply"
		return 1
	}
	_smtp_cmd() {
		echo "C: $1"
		printf '%s\r\n' "$1" >&3
		_smtp_reply
	}
	local ok=1
	_smtp_reply && [ "$code" = 220 ] &&
		_smtp_cmd "EHLO client.localdomain" && [ "$code" = 250 ] &&
		_smtp_cmd "MAIL FROM:<$from>" && [ "$code" = 250 ] &&
		_smtp_cmd "RCPT TO:<$to>" && [ "$code" = 250 ] &&
		_smtp_cmd "DATA" && [ "$code" = 354 ] &&
		{
			printf 'From: <%s>\r\nTo: <%s>\r\nSubject: %s\r\n' \
				"$from" "$to" "$token"
			printf 'Message-ID: <%s@e2e.localdomain>\r\n' "$token"
			printf 'Date: %s\r\n\r\n' "$(date -R)"
			printf 'pfsel e2e message %s\r\n.\r\n' "$token"
		} >&3 && echo "C: <message $token>" &&
		_smtp_reply && [ "$code" = 250 ] && ok=0
	_smtp_cmd QUIT >/dev/null 2>&1
	exec 3<&- 3>&-
	[ $ok = 0 ] && echo "smtp: accepted by $host:$port" ||
		echo "smtp: NOT accepted by $host:$port"
	return $ok
}

# delivered SECONDS COMMAND...: wait for a delivery, but only when the
# last message was accepted at all.
delivered() {
	local t=$1
	shift
	[ $SENT_OK = 1 ] || t=0
	# Without pfsel the delivery is expected to fail: wait less.
	[ "${PHASE:-}" = baseline ] && [ "$t" -gt 8 ] && t=8
	wait_until "$t" "$@"
}

# mailbox_has USER TOKEN: the mbox of USER holds a message with TOKEN.
mailbox_has() { grep -qs "Subject: $2" "/var/mail/$1"; }

# message_of USER TOKEN: print that message (header and body).
message_of() {
	awk -v t="Subject: $2" '/^From /{m=""} {m=m $0 "\n"}
		index($0, t)==1 {hit=1} /^From /&&hit&&done{exit}
		hit{done=1} END{if(hit) printf "%s", m}' "/var/mail/$1"
}

# type_of PATH: the SELinux type on PATH (empty if PATH is missing).
type_of() { stat -c %C "$1" 2>/dev/null | cut -d: -f3; }

# fc_type_of PATH: the type the loaded policy's file_contexts give PATH.
fc_type_of() { matchpathcon -n "$1" 2>/dev/null | cut -d: -f3; }

# label_ck PATH...: each PATH carries the type file_contexts gives it
# (one matchpathcon for all: loading file_contexts costs ~1 s in TCG).
label_ck() {
	local want i=0 p
	mapfile -t want < <(matchpathcon -n "$@" 2>/dev/null | cut -d: -f3)
	for p in "$@"; do
		ck "$p labeled ${want[$i]:-?} as file_contexts says" \
			test -n "${want[$i]:-}" -a "$(type_of "$p")" = "${want[$i]:-}"
		i=$((i + 1))
	done
}

# domain_of COMM: the domains of processes named COMM, one per line.
domain_of() { ps -eo label=,comm= | awk -v c="$1" '$2==c{split($1,a,":"); print a[3]}' | sort -u; }

# Postfix configuration: main.sh saves main.cf and master.cf after the
# scenarios' prepare steps; each phase starts from that state.
postfix_save() {
	mkdir -p $SAVED
	cp /etc/postfix/main.cf /etc/postfix/master.cf $SAVED/
}
postfix_restore() {
	# cat, not cp: keep the inode and with it the file's label.
	cat $SAVED/main.cf >/etc/postfix/main.cf
	cat $SAVED/master.cf >/etc/postfix/master.cf
}

# postfix_up: the real instance is running.  postfix.service stays
# "active" when it is not; postfix@- tells the truth.
postfix_up() { systemctl -q is-active postfix@-; }
postfix_restart() {
	systemctl restart postfix@- 2>&1 | tail -3
	postfix_up || { echo "postfix@- is not running:"; journalctl -u postfix@- -n 15 --no-pager; }
}
# master_pid: the main instance's master, from its pid file.
master_pid() {
	sed -n '1s/ //gp' "$(postconf -h queue_directory)/pid/master.pid" 2>/dev/null
}
master_alive() {
	local pid
	pid=$(master_pid)
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# postfix_reload: SIGHUP to the master, which is what "postfix reload"
# ends in; its script's checks cost ~5 s a time under TCG.
postfix_reload() {
	local pid
	pid=$(master_pid)
	if [ -n "$pid" ] && kill -HUP "$pid" 2>/dev/null; then
		sleep 1
	else
		echo "postfix_reload: no master running"
	fi
}
# postfix_ensure: a stock-policy run can leave Postfix dead (the master
# exits on reload when it cannot log): start it again for what follows.
postfix_ensure() {
	master_alive && return 0
	echo "postfix is down; restarting postfix@-"
	postfix_restart
}

# master_cf_add LINE...: append service lines to master.cf.
master_cf_add() { printf '%s\n' "$@" >>/etc/postfix/master.cf; }

# doctor_phase DIR SINCE: "pfsel-label doctor" on the guest as it stands
# at the end of a phase's traffic, over the denials logged since SINCE
# (epoch seconds).  Its output and exit status are kept with the phase's
# logs (DIR/doctor.txt, DIR/doctor.rc); report.sh judges them against
# scenarios/*/doctor.expect.
doctor_phase() {
	pfsel-label doctor --since "@$2" >"$1/doctor.txt" 2>&1
	echo $? >"$1/doctor.rc"
}
