#!/bin/bash
# What a spec may label or name (issue 11, points 3 and 4).  Every path a
# section labels is looked up in the target policy before anything is
# written: system and Postfix paths, protected types (shadow, keys,
# entrypoints) and unconfined or non-domain servers are refused at emit
# with file:line; another specific type needs replaces =; the section's
# own server's types are no conflict.  [log] labels the file and its
# rotations only, never a file that merely starts with the same name.
source "$PFSEL_TOP/tests/lib/testlib.sh"
ROOT=${PFSEL_TEST_ROOT:-/}

# refused NAME EXPECTED [ROOT] (spec body after [module] on stdin)
refused() {
	local name=$1 expect=$2 root=${3:-$ROOT} dir err rc
	dir=$(tmpdir)
	{ printf '[module]\nname = pfsel_guard\n'; cat; } >"$dir/spec.ini"
	mkdir "$dir/out"
	err=$("$GEN" emit "$dir/spec.ini" -o "$dir/out" --root "$root" 2>&1 >/dev/null)
	rc=$?
	check_eq "$name: exit status 2" 2 "$rc"
	if [[ "$err" == *"$dir/spec.ini:$expect"* ]]; then
		ok "$name: says spec.ini:$expect"
	else
		not_ok "$name: says spec.ini:$expect"
		echo "  got: $err"
	fi
	check_eq "$name: nothing written" "" "$(ls -A "$dir/out")"
}

emit_quietly() { "$GEN" emit "$@" >/dev/null; }

# accepted NAME [ROOT] (spec body on stdin)
accepted() {
	local name=$1 root=${2:-$ROOT} dir
	dir=$(tmpdir)
	{ printf '[module]\nname = pfsel_guard\n'; cat; } >"$dir/spec.ini"
	check "$name: emitted" emit_quietly "$dir/spec.ini" -o "$dir/out" --root "$root"
}

D='[daemon helper]
command = /usr/libexec/postfix/helper'

refused "reads = /etc/shadow" "5: [daemon helper] reads = /etc/shadow: the policy gives /etc/shadow type shadow_t" <<X
$D
reads = /etc/shadow
X
refused "replaces cannot lift shadow_t" "5: [daemon helper] reads = /etc/shadow: the policy gives /etc/shadow type shadow_t" <<X
$D
reads = /etc/shadow
replaces = shadow_t
X
refused "keys = /etc/ssh (host keys inside)" "5: [milter dkim] keys = /etc/ssh: the policy gives /etc/ssh/ssh_host" <<'X'
[milter dkim]
server = dkim_milter_t
keys = /etc/ssh
socket = unix:/run/opendkim/opendkim.sock
X
refused "reads = /etc/ssl/private" "5: [daemon helper] reads = /etc/ssl/private: the policy gives /etc/ssl/private type tls_privkey_t" <<X
$D
reads = /etc/ssl/private
X
refused "command = /usr/sbin/sshd" "4: [daemon sshd] command = /usr/sbin/sshd: the policy gives /usr/sbin/sshd type sshd_exec_t" <<'X'
[daemon sshd]
command = /usr/sbin/sshd
X
for master in /usr/lib/postfix/sbin/master /usr/libexec/postfix/master; do
	refused "command = Postfix's $master" "4: [daemon mymaster] command = $master: a system or Postfix path" <<X
[daemon mymaster]
command = $master
X
done
# Postfix's other programs and the interpreters every domain runs, by
# file name wherever they lie (their type may be generic bin_t or
# postfix_exec_t, which replaces = is not needed for).
for prog in /usr/lib/postfix/sbin/postscreen /usr/sbin/postconf \
	/usr/bin/python3 /usr/local/bin/python3.11 /opt/x/bin/bash; do
	refused "command = $prog" "4: [daemon prog] command = $prog: ${prog##*/} is a system or Postfix program" <<X
[daemon prog]
command = $prog
X
done
refused "[milter] command = /usr/bin/perl" "6: [milter m] command = /usr/bin/perl: perl is a system or Postfix program" <<'X'
[milter m]
socket = unix:/run/m/m.sock
clients = smtpd
command = /usr/bin/perl
X
refused "milter socket directly in the queue" "5: [milter m] socket directory = /var/spool/postfix: a system or Postfix path" <<'X'
[milter m]
command = /usr/bin/mymilter
socket = unix:/var/spool/postfix/m.sock
X
refused "milter socket in the queue's private/" "5: [milter m] socket = unix:/var/spool/postfix/private/m.sock: /var/spool/postfix/private is Postfix's own socket directory (postfix_private_t) and m_milter_t may not create sockets there" <<'X'
[milter m]
command = /usr/bin/mymilter
socket = unix:/var/spool/postfix/private/m.sock
X
refused "mailbox_base = /var/spool/postfix" "4: [virtual] mailbox_base = /var/spool/postfix: a system or Postfix path" <<'X'
[virtual]
mailbox_base = /var/spool/postfix
X
refused "maillog_file = /var/log" "4: [log] maillog_file = /var/log: a system or Postfix path" <<'X'
[log]
maillog_file = /var/log
X
refused "data = /var/lib (holds /var/lib/postfix)" "5: [daemon helper] data = /var/lib: a system or Postfix path" <<X
$D
data = /var/lib
X
refused "data = /srv (top-level)" "5: [daemon helper] data = /srv: a system or Postfix path" <<X
$D
data = /srv
X
refused "server = shadow_t" "5: server = shadow_t is not a domain" <<'X'
[socket s]
socket = unix:/run/s/s.sock
server = shadow_t
X
refused "server = unconfined_t" "5: server = unconfined_t is an unconfined domain" <<'X'
[socket s]
socket = unix:/run/s/s.sock
server = unconfined_t
X
refused "server = initrc_t" "5: server = initrc_t is an unconfined domain" <<'X'
[socket s]
socket = unix:/run/s/s.sock
server = initrc_t
X
refused "port type = shadow_t, at emit" "4: port type shadow_t is not a port type" <<'X'
[port p]
port = tcp/2526
type = shadow_t
X
refused "specific type without replaces" "5: [daemon helper] data = /var/lib/mysql: the policy already gives /var/lib/mysql type mysqld_db_t; the section takes it over only with \"replaces = mysqld_db_t\"" <<X
$D
data = /var/lib/mysql
X
accepted "specific types with replaces" <<X
$D
data = /var/lib/mysql
replaces = mysqld_db_t mysqld_runtime_t
X
accepted "keys already the server's key type (policy/milters.map)" <<'X'
[milter dkim]
server = dkim_milter_t
keys = /etc/dkimkeys
socket = unix:/run/opendkim/opendkim.sock
X
accepted "keys in the server's data type (policy/milters.map)" <<'X'
[milter dkim]
server = dkim_milter_t
keys = /run/opendkim/keys
socket = unix:/run/opendkim/opendkim.sock
X
accepted "a chrooted milter socket: a new directory in the queue" <<'X'
[milter dkim]
server = dkim_milter_t
socket = unix:/var/spool/postfix/opendkim/opendkim.sock
X

# --root: the target's own file contexts decide.  A scratch root whose
# administrator gave /srv/special shadow_t refuses what / accepts.
r=$(scratch_root)
printf '/srv/special(/.*)?\tsystem_u:object_r:shadow_t:s0\n' \
	>>"$(fc_of "$r").local"
V='[virtual]
mailbox_base = /srv/special'
accepted "/srv/special on the host's policy" / <<<"$V"
refused "/srv/special where --root makes it shadow_t" "4: [virtual] mailbox_base = /srv/special: the policy gives /srv/special type shadow_t" "$r" <<<"$V"

# install gets the guard too, before the store changes.
dir=$(tmpdir)
printf '[module]\nname = pfsel_guard\n[daemon helper]\ncommand = /usr/libexec/postfix/helper\nreads = /etc/shadow\n' >"$dir/spec.ini"
before=$(semodule -p "$r" -l | md5sum)
"$GEN" install "$dir/spec.ini" -o "$dir/out" --root "$r" >/dev/null 2>&1
check_eq "install of a refused spec: exit status 2" 2 "$?"
check_eq "install of a refused spec: the store is unchanged" "$before" \
	"$(semodule -p "$r" -l | md5sum)"
check_fails "install of a refused spec: no manifest" \
	test -e "$r/var/lib/pfsel/pfsel_guard.manifest"

# [log] maillog_file = /var/log/a: a, a.1, a.2.gz, a-DATE(.gz) are the
# module's; auth.log, which only starts with "a", keeps its type.
r=$(scratch_root)
dir=$(tmpdir)
printf '[module]\nname = pfsel_alog\n[log]\nmaillog_file = /var/log/a\n' >"$dir/spec.ini"
check "maillog /var/log/a: installed" "$GEN" install "$dir/spec.ini" -o "$dir/out" --root "$r"
for f in a a.1 a.2.gz a-20261203 a-20261203.gz a.3.xz; do
	check_eq "maillog /var/log/a: $f is the module's" pfsel_alog_maillog_t \
		"$(fc_type "$r" "/var/log/$f" file)"
done
for f in auth.log a.log ab a.old; do
	check_eq "maillog /var/log/a: $f keeps var_log_t" var_log_t \
		"$(fc_type "$r" "/var/log/$f" file)"
done
exit $T_FAILED
