#!/bin/bash
# 6B-pairwise - issue 13: section kinds that combine on real hosts,
# installed two at a time (a moved queue with sockets in its private/
# and a chrooted milter directory in it, an instance with a socket in its
# private/, a daemon whose log sits in maillog's directory and whose
# runtime lies in the moved queue, ...).  After each install every stock
# Postfix path keeps the type it had before (matchpathcon), and every path
# the pair names has the type its section asks for.  One scratch root on
# the host's policy, reused: each pair is installed and uninstalled.
source "$PFSEL_TOP/tests/lib/testlib.sh"

# Sections, and the "PATH TYPE" lines each must give (TYPE "stock:P":
# the type the policy gave P before any install).
Q='[queue]
directory = /srv/pfq'
Q_want='/srv/pfq stock:/var/spool/postfix
/srv/pfq/private stock:/var/spool/postfix/private
/srv/pfq/public/pickup stock:/var/spool/postfix/public/pickup
/srv/pfq/maildrop/x stock:/var/spool/postfix/maildrop/x'
S='[socket dovecot_auth]
socket = unix:/srv/pfq/private/auth
server = dovecot_t'
S_want='/srv/pfq/private/auth stock:/var/spool/postfix/private/auth'
I='[instance out]
config_directory = /etc/postfix-out
queue_directory = /var/spool/postfix-out
data_directory = /var/lib/postfix-out'
I_want='/etc/postfix-out/main.cf postfix_etc_t
/var/lib/postfix-out/prng_exch postfix_data_t
/var/spool/postfix-out/private stock:/var/spool/postfix/private'
SI='[socket dovecot_out]
socket = unix:/var/spool/postfix-out/private/auth
server = dovecot_t'
SI_want='/var/spool/postfix-out/private/auth stock:/var/spool/postfix/private/auth'
L='[log]
maillog_file = /var/log/postfix/mail.log'
L_want='/var/log/postfix/mail.log pfsel_pair_maillog_t'
D='[daemon mylogd]
command = /usr/libexec/postfix/mylogd
log = /var/log/postfix/mylogd.log
runtime = /srv/pfq/mylogd'
D_want='/usr/libexec/postfix/mylogd postfix_mylogd_exec_t
/var/log/postfix/mylogd.log postfix_mylogd_log_t
/srv/pfq/mylogd/s postfix_mylogd_runtime_t'
M='[milter opendkim]
socket = unix:/srv/pfq/opendkim/opendkim.sock
server = dkim_milter_t'
M_want='/srv/pfq/opendkim/opendkim.sock dkim_milter_data_t'
V='[virtual]
mailbox_base = /srv/vmail'
V_want='/srv/vmail/a/new/1 mail_spool_t'

# Postfix's own paths, whatever a pair adds.
STOCK='/var/spool/postfix /var/spool/postfix/private /var/spool/postfix/private/smtp
/var/spool/postfix/public /var/spool/postfix/public/pickup
/var/spool/postfix/maildrop /var/spool/postfix/maildrop/x /var/spool/postfix/pid
/var/spool/postfix/pid/master.pid /var/spool/postfix/defer /var/spool/postfix/bounce
/var/spool/postfix/flush /var/spool/postfix/etc/resolv.conf /etc/postfix
/etc/postfix/main.cf /var/lib/postfix /var/lib/postfix/prng_exch
/usr/libexec/postfix/master /usr/lib/postfix/sbin/master /usr/sbin/postdrop'

root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
declare -A before
for p in $STOCK /var/spool/postfix/private/auth /var/spool/postfix/public/pickup \
	/var/spool/postfix/maildrop/x; do
	before[$p]=$(fc_type "$root" "$p")
done

dir=$(tmpdir)
for pair in Q+S Q+M Q+D Q+V I+SI I+L L+D D+M Q+I; do
	a=${pair%+*} b=${pair#*+}
	spec=$dir/$a-$b.ini
	printf '[module]\nname = pfsel_pair\n\n%s\n\n%s\n' "${!a}" "${!b}" >"$spec"
	if ! "$GEN" install "$spec" -o "$dir/out-$a-$b" --root "$root" >"$dir/log" 2>&1; then
		not_ok "$pair: install"
		cat "$dir/log"
		continue
	fi
	ok "$pair: install"
	bad=
	for p in $STOCK; do
		got=$(fc_type "$root" "$p")
		[ "$got" = "${before[$p]}" ] || bad="$bad $p:${before[$p]}->$got"
	done
	check_eq "$pair: every stock Postfix path keeps its type" "" "$bad"
	want_a=${a}_want want_b=${b}_want
	while read -r p want; do
		[ -n "$p" ] || continue
		[[ $want == stock:* ]] && want=${before[${want#stock:}]}
		check_eq "$pair: $p is $want" "$want" "$(fc_type "$root" "$p")"
	done <<<"${!want_a}
${!want_b}"
	# Out again before the next pair: a reinstall of the same module
	# that drops a path is refused by the guard (that path's type is
	# still the module's, from before).
	check "$pair: uninstall" "$GEN" uninstall pfsel_pair --root "$root" 2>/dev/null
done
exit $T_FAILED
