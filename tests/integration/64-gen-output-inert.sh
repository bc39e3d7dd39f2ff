#!/bin/bash
# 64-gen-output-inert - main.cf/master.cf text and the user's ROOT cannot
# steer what pfsel-gen prints.
#
# scan quotes main.cf/master.cf lines in its spec comments and its "not
# handled" list: ESC/BEL and invalid UTF-8 there must come out escaped
# (pfsel-gen(1)), never raw on a terminal, and a value so escaped is one
# pfsel-gen emit refuses with file:line.  install prints the
# "pfsel-label apply -r ROOT --changed-since FILE" line to run: with a
# ROOT holding a blank and a quote, sh must read back ROOT and FILE as
# one word each, and running the line must relabel.
source "$PFSEL_TOP/tests/lib/testlib.sh"
PY=/usr/bin/python3


d=$(tmpdir)
cp "$TESTDATA/postfix-configs/debian12-stock/"* "$d/"
printf 'maillog_file = /var/log/ma\033]0;x\007il.log\ntransport_maps = hash:/etc/postfix/tr\033[2J\377\n' >>"$d/main.cf"
printf 'evil\033[2J unix - - n - - pipe\n  flags=R user=nobody argv=/usr/bin/x\n' >>"$d/master.cf"
"$GEN" scan -c "$d" -o "$d/site.ini" 2>"$d/err"
check_eq "scan succeeds" 0 $?
check "scan: the spec holds no control byte" no_controls "$d/site.ini"
# A maillog_file no spec can carry is a not-handled note (test 18), never
# a [log] section; its bytes are escaped there too.
check "scan: the maillog_file note shows ESC and BEL as \\x1b and \\x07" \
	grep -qF '# not handled: main.cf:48: maillog_file = /var/log/ma\x1b]0;x\x07il.log: path contains control byte 0x1b' "$d/site.ini"
check_fails "scan: no [log] section for it" grep -qF '[log]' "$d/site.ini"
check "scan: the not-handled list shows ESC and 0xff escaped" \
	grep -qF '# not handled: main.cf:' "$d/site.ini"
check "scan: ... transport_maps as \\x1b[2J\\xff" \
	grep -qF 'transport_maps = hash:/etc/postfix/tr\x1b[2J\xff' "$d/site.ini"
check "scan: the master.cf service name escaped" \
	grep -qF '# not handled: master.cf:' "$d/site.ini"
check "scan: ... as evil\\x1b[2J" grep -qF 'evil\x1b[2J unix' "$d/site.ini"

# Diagnostics quote the spec: ESC in a refused name stays escaped.
printf '[module]\nname = \033]0;x\007bad\n' >"$d/bad.ini"
"$GEN" emit "$d/bad.ini" -o "$d/out2" 2>"$d/err2"
check "emit's error names the line, ESC and BEL escaped" \
	grep -qF 'bad.ini:2: invalid name "\x1b]0;x\x07bad"' "$d/err2"
check "emit's error holds no control byte" no_controls "$d/err2"

# install: the printed command, with a ROOT sh must quote.
r="$(tmpdir)/r o'ot"
"$PFSEL_TOP/scripts/scratch-root.sh" "$r" >/dev/null || not_ok "scratch root"
mkdir -p "$r/srv/vmail/example.org/u/new"
echo mail >"$r/srv/vmail/example.org/u/new/1"
find "$r/srv" -exec setfattr -h -n security.selinux -v system_u:object_r:var_t:s0 {} +
out=$("$GEN" install "$PFSEL_TOP/examples/vmail/spec.ini" --root "$r" 2>&1)
check_eq "install into the odd ROOT succeeds" 0 $?
cmd=$(sed -n 's/^pfsel-gen: relabel what changed: //p' <<<"$out")
check "install prints the relabel command" test -n "$cmd"
check "the command is valid sh" sh -n -c "$cmd"
words=$(sh -c "set -- $cmd; printf '%s\n' \"\$#\" \"\$4\" \"\$6\"")
check_eq "sh reads back ROOT and FILE as one word each" \
	"$(printf '6\n%s\n%s' "$r" "$r/var/lib/pfsel/postfix_vmail.before/file_contexts")" \
	"$words"
run() { sh -c "LABEL=\"\$1\"; shift; set -- $cmd; shift; \"\$LABEL\" \"\$@\"" _ "$LABEL" >/dev/null 2>&1; }
run
check_eq "running it relabels the mailbox" mail_spool_t \
	"$(getfattr --absolute-names --only-values -h -n security.selinux "$r/srv/vmail/example.org/u/new/1" | tr -d '\0' | cut -d: -f3)"
exit 0
