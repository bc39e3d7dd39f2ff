# 04-vmail - virtual(8) delivery into maildirs under /srv/vmail.
#
# Sourced by tests/vm/guest/main.sh.  One virtual domain, one mailbox
# (a maildir: the map value ends in "/"), owned by a vmail user.  Stock
# policy: /srv/vmail is var_t, where postfix_virtual_t may not write.
BASE=/srv/vmail
MBOX=$BASE/vdomain.test/alice

prepare() {
	groupadd -g 5000 vmail
	useradd -u 5000 -g vmail -d $BASE -M -s /usr/sbin/nologin vmail
	mkdir -p $BASE
	chown vmail:vmail $BASE
	echo "alice@vdomain.test vdomain.test/alice/" >/etc/postfix/vmailbox
	postmap /etc/postfix/vmailbox
	restorecon -RF $BASE /etc/postfix/vmailbox*
	ls -dZ $BASE /etc/postfix/vmailbox*
}

enable() {
	postconf -e virtual_mailbox_domains=vdomain.test \
		virtual_mailbox_base=$BASE \
		virtual_mailbox_maps=hash:/etc/postfix/vmailbox \
		virtual_uid_maps=static:5000 virtual_gid_maps=static:5000
	postfix_reload
}

# in_maildir TOKEN: a maildir file in new/ holds the message.
in_maildir() { grep -qs "Subject: $1" $MBOX/new/*; }

traffic() {
	local token=e2e-vmail-$PHASE
	ck "smtpd accepts a message for alice@vdomain.test" \
		smtp_send 127.0.0.1 25 e2e@guest.localdomain alice@vdomain.test $token
	ck "virtual(8) delivered it into $MBOX/new" delivered 20 in_maildir $token
	ls -Z $MBOX/new 2>&1 | tail -2
}

verify() {
	local f
	f=$(grep -ls "Subject: e2e-vmail-$PHASE" $MBOX/new/* | head -1)
	label_ck $BASE $BASE/vdomain.test $MBOX $MBOX/new $f
	ck "$BASE no longer var_t" test "$(type_of $BASE)" != var_t
	ck "message owned by vmail" test "$(stat -c %U "$f")" = vmail
	ls -dZ $BASE $MBOX/new/*
}

disable() {
	postfix_restore
	postfix_reload
}
