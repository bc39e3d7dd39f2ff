#!/bin/bash
# 67-port-needed - issue 13 point 2: a [port] section only where the
# master cannot bind the port's current type.  An amavis reinjection
# listener (127.0.0.1:10025 smtpd) is amavisd_send_port_t, which
# postfix_master_t may bind: scan writes no section for it, emit refuses
# one that retypes it (override or not), and after installing what scan
# wrote amavis_t may still connect to it.  A port the master cannot bind
# (2525 where the policy leaves it generic and the master may not bind
# that) still gets its section.  sesearch on each target's policy is the
# oracle for what the master may bind.  On the host's policy and every
# Red Hat family kit.
source "$PFSEL_TOP/tests/lib/testlib.sh"

conf=$(tmpdir)
cat >"$conf/main.cf" <<'EOF'
myhostname = mx.example.org
content_filter = smtp-amavis:[127.0.0.1]:10024
EOF
cat >"$conf/master.cf" <<'EOF'
smtp      inet  n       -       y       -       -       smtpd
2525      inet  n       -       y       -       -       smtpd
smtp-amavis unix -      -       n       -       2       smtp
127.0.0.1:10025 inet n  -       n       -       -       smtpd
  -o content_filter=
EOF
retype=$(tmpdir)/retype.ini
cat >"$retype" <<'EOF'
[module]
name = pfsel_retype

[port reinject]
port = tcp/10025
type = smtp_port_t
override = yes
EOF

for target in $(policy_targets); do
	root=$(target_root "$target") || { not_ok "$target: root"; continue; }
	t10025=$(port_type "$root" tcp 10025)
	check_eq "$target: control: 10025 is amavisd_send_port_t" \
		amavisd_send_port_t "$t10025"
	check_allowed "$root" postfix_master_t amavisd_send_port_t tcp_socket name_bind
	spec=$(tmpdir)/scanned.ini
	if ! "$GEN" scan -c "$conf" -r "$root" -n pfsel_scanned -o "$spec" 2>"$T_TMP/err"; then
		not_ok "$target: scan"
		cat "$T_TMP/err"
		continue
	fi
	check_fails "$target: scan writes no [port] for 10025" \
		grep -Eq '^(# )?port = tcp/10025$' "$spec"
	check "$target: scan says why" \
		grep -q "tcp/10025 is amavisd_send_port_t, which postfix_master_t may already bind" "$spec"
	t2525=$(port_type "$root" tcp 2525)
	if allowed "$root" postfix_master_t "$t2525" tcp_socket name_bind; then
		check_fails "$target: the master binds $t2525: no [port] for 2525" \
			grep -q '^port = tcp/2525$' "$spec"
	else
		check "$target: the master cannot bind $t2525: [port] for 2525" \
			grep -q '^port = tcp/2525$' "$spec"
	fi

	err=$("$GEN" emit "$retype" -o "$(tmpdir)" --root "$root" 2>&1 >/dev/null)
	check_eq "$target: retyping 10025: exit 2" 2 "$?"
	check "$target: retyping 10025: refused at its line ($err)" \
		grep -qF "$retype:5: [port reinject] tcp/10025: the policy types it amavisd_send_port_t, which postfix_master_t may already bind" <<<"$err"

	if ! "$GEN" install "$spec" -o "$(tmpdir)" --root "$root" >"$T_TMP/log" 2>&1; then
		not_ok "$target: install the scanned spec"
		cat "$T_TMP/log"
		continue
	fi
	ok "$target: install the scanned spec"
	check_eq "$target: after install 10025 is still amavisd_send_port_t" \
		amavisd_send_port_t "$(port_type "$root" tcp 10025)"
	check_allowed "$root" amavis_t amavisd_send_port_t tcp_socket name_connect
	check_allowed "$root" postfix_master_t "$(port_type "$root" tcp 2525)" \
		tcp_socket name_bind
done

for ex in full ports; do
	check_fails "examples/$ex does not retype 10025" \
		grep -q '^port = tcp/10025' "$PFSEL_TOP/examples/$ex/spec.ini"
done
exit $T_FAILED
