#!/bin/bash
# Bad specs: each gives "spec.ini:LINE: what is wrong", exit status 2 and
# no output file at all.  One good spec with regex metacharacters shows
# they are escaped in the .fc, not passed through.
source "$PFSEL_TOP/tests/lib/testlib.sh"

# bad_spec NAME EXPECTED-MESSAGE (spec text on stdin)
bad_spec() {
	local name=$1 expect=$2 dir out err rc
	dir=$(tmpdir)
	cat >"$dir/spec.ini"
	out="$dir/out"
	mkdir "$out"
	err=$("$GEN" emit "$dir/spec.ini" -o "$out" 2>&1 >/dev/null)
	rc=$?
	check_eq "$name: exit status 2" 2 "$rc"
	if [[ "$err" == *"$dir/spec.ini:$expect"* ]]; then
		ok "$name: says \"$expect\""
	else
		not_ok "$name: says \"$expect\""
		echo "  got: $err"
	fi
	check_eq "$name: no output files" "" "$(ls -A "$out")"
}

bad_spec "unknown section" '3: unknown section [bogus]' <<'X'
[module]
name = m
[bogus]
X
bad_spec "unknown key" '4: unknown key "owner" in [virtual]' <<'X'
[module]
name = m
[virtual]
owner = vmail
X
bad_spec "relative path" '4: path "srv/vmail" is not absolute' <<'X'
[module]
name = m
[virtual]
mailbox_base = srv/vmail
X
bad_spec "path broken by a newline" '5: syntax error' <<'X'
[module]
name = m
[virtual]
mailbox_base = /srv/vm
ail
X
printf '[module]\nname = m\n[virtual]\nmailbox_base = /srv/vm\rail\n' |
	bad_spec "path with a carriage return" '4: path contains control byte 0x0d'
bad_spec "path with a quote" "4: path /srv/vm'ail contains '''" <<'X'
[module]
name = m
[virtual]
mailbox_base = /srv/vm'ail
X
bad_spec "path with a backtick" '4: path /srv/vm`ail contains '"'\`'" <<'X'
[module]
name = m
[virtual]
mailbox_base = /srv/vm`ail
X
bad_spec "path with a double quote" '4: path /srv/vm"ail contains '"'\"'" <<'X'
[module]
name = m
[virtual]
mailbox_base = /srv/vm"ail
X
bad_spec "path with a dot-dot component" '4: path /srv/../etc has an empty, "." or ".." component' <<'X'
[module]
name = m
[virtual]
mailbox_base = /srv/../etc
X
bad_spec "invalid identifier" '3: invalid name "My-Daemon"' <<'X'
[module]
name = m
[daemon My-Daemon]
command = /usr/libexec/postfix/x
X
bad_spec "invalid module name" '2: invalid name "9lives"' <<'X'
[module]
name = 9lives
X
bad_spec "duplicate name" '5: duplicate name "helper"' <<'X'
[module]
name = m
[daemon helper]
command = /usr/libexec/postfix/helper
[daemon helper]
command = /usr/libexec/postfix/helper2
X
bad_spec "duplicate key" '5: duplicate key (first set on line 4)' <<'X'
[module]
name = m
[virtual]
mailbox_base = /srv/vmail
mailbox_base = /srv/vmail2
X
bad_spec "port out of range" '4: port in "tcp/70000" is not a number from 1 to 65535' <<'X'
[module]
name = m
[port big]
port = tcp/70000
type = smtp_port_t
X
bad_spec "two ports colliding" '8: tcp/2500-2600 collides with the port of line 4' <<'X'
[module]
name = m
[port a]
port = tcp/2525
type = smtp_port_t
[port b]
type = http_port_t
port = tcp/2500-2600
X
bad_spec "missing module" '1: the spec needs a [module] section' <<'X'
[virtual]
mailbox_base = /srv/vmail
X
bad_spec "missing required key" '3: [daemon helper] needs command =' <<'X'
[module]
name = m
[daemon helper]
log = /var/log/helper
X
bad_spec "server type unknown to the policy" '5: server domain nosuch_milter_t does not exist in the policy' <<'X'
[module]
name = m
[milter x]
socket = unix:/run/x/x.sock
server = nosuch_milter_t
X
bad_spec "unknown client" '6: clients: "frobd" is neither a Postfix daemon' <<'X'
[module]
name = m
[milter x]
socket = unix:/run/opendkim/x.sock
server = dkim_milter_t
clients = smtpd frobd
X
bad_spec "stock daemon name" '3: [daemon smtpd] is a stock Postfix daemon' <<'X'
[module]
name = m
[daemon smtpd]
command = /usr/libexec/postfix/smtpd2
X
# Every daemon scan calls stock is one (policy/postfix-daemons.map).
bad_spec "stock daemon verify" '3: [daemon verify] is a stock Postfix daemon' <<'X'
[module]
name = m
[daemon verify]
command = /usr/libexec/postfix/verify2
X
bad_spec "connect to an undefined socket" '5: connect: no [milter nosuch]' <<'X'
[module]
name = m
[daemon helper]
command = /usr/libexec/postfix/helper
connect = nosuch
X
printf '[module]\nname = m\n[virtual]\nmailbox_base = /srv/%05000d\n' 0 |
	bad_spec "overlong line" '4: line too long'
printf '[module]\nname = m\n[virtual]\nmailbox_base = /srv/a\0b\n' |
	bad_spec "NUL byte" '4: NUL byte in spec'
printf '[module]\nname = m\n[virtual]\nmailbox_base = /srv/caf\xc3\xa9\n' |
	bad_spec "non-ASCII path" '4: path /srv/caf'

# Regex metacharacters a path may hold (. +) are escaped in the .fc, and
# the module builds; the others are refused like m4's (see 16-inject-m4).
bad_spec "path with regex brackets" "4: path /srv/v[x]mail contains '['" <<'X'
[module]
name = m
[virtual]
mailbox_base = /srv/v[x]mail
X
dir=$(tmpdir)
cat >"$dir/spec.ini" <<'X'
[module]
name = pfsel_meta
[virtual]
mailbox_base = /srv/v.mail+x
X
check "metacharacters: spec accepted" "$GEN" build "$dir/spec.ini" -o "$dir/out" --root "${PFSEL_TEST_ROOT:-/}"
check "metacharacters: each escaped in the .fc" \
	grep -qF '`/srv/v\.mail\+x'"'"'(/.*)?' "$dir/out/pfsel_meta.fc"
semodule_unpackage "$dir/out/pfsel_meta.pp" "$dir/m.mod" "$dir/m.fc"
matched=$(matchpathcon -f "$dir/m.fc" '/srv/v.mail+x/u/new' 2>/dev/null | awk '{print $2}')
check_eq "metacharacters: the literal path matches" \
	"system_u:object_r:mail_spool_t:s0" "$matched"
other=$(matchpathcon -f "$dir/m.fc" '/srv/vXmail+x/u' 2>&1 | awk '{print $2}')
check_eq "metacharacters: a path differing at the dot does not" "<<none>>" "$other"
other=$(matchpathcon -f "$dir/m.fc" '/srv/v.mailx/u' 2>&1 | awk '{print $2}')
check_eq "metacharacters: the plus is literal" "<<none>>" "$other"
exit $T_FAILED
