# 07-combined - a small mail host as its admin sets it up, and the spec
# "pfsel-gen scan" writes for it in the guest (no spec.ini here).
#
# Sourced by tests/vm/guest/main.sh.  The queue moved to /srv/pfq;
# submission on 587 with SASL through Dovecot (private/auth), an extra
# smtpd on 2525, OpenDKIM signing on Debian's chroot socket inside the
# queue (opendkim/), amavisd-new as the after-queue content filter on
# 10024 reinjecting on 127.0.0.1:10025 (its own amavisd_send_port_t),
# delivery by LMTP to Dovecot (private/dovecot-lmtp) into a maildir.
# prepare writes that configuration, scans it into $E2E_SPECS (main.sh
# installs it as its own module, pfsel_combined) and puts the saved
# configuration back; enable brings it in for the phase.
Q=/srv/pfq
KEYS=/etc/dkimkeys
KEY=$KEYS/combined.private
DKIMCONF=/etc/opendkim.conf
DKIMSOCK=$Q/opendkim/opendkim.sock
HERE=/run/e2e/combined
PASSWORD=e2e-combined-secret
MAILDIR=/home/$E2E_USER/Maildir

# The Postfix side, as main.cf/master.cf lines an admin writes.
combined_postfix() {
	# Not the postmulti instance 06-queue may have made: this host is
	# one instance.
	postconf -X multi_instance_directories multi_instance_enable \
		multi_instance_wrapper
	postconf -e queue_directory=$Q \
		smtpd_sasl_type=dovecot smtpd_sasl_path=private/auth \
		mailbox_transport=lmtp:unix:private/dovecot-lmtp \
		content_filter=smtp-amavis:[127.0.0.1]:10024 \
		smtpd_milters=unix:/opendkim/opendkim.sock \
		'non_smtpd_milters=$smtpd_milters' milter_default_action=tempfail
	cat >>/etc/postfix/master.cf <<'EOC'
submission inet n - y - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=none
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
2525 inet n - y - - smtpd
smtp-amavis unix - - n - 2 smtp
  -o smtp_data_done_timeout=1200
  -o smtp_send_xforward_command=yes
  -o disable_dns_lookups=yes
127.0.0.1:10025 inet n - n - - smtpd
  -o content_filter=
  -o local_recipient_maps=
  -o smtpd_restriction_classes=
  -o smtpd_client_restrictions=permit_mynetworks,reject
  -o smtpd_helo_restrictions=
  -o smtpd_sender_restrictions=
  -o smtpd_recipient_restrictions=permit_mynetworks,reject
  -o mynetworks=127.0.0.0/8
  -o receive_override_options=no_header_body_checks,no_unknown_recipient_checks,no_milters
EOC
}

# Dovecot: SASL and LMTP only, its sockets in the moved queue's private/.
combined_dovecot() {
	cat >/etc/dovecot/dovecot.conf <<EOC
# tests/vm 07-combined: SASL for Postfix and LMTP delivery, nothing else.
protocols = lmtp
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n /etc/dovecot/e2e-users
}
userdb {
  driver = passwd-file
  args = username_format=%n /etc/dovecot/e2e-users
}
service auth {
  unix_listener $Q/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
service lmtp {
  unix_listener $Q/private/dovecot-lmtp {
    mode = 0600
    user = postfix
    group = postfix
  }
}
EOC
	printf '%s:{PLAIN}%s:%s:%s::/home/%s\n' $E2E_USER $PASSWORD \
		"$(id -u $E2E_USER)" "$(id -g $E2E_USER)" $E2E_USER \
		>/etc/dovecot/e2e-users
	chown root:dovecot /etc/dovecot/e2e-users
	chmod 640 /etc/dovecot/e2e-users
	mkdir -p $MAILDIR/cur $MAILDIR/new $MAILDIR/tmp
	chown -R $E2E_USER: $MAILDIR
	restorecon -RF /etc/dovecot /home/$E2E_USER
}

# amavisd-new as it passes mail through (no scanner installed).  Debian's
# refpolicy has gaps of its own in amavis_t, outside Postfix: it may not
# execute hostname(1), which Debian's 05-node_id runs for $myhostname,
# nor map its Berkeley DB files (the cache and nanny, $enable_db): the
# FQDN is written out and the databases are off.  amavisd is restarted
# after the change (at boot it fails and systemd restarts it).
combined_amavis() {
	printf '%s\n' 'use strict;' '$myhostname = "guest.localdomain";' '1;' \
		>/etc/amavis/conf.d/05-node_id
	printf '%s\n' 'use strict;' '$enable_db = 0;' '$enable_global_cache = 0;' \
		'$enable_dkim_verification = 0;' '$enable_dkim_signing = 0;' \
		'1;' >/etc/amavis/conf.d/50-user
	systemctl restart amavis 2>&1 | tail -2
}

prepare() {
	mkdir -p $HERE /srv "$E2E_SPECS"
	cp -a --no-preserve=context /var/spool/postfix $Q
	rm -f $Q/pid/*.pid
	# Debian's chroot layout for OpenDKIM: its socket inside the queue.
	mkdir -p $Q/opendkim
	chown opendkim:postfix $Q/opendkim
	chmod 750 $Q/opendkim
	usermod -aG opendkim postfix
	restorecon -RF /srv
	mkdir -p $KEYS
	opendkim-genkey -b 1024 -D $KEYS -d guest.localdomain -s combined
	chown -R opendkim:opendkim $KEYS
	chmod 700 $KEYS
	restorecon -RF $KEYS
	cp $DKIMCONF $HERE/opendkim.conf.saved
	combined_amavis
	combined_dovecot
	# The admin's configuration, scanned where it is, then put aside.
	cp /etc/postfix/main.cf /etc/postfix/master.cf $HERE/
	combined_postfix
	cp /etc/postfix/main.cf $HERE/main.cf.combined
	cp /etc/postfix/master.cf $HERE/master.cf.combined
	pfsel-gen scan -n pfsel_combined -o "$E2E_SPECS/07-combined.ini" ||
		echo "FAIL: pfsel-gen scan"
	cat "$E2E_SPECS/07-combined.ini"
	cat $HERE/main.cf >/etc/postfix/main.cf
	cat $HERE/master.cf >/etc/postfix/master.cf
	ls -dZ $Q $Q/opendkim $KEYS $KEY $MAILDIR
}

enable() {
	cat $HERE/main.cf.combined >/etc/postfix/main.cf
	cat $HERE/master.cf.combined >/etc/postfix/master.cf
	cat >$DKIMCONF <<EOC
Syslog			yes
UMask			007
UserID			opendkim
PidFile			/run/opendkim/opendkim.pid
Socket			local:$DKIMSOCK
Domain			guest.localdomain
Selector		combined
KeyFile			$KEY
Mode			sv
EOC
	systemctl restart opendkim 2>&1 | head -2
	systemctl -q is-active opendkim && wait_until 10 test -S $DKIMSOCK
	systemctl restart dovecot 2>&1 | head -2
	systemctl -q is-active amavis || systemctl restart amavis 2>&1 | head -2
	postfix_restart
	ls -Z $DKIMSOCK $Q/private/auth $Q/private/dovecot-lmtp 2>&1
}

# in_maildir TOKEN: the maildir file Dovecot's LMTP wrote.
in_maildir() { grep -ls "^Subject: $1" $MAILDIR/new/* 2>/dev/null | head -1; }
delivered_to_maildir() { [ -n "$(in_maildir "$1")" ]; }

# passed TOKEN: submitted, filtered, reinjected, signed and delivered.
passed() {
	local token=$1 f
	ck "$token delivered by LMTP into $MAILDIR" \
		delivered 40 delivered_to_maildir "$token"
	f=$(in_maildir "$token")
	ck "$token went through amavis (its Received line)" \
		grep -Eqs '\(amavis(d-new)?, port 10024\)' "$f"
	# The header is folded: look at its continuation lines too.
	ck "$token DKIM-signed by opendkim" \
		sh -c "grep -A3 '^DKIM-Signature:' '$f' | grep -q '[ 	;]s=combined;'"
	sed -n '1,/^$/p' "$f" 2>/dev/null | head -30
}

traffic() {
	local t1=e2e-combined-587-$PHASE t2=e2e-combined-2525-$PHASE since
	since=$(date +%s)
	ck "submission on 587 accepts a message after SASL (Dovecot) AUTH" \
		smtp_send_auth $t1
	passed $t1
	ck "smtpd on 2525 accepts a message" \
		smtp_send 127.0.0.1 2525 e2e@guest.localdomain $E2E_USER@localhost $t2
	passed $t2
	# What came back on 10025 is the filter's reinjection.
	ck "amavis reinjected on 127.0.0.1:10025" \
		sh -c "journalctl -q --no-pager --since @$since |
			grep -q 'from MTA(smtp:\[127.0.0.1\]:10025)'"
}

# smtp_send_auth TOKEN: one message to 587, authenticated (AUTH PLAIN).
smtp_send_auth() {
	SENT_OK=0
	swaks --server 127.0.0.1 --port 587 --timeout 30 \
		--auth PLAIN --auth-user $E2E_USER --auth-password $PASSWORD \
		--from e2e@guest.localdomain --to $E2E_USER@localhost \
		--header "Subject: $1" --header "Message-Id: <$1@e2e.localdomain>" \
		--body "pfsel e2e message $1" && SENT_OK=1
	[ $SENT_OK = 1 ]
}

verify() {
	local f bad=
	for f in $Q/private/*; do
		[ "$(type_of "$f")" = postfix_private_t ] || bad="$bad $f:$(type_of "$f")"
	done
	ck "every socket in $Q/private is postfix_private_t${bad:+ (not:$bad)}" \
		test -z "$bad"
	ck "Dovecot's sockets are there" test -S $Q/private/auth -a -S $Q/private/dovecot-lmtp
	label_ck $Q $Q/private $Q/public $Q/opendkim $DKIMSOCK
	ck "tcp/10025 is still amavisd_send_port_t" \
		sh -c "semanage port -l | grep -E '^amavisd_send_port_t .*[ ,]10025(,|$)'"
	ck "master runs as postfix_master_t" test "$(domain_of master)" = postfix_master_t
	ck "dovecot runs as dovecot_t" test "$(domain_of dovecot)" = dovecot_t
	ck "opendkim runs as dkim_milter_t" test "$(domain_of opendkim)" = dkim_milter_t
	ck "amavisd runs as amavis_t" sh -c "ps -eo label=,args= |
		awk '\$1 ~ /:amavis_t:/ && /amavisd/ {f = 1} END {exit !f}'"
	ps -eZ | grep -E ' (master|dovecot|opendkim|amavisd.*|lmtp|smtpd|auth)$'
	ls -dZ $Q $Q/* $Q/private/* $DKIMSOCK
}

disable() {
	postfix_restore # the saved main.cf and master.cf
	postfix_restart
	cat $HERE/opendkim.conf.saved >$DKIMCONF
	systemctl restart opendkim 2>&1 | head -2
}
