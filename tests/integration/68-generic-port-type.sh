#!/bin/bash
# 68-generic-port-type - issue 13 point 7: "[socket] port_type =
# unreserved_port_t" must not let the server bind every unreserved port.
# Where the target policy does not already let the server bind the
# generic type (sesearch, unconditional rules, is the oracle), emit
# refuses the section at its line, saying what to do, and writes
# nothing; a port type the server may bind is accepted and the module
# grants no name_bind at all.  scan writes such a section commented
# out, with the reason.  On the host's policy and every Red Hat family
# kit.
source "$PFSEL_TOP/tests/lib/testlib.sh"

dir=$(tmpdir)
quota() { # PORT_TYPE: a Dovecot quota-status policy service on 12340
	printf '[module]\nname = pfsel_quota\n\n[socket dovecot_quota]\n'
	printf 'socket = inet:127.0.0.1:12340\nport_type = %s\n' "$1"
	printf 'server = dovecot_t\nclients = smtpd\n'
}
quota unreserved_port_t >"$dir/generic.ini"
quota pop_port_t >"$dir/specific.ini"
conf=$(tmpdir)
printf 'smtpd_recipient_restrictions = check_policy_service inet:127.0.0.1:12340\n' \
	>"$conf/main.cf"
printf 'smtp inet n - y - - smtpd\n' >"$conf/master.cf"

# binds ROOT DOMAIN TYPE: an unconditional rule lets DOMAIN bind TYPE
# (Fedora's nsswitch_domain may bind unreserved_port_t only while the
# nis_enabled boolean is on, which it is not by default).
binds() {
	sesearch -A -s "$2" -t "$3" -c tcp_socket -p name_bind "$(policy_of "$1")" |
		grep -v '\[ ' | grep -q .
}

for target in $(policy_targets); do
	root=$(target_root "$target") || { not_ok "$target: root"; continue; }
	out=$(tmpdir)
	err=$("$GEN" emit "$dir/generic.ini" -o "$out" --root "$root" 2>&1 >/dev/null)
	rc=$?
	if binds "$root" dovecot_t unreserved_port_t; then
		check_eq "$target: dovecot_t already binds unreserved_port_t: emit" 0 "$rc"
		check_fails "$target: and grants nothing more" \
			grep -q name_bind "$out/pfsel_quota.te"
	else
		check_eq "$target: generic port_type: exit 2" 2 "$rc"
		check "$target: refused at the section, saying why and what to do ($err)" \
			grep -qF "$dir/generic.ini:4: [socket dovecot_quota] port_type = unreserved_port_t is generic: letting dovecot_t bind it would let it bind every port of that type; name a port type dovecot_t may already bind" <<<"$err"
		check_eq "$target: nothing written" "" "$(ls -A "$out")"
		spec=$(tmpdir)/scanned.ini
		"$GEN" scan -c "$conf" -r "$root" -o "$spec" 2>/dev/null
		check "$target: scan writes it commented out" \
			grep -qx '# port_type = unreserved_port_t' "$spec"
		check "$target: scan says why" \
			grep -q 'but it may not bind tcp/12340, whose type is generic' "$spec"
	fi
	out=$(tmpdir)
	check "$target: a port type dovecot_t binds: emit" \
		"$GEN" emit "$dir/specific.ini" -o "$out" --root "$root"
	check_allowed "$root" dovecot_t pop_port_t tcp_socket name_bind
	check_fails "$target: the module grants no name_bind" \
		grep -q name_bind "$out/pfsel_quota.te"
	check "$target: smtpd connects to pop_port_t only" \
		grep -q 'allow postfix_smtpd_t pop_port_t:tcp_socket name_connect' \
		"$out/pfsel_quota.te"
done
exit $T_FAILED
