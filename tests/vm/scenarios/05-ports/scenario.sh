# 05-ports - smtpd on port 2525 and on a content filter's reinjection
# port 127.0.0.1:10030.
#
# Sourced by tests/vm/guest/main.sh.  Stock policy: neither port has a
# label master(8) may bind (smtp_port_t is 25, 465, 587).
prepare() { :; }

enable() {
	master_cf_add "2525 inet n - y - - smtpd" \
		"127.0.0.1:10030 inet n - n - 10 smtpd" \
		"  -o content_filter=" \
		"  -o receive_override_options=no_unknown_recipient_checks,no_header_body_checks" \
		"  -o smtpd_authorized_xforward_hosts=127.0.0.0/8" \
		"  -o mynetworks=127.0.0.0/8"
	postfix_reload
}

traffic() {
	local t1=e2e-port2525-$PHASE t2=e2e-port10030-$PHASE
	ck "smtpd on port 2525 accepts a message" \
		smtp_send 127.0.0.1 2525 e2e@guest.localdomain $E2E_USER@localhost $t1
	ck "port 2525 message delivered" delivered 20 mailbox_has $E2E_USER $t1
	ck "smtpd on 127.0.0.1:10030 accepts a message" \
		smtp_send 127.0.0.1 10030 e2e@guest.localdomain $E2E_USER@localhost $t2
	ck "port 10030 message delivered" delivered 20 mailbox_has $E2E_USER $t2
}

verify() {
	local ports
	ports=$(semanage port -l | grep -E '^smtp_port_t ')
	echo "$ports"
	ck "tcp/2525 is smtp_port_t" grep -qw 2525 <<<"$ports"
	ck "tcp/10030 is smtp_port_t" grep -qw 10030 <<<"$ports"
	ck "master runs as postfix_master_t" test "$(domain_of master)" = postfix_master_t
}

disable() {
	postfix_restore
	postfix_reload
}
