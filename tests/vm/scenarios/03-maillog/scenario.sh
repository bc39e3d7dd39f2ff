# 03-maillog - maillog_file through postlogd(8) into its own directory.
#
# Sourced by tests/vm/guest/main.sh.  With maillog_file set, every Postfix
# program logs through the postlog socket to postlogd, which appends to
# /var/log/postfix/mail.log.  In the stock policy postlogd is plain
# postfix_exec_t and runs as postfix_master_t, which may not write there.
LOGD=/var/log/postfix
LOGF=$LOGD/mail.log

prepare() {
	mkdir -p $LOGD
	restorecon -RF $LOGD
	ls -dZ $LOGD
}

enable() {
	postconf -e maillog_file=$LOGF
	postfix_reload
}

traffic() {
	local token=e2e-maillog-$PHASE
	ck "smtpd accepts a message" \
		smtp_send 127.0.0.1 25 e2e@guest.localdomain $E2E_USER@localhost $token
	ck "message delivered" delivered 20 mailbox_has $E2E_USER $token
	ck "$LOGF has the message's log lines" \
		delivered 10 grep -qs "message-id=<$token@" $LOGF
	ck "$LOGF has the delivery" delivered 10 grep -qs "status=sent" $LOGF
	tail -4 $LOGF 2>&1
}

verify() {
	label_ck $LOGD $LOGF
	ck "$LOGF no longer var_log_t" test "$(type_of $LOGF)" != var_log_t
	echo "postlogd runs as: $(domain_of postlogd)"
	ls -dZ $LOGD $LOGF
	ps -eZ | grep postlogd
}

disable() {
	postfix_restore
	postfix_reload
}
