#!/bin/bash
# 6A-milter-queue-entry - a milter socket whose directory is an entry of
# a queue directory (issue 13, point 10).  Debian's chroot layout puts
# OpenDKIM's socket in /var/spool/postfix/opendkim (dkim_milter_data_t);
# "postfix start" and "postfix check" list the queue's entries (ls -d in
# postfix-script) as postfix_master_t and were denied getattr on it.
# sesearch on the installed policy is the oracle: the master may read
# the attributes of such a directory, and nothing more, in the stock
# queue and in a moved one; a socket directory outside every queue gets
# no such rule.  matchpathcon: a moved queue keeps the milters' socket
# directories the policy types in the stock queue (/srv/pfq/opendkim).
source "$PFSEL_TOP/tests/lib/testlib.sh"

d=$(tmpdir)
cat >"$d/spec.ini" <<'EOS'
[module]
name = pfsel_qentry

[queue]
directory = /srv/pfq

[milter opendkim]
socket = unix:/var/spool/postfix/opendkim/opendkim.sock
server = dkim_milter_t
clients = smtpd cleanup

[milter opendkim_moved]
socket = unix:/srv/pfq/opendkim/opendkim.sock
server = dkim_milter_t
clients = smtpd

[milter inqueue]
command = /usr/local/sbin/inqueue-milter
socket = unix:/var/spool/postfix/inqueue/inqueue.sock

[milter moved]
command = /usr/local/sbin/moved-milter
socket = unix:/srv/pfq/moved/moved.sock

[milter outside]
command = /usr/local/sbin/outside-milter
socket = unix:/run/outside/outside.sock
EOS

while read -r target; do
	root=$(target_root "$target") || { not_ok "$target: a root"; continue; }
	# What the policy grants before pfsel: the module must add nothing
	# to it but getattr.
	before=
	for p in search read; do
		allowed "$root" postfix_master_t dkim_milter_data_t dir $p &&
			before="$before $p"
	done
	check "$target: emit" "$GEN" emit "$d/spec.ini" --root "$root" -o "$d/$target"
	rules=$(grep '^allow postfix_master_t' "$d/$target/pfsel_qentry.te")
	check_eq "$target: the master's rules grant getattr on milter data dirs only" "" \
		"$(grep -v '^allow postfix_master_t [a-z_]*_milter_data_t:dir getattr;$' <<<"$rules")"
	check_fails "$target: none for the socket outside every queue" \
		grep -q outside_milter_data_t <<<"$rules"
	if ! check "$target: install" "$GEN" install "$d/spec.ini" --root "$root"; then
		rm -rf "$root"
		continue
	fi
	# The moved queue mirrors the stock queue's milter directories.
	check_eq "$target: /srv/pfq/opendkim is OpenDKIM's socket directory" \
		dkim_milter_data_t "$(fc_type "$root" /srv/pfq/opendkim dir)"
	check_eq "$target: /srv/pfq/spamass as /var/spool/postfix/spamass" \
		"$(fc_type "$root" /var/spool/postfix/spamass dir)" \
		"$(fc_type "$root" /srv/pfq/spamass dir)"
	for t in dkim_milter_data_t inqueue_milter_data_t moved_milter_data_t; do
		check_allowed "$root" postfix_master_t $t dir getattr
	done
	after=
	for p in search read; do
		allowed "$root" postfix_master_t dkim_milter_data_t dir $p &&
			after="$after $p"
	done
	check_eq "$target: search/read on dkim_milter_data_t as before" "$before" "$after"
	# Debian's policy grants the master nothing on other domains' data.
	[ "$target" = host ] &&
		check_denied "$root" postfix_master_t outside_milter_data_t dir getattr
	rm -rf "$root"
done < <(policy_targets)
exit $T_FAILED
