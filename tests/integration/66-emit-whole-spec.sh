#!/bin/bash
# 66-emit-whole-spec - issue 13 point 1: a section decides about a path
# with the types the spec's other sections give it, not only the target
# policy's.  A moved queue (/srv/pfq) with Dovecot's SASL and LMTP
# sockets in its private/: the sockets keep postfix_private_t (as they
# would in /var/spool/postfix/private) and get only connect rules; no
# line of the module gives private/ another type.  A [daemon] that would
# label a tree inside the moved private/ is refused.  On the host's
# policy and every Red Hat family kit; matchpathcon and sesearch on the
# installed store are the oracles.
source "$PFSEL_TOP/tests/lib/testlib.sh"

dir=$(tmpdir)
spec=$dir/whole.ini
cat >"$spec" <<'EOF'
[module]
name = pfsel_whole

[queue]
directory = /srv/pfq

[socket dovecot_auth]
socket = unix:/srv/pfq/private/auth
server = dovecot_t
clients = smtpd

[socket dovecot_lmtp]
socket = unix:/srv/pfq/private/dovecot-lmtp
server = dovecot_t
clients = lmtp
EOF

# The same queue with a daemon whose runtime tree is the moved private/x.
inside=$dir/inside.ini
cat >"$inside" <<'EOF'
[module]
name = pfsel_inside

[queue]
directory = /srv/pfq

[daemon x]
command = /usr/local/libexec/pfsel-x
runtime = /srv/pfq/private/x
EOF

for target in $(policy_targets); do
	root=$(target_root "$target") || { not_ok "$target: root"; continue; }
	out=$(tmpdir)
	if ! "$GEN" install "$spec" -o "$out" --root "$root" >"$dir/log" 2>&1; then
		not_ok "$target: install"
		cat "$dir/log"
		continue
	fi
	ok "$target: install"
	check_eq "$target: the only .fc line for private/ is the queue's" \
		"\`/srv/pfq'/\`private(/.*)?'" \
		"$(grep -v '^#' "$out/pfsel_whole.fc" | grep private | cut -f1)"
	check_fails "$target: no socket type of the module's own" \
		grep -q '_socket_t' "$out/pfsel_whole.te"
	for p in /private /private/auth /private/dovecot-lmtp /private/smtp \
		/public /public/pickup; do
		check_eq "$target: /srv/pfq$p like /var/spool/postfix$p" \
			"$(fc_type "$root" "/var/spool/postfix$p")" \
			"$(fc_type "$root" "/srv/pfq$p")"
	done
	check_eq "$target: private/ is postfix_private_t" postfix_private_t \
		"$(fc_type "$root" /srv/pfq/private/auth)"
	# Dovecot still creates its sockets there, Postfix still connects.
	check_allowed "$root" dovecot_t postfix_private_t sock_file create
	check_allowed "$root" dovecot_t postfix_private_t dir add_name
	check_allowed "$root" postfix_smtpd_t postfix_private_t sock_file write
	check_allowed "$root" postfix_smtpd_t dovecot_t unix_stream_socket connectto
	lmtp=$(awk '$1 == "lmtp" { print $2 }' "$PFSEL_DATADIR/policy/postfix-daemons.map")
	check_allowed "$root" "$lmtp" postfix_private_t sock_file write
	check_allowed "$root" "$lmtp" dovecot_t unix_stream_socket connectto

	err=$("$GEN" emit "$inside" -o "$(tmpdir)" --root "$root" 2>&1 >/dev/null)
	check_eq "$target: a tree inside the moved private/: exit 2" 2 "$?"
	check "$target: refused, naming postfix_private_t ($err)" \
		grep -qF "$inside:9: [daemon x] runtime = /srv/pfq/private/x: the policy gives /srv/pfq/private/x type postfix_private_t" <<<"$err"
done
exit $T_FAILED
