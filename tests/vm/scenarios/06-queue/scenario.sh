# 06-queue - a moved queue_directory and a postmulti instance.
#
# Sourced by tests/vm/guest/main.sh.  The main instance's queue is copied
# to /srv/postfix/spool the way an admin does it (no SELinux contexts
# copied: var_t, as the stock file_contexts say), and a second instance
# "postfix-out" is made with postmulti(1) and listens on 127.0.0.1:587
# (submission: smtp_port_t, so the port is not what this one tests).
# Mail goes through each and is delivered locally.
Q=/srv/postfix/spool
IQ=/var/spool/postfix-out
ICF=/etc/postfix-out
# Queue subdirectories whose stock labels the moved queues must mirror.
QDIRS="active bounce corrupt defer deferred flush hold incoming maildrop
	private public saved trace"

prepare() {
	mkdir -p /srv/postfix
	cp -a --no-preserve=context /var/spool/postfix $Q
	rm -f $Q/pid/*.pid
	restorecon -RF /srv/postfix
	postmulti -e init
	postmulti -I postfix-out -G mta -e create
	postconf -c $ICF -e inet_interfaces=127.0.0.1 \
		myhostname=out.localdomain 'mydestination=$myhostname, localhost'
	# postmulti creates instances with master_service_disable=inet.
	postconf -c $ICF -X master_service_disable
	postconf -c $ICF -MX smtp/inet
	postconf -c $ICF -M '127.0.0.1:submission/inet=127.0.0.1:submission inet n - y - - smtpd'
	# postmulti leaves the data directory to root; the master's lock
	# file lives there.
	chown postfix:postfix /var/lib/postfix-out
	restorecon -RF $ICF $IQ /var/lib/postfix-out
	ls -dZ $Q $Q/* $IQ $IQ/* $ICF
}

enable() {
	postconf -e queue_directory=$Q
	postfix_restart
	postmulti -i postfix-out -e enable
	# postmulti, not postfix@postfix-out: systemd's wrapper adds ~30 s
	# of chroot copying under TCG and nothing SELinux sees differently.
	postmulti -i postfix-out -p start 2>&1 | tail -3
}

# Not into the harness's log: postfix(1) runs as postfix_master_t,
# which may not write there (initrc_runtime_t); the answer is the status.
instance_running() {
	postmulti -i postfix-out -p status >/dev/null 2>&1
}

traffic() {
	local tm=e2e-queue-main-$PHASE to=e2e-queue-out-$PHASE
	ck "main instance (queue in $Q) accepts a message" \
		smtp_send 127.0.0.1 25 e2e@guest.localdomain $E2E_USER@localhost $tm
	ck "main instance delivered it" delivered 20 mailbox_has $E2E_USER $tm
	ck "instance postfix-out accepts a message on 127.0.0.1:587" \
		smtp_send 127.0.0.1 587 e2e@out.localdomain $E2E_USER@localhost $to
	ck "postfix-out delivered it" delivered 20 mailbox_has $E2E_USER $to
	ck "postfix-out is running" instance_running
	postqueue -p 2>&1 | tail -2
	postqueue -c $ICF -p 2>&1 | tail -2
}

verify() {
	local d i=0 stock
	mapfile -t stock < <(for d in $QDIRS; do echo /var/spool/postfix/$d; done |
		xargs matchpathcon -n | cut -d: -f3)
	for d in $QDIRS; do
		ck "$Q/$d labeled like /var/spool/postfix/$d (${stock[$i]})" \
			test "$(type_of $Q/$d)" = "${stock[$i]}"
		ck "$IQ/$d labeled like /var/spool/postfix/$d" \
			test "$(type_of $IQ/$d)" = "${stock[$i]}"
		i=$((i + 1))
	done
	ck "$Q labeled postfix_spool_t" test "$(type_of $Q)" = postfix_spool_t
	ck "$ICF labeled postfix_etc_t" test "$(type_of $ICF/main.cf)" = postfix_etc_t
	ck "both masters run as postfix_master_t" \
		test "$(domain_of master)" = postfix_master_t
	ck "two masters" test "$(pgrep -xc master)" = 2
	ps -eZ | grep -E ' master$|qmgr|smtpd'
	ls -dZ $Q/* $IQ/* $ICF/main.cf
}

disable() {
	postmulti -i postfix-out -p stop 2>&1 | tail -3
	postmulti -i postfix-out -e disable
	postfix_restore
	postfix_restart
}
