# 02-opendkim - OpenDKIM as a milter on a unix socket, signing for smtpd.
#
# Sourced by tests/vm/guest/main.sh.  Two sockets: inside the Postfix
# chroot (chrooted smtpd names it unix:/opendkim/opendkim.sock) and under
# /run (smtpd with chroot=n).  Keys live in /var/lib/opendkim/keys
# (var_lib_t in the stock policy: opendkim cannot load them there).
# The probe makes cleanup(8) open the private key as a lookup table, with
# DAC opened up for the moment, so only SELinux can refuse it.
KEYS=/var/lib/opendkim/keys
KEY=$KEYS/e2e.private
CONF=/etc/opendkim.conf
CHSOCK=/var/spool/postfix/opendkim/opendkim.sock
RUNSOCK=/run/opendkim/opendkim.sock

prepare() {
	mkdir -p $KEYS /var/spool/postfix/opendkim
	opendkim-genkey -b 1024 -D $KEYS -d guest.localdomain -s e2e
	chown -R opendkim:opendkim /var/lib/opendkim
	chmod 700 $KEYS
	chown opendkim:postfix /var/spool/postfix/opendkim
	chmod 750 /var/spool/postfix/opendkim
	usermod -aG opendkim postfix
	cat >>$CONF <<EOC
Domain			guest.localdomain
Selector		e2e
KeyFile			$KEY
Mode			sv
EOC
	restorecon -RF /var/lib/opendkim /var/spool/postfix/opendkim
	ls -dZ /var/lib/opendkim $KEYS $KEY /var/spool/postfix/opendkim
}

# opendkim_on SOCKET: restart opendkim listening there.
opendkim_on() {
	sed -i "s|^Socket.*|Socket local:$1|" $CONF
	systemctl restart opendkim 2>&1 | head -2
	systemctl -q is-active opendkim && wait_until 10 test -S "$1"
	ls -Z "$1" 2>&1
}

enable() {
	opendkim_on $CHSOCK
	postconf -e smtpd_milters=unix:/opendkim/opendkim.sock \
		milter_default_action=tempfail
	postfix_reload
}

# signed TOKEN: the delivered message carries our DKIM signature.
signed() {
	# The header is folded: look at its continuation lines too.
	message_of e2e "$1" | grep -A3 '^DKIM-Signature:' | grep -q '[ 	;]s=e2e;'
}

# one_message WHERE: send, wait for delivery, check the signature.
one_message() {
	local token=e2e-dkim-$1-$PHASE
	ck "smtpd accepts a message ($1 socket)" \
		smtp_send 127.0.0.1 25 e2e@guest.localdomain $E2E_USER@localhost $token
	ck "message delivered ($1 socket)" delivered 20 mailbox_has $E2E_USER $token
	ck "message DKIM-signed by opendkim ($1 socket)" signed $token
	message_of e2e "$token" | grep -A1 '^DKIM-Signature' | head -3
}

traffic() {
	one_message chroot
	# The same milter on its usual /run socket, smtpd out of the chroot.
	opendkim_on $RUNSOCK
	postconf -F smtp/inet/chroot=n
	postconf -e smtpd_milters=unix:$RUNSOCK
	postfix_reload
	one_message run
}

verify() {
	ck "opendkim runs as dkim_milter_t" test "$(domain_of opendkim)" = dkim_milter_t
	label_ck $KEYS $KEY /var/spool/postfix/opendkim /run/opendkim $RUNSOCK
	ck "keys no longer var_lib_t" test "$(type_of $KEY)" != var_lib_t
	ls -dZ $KEYS $KEY /var/spool/postfix/opendkim /run/opendkim/*
	ps -eZ | grep -E 'opendkim|smtpd|cleanup'
}

# A Postfix domain (cleanup) tries to read the private key.
probe() {
	local mark token=e2e-dkim-keyread-$PHASE d
	mark=$(wc -l </var/log/audit/audit.log)
	chmod 755 $KEYS
	chmod 644 $KEY
	# No milter: smtpd must hand the message to cleanup.
	postconf -e header_checks=regexp:$KEY smtpd_milters=
	postfix_reload
	smtp_send 127.0.0.1 25 e2e@guest.localdomain $E2E_USER@localhost $token
	sleep 2
	chmod 700 $KEYS
	chmod 600 $KEY
	# Denied on the key or on its directory (search), by a Postfix domain.
	d=$(tail -n +$((mark + 1)) /var/log/audit/audit.log |
		grep 'avc: *denied' | grep 'scontext=[^ ]*:postfix_' |
		grep -E 'name="(e2e\.private|keys)"')
	echo "$d"
	if [ -n "$d" ]; then echo "KEYREAD: denied"; else echo "KEYREAD: not denied"; fi
	journalctl -n 40 --no-pager | grep -E 'e2e.private' | tail -3
	if [ "$PHASE" = pfsel ]; then
		ck "cleanup (a Postfix domain) is denied reading the DKIM key" test -n "$d"
	fi
	postfix_restore
	postfix_reload
}

disable() {
	postfix_restore
	postfix_reload
}
