#!/bin/bash
# 69-remote-and-service - issue 13 point 11: the spec forms for a server
# on another host (client-only: only the clients' name_connect, no
# server domain) and for a local service with no domain yet, started by
# systemd (command = in a [socket]: NAME_t entered from NAME_exec_t by
# init, its socket or port, Postfix's connect rules), on a unix socket
# of its own (under /run: el9 aliases /run to /var/run, which the .fc
# must follow) and on an inet port; one in Postfix's private/ is
# refused.  Installed on the host's policy and every Red Hat family kit;
# sesearch and matchpathcon are the oracles.  scan writes a
# check_policy_service on another host as a client-only section.
source "$PFSEL_TOP/tests/lib/testlib.sh"

dir=$(tmpdir)
spec=$dir/forms.ini
cat >"$spec" <<'EOF'
[module]
name = pfsel_forms

[queue]
directory = /srv/pfq

[socket remote_policy]
socket = inet:policy.example.net:10040
port_type = milter_port_t
clients = smtpd

[milter remote_rspamd]
socket = inet:rspamd:11332

[socket quota_policy]
socket = unix:/run/quota-policy/quota.sock
command = /usr/local/sbin/quota-policyd
clients = smtpd

[socket quota_inet]
socket = inet:127.0.0.1:12341
command = /usr/local/sbin/quota-inetd
port_type = milter_port_t
clients = smtpd
EOF
# A service of its own may not put its socket into Postfix's private/:
# it would have to be let remove Postfix's own sockets there.
private=$dir/private.ini
printf '[module]\nname = pfsel_pv\n\n[queue]\ndirectory = /srv/pfq\n\n[socket spf_policy]\nsocket = unix:/srv/pfq/private/policy-spf\ncommand = /usr/local/bin/spf-policyd\n' \
	>"$private"
shell=$dir/shell.ini
printf '[module]\nname = pfsel_sh\n\n[socket x]\nsocket = unix:/run/x/s\ncommand = /usr/bin/bash\n' \
	>"$shell"
conf=$(tmpdir)
printf 'smtpd_recipient_restrictions = check_policy_service inet:policy.example.net:10040\n' \
	>"$conf/main.cf"
printf 'smtp inet n - y - - smtpd\n' >"$conf/master.cf"

for target in $(policy_targets); do
	root=$(target_root "$target") || { not_ok "$target: root"; continue; }
	check_eq "$target: control: tcp/10040 is generic" unreserved_port_t \
		"$(port_type "$root" tcp 10040)"
	out=$(tmpdir)
	if ! "$GEN" install "$spec" -o "$out" --root "$root" >"$dir/log" 2>&1; then
		not_ok "$target: install"
		cat "$dir/log"
		continue
	fi
	ok "$target: install"
	te=$out/pfsel_forms.te
	# A server on another host: the clients connect, nothing serves.
	check_allowed "$root" postfix_smtpd_t milter_port_t tcp_socket name_connect
	check_allowed "$root" postfix_cleanup_t milter_port_t tcp_socket name_connect
	check_fails "$target: no domain for the remote servers" \
		grep -Eq '^type (remote_policy|remote_rspamd)' "$te"
	check_eq "$target: tcp/10040 labeled milter_port_t" milter_port_t \
		"$(port_type "$root" tcp 10040)"
	check_eq "$target: tcp/11332 labeled milter_port_t" milter_port_t \
		"$(port_type "$root" tcp 11332)"
	# Services of their own.
	for svc in quota_policy:/usr/local/sbin/quota-policyd \
		quota_inet:/usr/local/sbin/quota-inetd; do
		name=${svc%%:*}
		check_eq "$target: $name: program labeled" "${name}_exec_t" \
			"$(fc_type "$root" "${svc#*:}")"
		check_eq "$target: $name: init starts it in ${name}_t" "${name}_t" \
			"$(type_transition "$root" init_t "${name}_exec_t" process)"
	done
	check_allowed "$root" postfix_smtpd_t quota_policy_t unix_stream_socket connectto
	sock_t=$(fc_type "$root" /run/quota-policy/quota.sock)
	check_eq "$target: quota_policy's socket directory has a type of the module" \
		pfsel_forms_quota_policy_socket_t "$sock_t"
	check_allowed "$root" quota_policy_t "$sock_t" sock_file create
	check_allowed "$root" postfix_smtpd_t "$sock_t" sock_file write
	check_denied "$root" quota_policy_t postfix_private_t sock_file create
	check_allowed "$root" quota_inet_t milter_port_t tcp_socket name_bind
	check_eq "$target: tcp/12341 labeled milter_port_t" milter_port_t \
		"$(port_type "$root" tcp 12341)"
	check_denied "$root" quota_inet_t unreserved_port_t tcp_socket name_bind

	err=$("$GEN" emit "$private" -o "$(tmpdir)" --root "$root" 2>&1 >/dev/null)
	check "$target: a service's socket in private/ is refused ($err)" \
		grep -qF "$private:8: [socket spf_policy] socket = unix:/srv/pfq/private/policy-spf: /srv/pfq/private is Postfix's own socket directory (postfix_private_t) and spf_policy_t may not create sockets there" <<<"$err"
	err=$("$GEN" emit "$shell" -o "$(tmpdir)" --root "$root" 2>&1 >/dev/null)
	check "$target: a service's command is label-guarded ($err)" \
		grep -qF "$shell:6: [socket x] command = /usr/bin/bash: bash is a system or Postfix program" <<<"$err"
	scanned=$(tmpdir)/scanned.ini
	"$GEN" scan -c "$conf" -r "$root" -o "$scanned" 2>/dev/null
	check "$target: scan: the remote policy service is an active section" \
		grep -qx 'socket = inet:policy.example.net:10040' "$scanned"
	check "$target: scan: client-only, said so" \
		grep -q 'served on another host (policy.example.net): client-only' "$scanned"
	check_fails "$target: scan: no server for it" grep -q '^server = ' "$scanned"
done
exit $T_FAILED
