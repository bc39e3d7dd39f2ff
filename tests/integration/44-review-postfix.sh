#!/bin/bash
# 44-review-postfix - denials of Postfix extensions become pfsel spec
# sections (pfsel-spec(5)) that pfsel-gen accepts: a log moved by
# maillog_file, a virtual(8) mailbox tree, a milter socket, a program
# master(8) runs, a port smtpd listens on.  The premises (what the
# policy labels and allows) are checked against sesearch/seinfo/
# matchpathcon first, so a policy change shows up as such.
source "$PFSEL_TOP/tests/lib/testlib.sh"
POLICY=$(host_policy)
LOG=$TESTDATA/audit/postfix-extensions.log
PY=/usr/bin/python3

# Premises.
check "premise: tcp/2525 has no port label" \
	sh -c "! seinfo '$POLICY' --portcon 2>/dev/null | grep -qw 2525"
check "premise: /srv/vmail is var_t" \
	sh -c "matchpathcon -n /srv/vmail/example.org | grep -q ':var_t:'"
check "premise: smtpd may connect to dkim_milter_t" \
	sh -c "sesearch -A -s postfix_smtpd_t -t dkim_milter_t -c unix_stream_socket -p connectto '$POLICY' | grep -q allow"

"$LABEL" review --spec -p "$POLICY" "$LOG" >"$T_TMP/spec.out"
"$LABEL" review --json -p "$POLICY" "$LOG" >"$T_TMP/r.json"
fix() { # source target class
	$PY -c '
import json, sys
for g in json.load(open(sys.argv[1]))["groups"]:
    if (g["source"], g["target"], g["class"]) == tuple(sys.argv[2:5]):
        print(g["fix"])' "$T_TMP/r.json" "$@"
}
has() { # description section-line key-line
	check "$1" $PY -c '
import sys
text = open(sys.argv[1]).read()
i = text.find(sys.argv[2] + "\n")
sys.exit(0 if i >= 0 and (sys.argv[3] + "\n") in text[i:].split("\n\n")[0] + "\n" else 1)' \
		"$T_TMP/spec.out" "$2" "$3"
}

check_eq "maillog: fix is a spec entry" spec "$(fix postfix_master_t var_log_t dir)"
has "maillog: [log] maillog_file from the PATH CREATE record" \
	"[log]" "maillog_file = /var/log/postfix/mail.log"
check_eq "virtual: fix is a spec entry" spec "$(fix postfix_virtual_t var_t dir)"
has "virtual: [virtual] mailbox_base = /srv/vmail" "[virtual]" "mailbox_base = /srv/vmail"
check_eq "port: fix is a spec entry" spec "$(fix postfix_master_t unreserved_port_t tcp_socket)"
has "port: [port smtpd_2525] port = tcp/2525" "[port smtpd_2525]" "port = tcp/2525"
has "port: type = smtp_port_t" "[port smtpd_2525]" "type = smtp_port_t"
check_eq "daemon: fix is a spec entry" spec "$(fix postfix_master_t var_lib_t dir)"
has "daemon: [daemon mylogd] command from the SYSCALL exe" \
	"[daemon mylogd]" "command = /usr/libexec/postfix/mylogd"
check_eq "milter: fix is a spec entry" spec "$(fix postfix_cleanup_t var_run_t sock_file)"
has "milter: [milter rspamd] socket" "[milter rspamd]" "socket = unix:/run/rspamd/rspamd.sock"
has "milter: clients = cleanup" "[milter rspamd]" "clients = cleanup"
check_eq "dkim connectto the policy allows: no fix" none \
	"$(fix postfix_smtpd_t dkim_milter_t unix_stream_socket)"

# pfsel-gen accepts the sections (after the one value only the admin
# knows is filled in).
{
	printf '[module]\nname = postfix_site\n\n'
	sed 's|^; FILL IN: .*|command = /usr/bin/rspamd|' "$T_TMP/spec.out"
} >"$T_TMP/site.ini"
check "pfsel-gen emit accepts the --spec output" \
	"$GEN" emit "$T_TMP/site.ini" -o "$T_TMP/gen"
check "pfsel-gen wrote the module" test -s "$T_TMP/gen/postfix_site.te"

# Fixed another way: no allow rule for any of them.
"$LABEL" review --te site_rest -p "$POLICY" "$LOG" >"$T_TMP/rest.te"
check_eq "--te has no rule for spec-fixed denials" 0 \
	"$(grep -c '^allow' "$T_TMP/rest.te")"
exit 0
