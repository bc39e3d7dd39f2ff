#!/bin/bash
# 65-scan-real-hosts - "pfsel-gen scan" on the shapes real mail hosts
# take (issue 13): each case writes a small main.cf/master.cf pair and
# asserts what scan says about it, with postconf(1) as the oracle for
# how Postfix reads the pair.
source "$PFSEL_TOP/tests/lib/testlib.sh"

command -v postconf >/dev/null || { not_ok "postconf is installed"; exit 1; }

SVC='smtp inet n - y - - smtpd\n'

# pair MAIN MASTER: a configuration directory holding them.
pair() {
	local d
	d=$(tmpdir)
	printf '%b' "$1" >"$d/main.cf"
	printf '%b' "$2" >"$d/master.cf"
	echo "$d"
}

# scan_fails NAME DIR WANT: exit 2, the error matches WANT, no spec.
scan_fails() {
	local err rc
	err=$("$GEN" scan -c "$2" -o "$2/out.spec" 2>&1 >/dev/null)
	rc=$?
	check_eq "$1: exit status 2" 2 "$rc"
	check "$1: error says $3 ($err)" \
		grep -Eq "^pfsel-gen: error: $3" <<<"$err"
	check_fails "$1: no spec written" test -e "$2/out.spec"
}

# --- point 9: input scan used to read silently -------------------------
d=$(pair 'myhostname = x.example\nsmtpd_milters = {\n  inet:localhost:8891\n' \
	"$SVC")
check "unclosed { in main.cf: postconf warns about it" \
	grep -q "missing '}'" <(postconf -c "$d" -n 2>&1 >/dev/null)
scan_fails "unclosed { in main.cf" "$d" \
	"$d/main\\.cf:2: smtpd_milters: missing '\\}'"

d=$(pair 'myhostname = x.example\n' \
	"${SVC}  -o smtpd_milters=inet:a:1 inet:b:2\n")
# postconf keeps the second word as an argument of smtpd, not of -o.
check_eq "-o a b: postconf -P sets only the first word" \
	"smtp/inet/smtpd_milters = inet:a:1" "$(postconf -c "$d" -P)"
check "-o a b: postconf -F keeps b in the command" \
	grep -q '^smtp/inet/command = smtpd -o smtpd_milters=inet:a:1 inet:b:2$' \
	<(postconf -c "$d" -F)
scan_fails "-o a b" "$d" \
	"$d/master\\.cf:1: \"inet:b:2\" after \"-o smtpd_milters=inet:a:1\" is not part of it"
d=$(pair 'myhostname = x.example\n' \
	"${SVC}  -o { smtpd_milters = inet:a:1 inet:b:2 }\n")
check "-o { a b } is one override and scans" \
	"$GEN" scan -c "$d" -o "$d/out.spec"

# --- point 5: long lines -----------------------------------------------
# An active value is never cut; a comment is cut between words and says
# so with " [...]".  The pipe(8) note is tried at every length around the
# cut, so that each word of it comes to lie across the limit once.
long=$(printf 'd%.0s' $(seq 1 200))
d=$(pair "myhostname = x.example\nsmtpd_milters = \
unix:/run/opendkim/$long.sock inet:localhost:10001 inet:localhost:10002\n" \
	"$SVC")
"$GEN" scan -c "$d" -o "$d/out.spec"
check "a 230-byte socket path stays whole in its active value" \
	grep -qx "socket = unix:/var/spool/postfix/run/opendkim/$long.sock" \
	"$d/out.spec"
check_eq "comment lines stay within 190 bytes" "" \
	"$(grep '^#' "$d/out.spec" | awk 'length($0) > 190')"
bad_cuts=
for n in $(seq 90 3 150); do
	prog=/usr/local/lib/$(printf 'p%.0s' $(seq 1 "$n"))/filter
	d=$(pair 'myhostname = x.example\n' \
		"${SVC}f unix - n n - - pipe flags=R user=nobody argv=$prog\n")
	note=$("$GEN" scan -c "$d" | grep '^# not handled: .*pipe(8) runs')
	[ "${note% \[...\]}" != "$note" ] || { bad_cuts+=" $n:unmarked"; continue; }
	last=${note% \[...\]}
	last=${last##* }
	case $last in
	runs | "$prog" | as | nobody | "(labelled" | *_t\) | inside | \
		postfix_pipe_t\; | the | spec | has | no | section | for | \
		"pipe(8)" | programs) ;;
	*) bad_cuts+=" $n:$last" ;;
	esac
done
check_eq "not-handled reasons end between words, marked [...]" "" "$bad_cuts"

# --- point 4: a server guessed by port must speak the protocol ----------
# postgrey's port (postgrey_port_t) reached by lmtp(8): postgrey answers
# policy requests, so no active "server = postgrey_t".
port_t=$(port_type / tcp 10023)
check_eq "the policy types tcp/10023 postgrey_port_t" postgrey_port_t "$port_t"
lmtp_master="${SVC}lmtp unix - - y - - lmtp\n"
d=$(pair 'myhostname = x.example\ncontent_filter = lmtp:[127.0.0.1]:10023\n' \
	"$lmtp_master")
"$GEN" scan -c "$d" -o "$d/out.spec"
check_fails "LMTP to tcp/10023 ($port_t): no active server = postgrey_t" \
	grep -qx 'server = postgrey_t' "$d/out.spec"
check "LMTP to tcp/10023: the section is commented out, saying why" \
	grep -q '^# unknown server: .*does not list postgrey_t as serving lmtp' \
	"$d/out.spec"
check "LMTP to tcp/10023: no active section at all" \
	test "$(grep -c '^\[' "$d/out.spec")" = 1
d=$(pair 'myhostname = x.example\ncontent_filter = lmtp:[127.0.0.1]:10023
smtpd_recipient_restrictions = check_policy_service inet:127.0.0.1:10023\n' \
	"$lmtp_master")
"$GEN" scan -c "$d" -o "$d/out.spec"
check "policy service on tcp/10023 is still postgrey_t" \
	grep -qx 'server = postgrey_t' "$d/out.spec"
check_eq "lmtp does not join postgrey's clients" "clients = smtpd" \
	"$(grep '^clients = ' "$d/out.spec")"
check "the LMTP use is a not-handled note" \
	grep -q '^# not handled: main.cf:2: content_filter = .*lmtp(8) speaks lmtp' \
	"$d/out.spec"

# --- point 8: a content filter back into this host's own smtpd ----------
d=$(pair 'myhostname = x.example\ncontent_filter = scan:[127.0.0.1]:10030\n' \
	"${SVC}scan unix - - n - 10 smtp
127.0.0.1:10030 inet n - n - - smtpd\n  -o content_filter=\n")
"$GEN" scan -c "$d" -o "$d/out.spec"
check_fails "reinjection smtpd: no [socket] section, active or not" \
	grep -q '^\(# \)\?\[socket' "$d/out.spec"
check "reinjection smtpd: named as Postfix's own listener" \
	grep -q "^# main.cf:2: content_filter = .*tcp/10030 is master.cf service \"127.0.0.1:10030\" (line 3), Postfix's own smtpd" \
	"$d/out.spec"
check_fails "reinjection smtpd: not an unknown server" \
	grep -q 'unknown server' "$d/out.spec"

# --- point 3: what no section describes is listed, never dropped --------
# Oracles: matchpathcon gives the certificate's type, sesearch says
# whether postfix_smtpd_t may read it.
home_t=$(fc_type / /home/alice/ssl/mail.pem)
cert_t=$(fc_type / /etc/ssl/certs/ssl-cert-snakeoil.pem)
home_read=$(sesearch -A -s postfix_smtpd_t -t "$home_t" -c file -p read \
	"$(policy_of /)" 2>/dev/null)
check_eq "the policy gives postfix_smtpd_t no read of $home_t" "" "$home_read"
check "the policy lets postfix_smtpd_t read $cert_t" \
	test -n "$(sesearch -A -s postfix_smtpd_t -t "$cert_t" -c file -p read \
		"$(policy_of /)" 2>/dev/null)"
d=$(pair 'myhostname = x.example
virtual_alias_maps = socketmap:inet:127.0.0.1:9999:virtual, proxy:pgsql:/etc/postfix/pg.cf
virtual_mailbox_maps = tcp:127.0.0.1:2527
relay_recipient_maps = proxy:ldap:/etc/postfix/ldap.cf
local_recipient_maps = proxy:unix:passwd.byname hash:/etc/postfix/local
smtpd_tls_cert_file = /home/alice/ssl/mail.pem
smtpd_tls_key_file = /etc/ssl/certs/ssl-cert-snakeoil.pem
smtpd_proxy_filter = 127.0.0.1:10040\n' \
	"${SVC}submission inet n - y - - smtpd
  -o smtpd_tls_chain_files=/home/alice/ssl/key.pem,/home/alice/ssl/mail.pem
  -o smtpd_proxy_filter=127.0.0.1:10041
  -o smtpd_sender_login_maps=mysql:/etc/postfix/login.cf\n")
"$GEN" scan -c "$d" -o "$d/out.spec"
notes=$(grep '^# not handled: ' "$d/out.spec")
for want in \
	'main.cf:2: virtual_alias_maps: table socketmap:inet:127.0.0.1:9999:virtual queries a socketmap server' \
	'main.cf:2: virtual_alias_maps: table proxy:pgsql:/etc/postfix/pg.cf queries a pgsql server' \
	'main.cf:3: virtual_mailbox_maps: table tcp:127.0.0.1:2527 queries a tcp server' \
	'main.cf:4: relay_recipient_maps: table proxy:ldap:/etc/postfix/ldap.cf queries a ldap server' \
	"main.cf:6: smtpd_tls_cert_file: /home/alice/ssl/mail.pem is $home_t, which smtpd (postfix_smtpd_t) may not read" \
	'main.cf:8: smtpd_proxy_filter = 127.0.0.1:10040: smtpd(8) hands each message to a before-queue filter' \
	"master.cf:2: submission -o smtpd_tls_chain_files: /home/alice/ssl/key.pem is $home_t" \
	'master.cf:2: submission -o smtpd_proxy_filter=127.0.0.1:10041: smtpd(8) hands' \
	'master.cf:2: submission -o smtpd_sender_login_maps: table mysql:/etc/postfix/login.cf queries a mysql server'; do
	check "listed: $want" grep -qF "# not handled: $want" <<<"$notes"
done
check_fails "a table of files through proxy: needs no note" \
	grep -q 'passwd.byname\|hash:/etc/postfix/local' <<<"$notes"
check_fails "a certificate the policy lets smtpd read needs no note" \
	grep -q 'snakeoil' <<<"$notes"

exit $T_FAILED
