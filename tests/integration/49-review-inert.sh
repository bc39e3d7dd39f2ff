#!/bin/bash
# 49-review-inert - audit-log fields cannot steer what review prints.
#
# A crafted log (hex-encoded fields, as the kernel writes names with
# odd bytes) carries paths and commands that decode to newlines and
# spec section headers, ESC/BEL terminal controls, invalid UTF-8 and
# shell quotes.  --spec must hold only sections built from valid values
# (pfsel-gen emit accepts them) and FILL IN comments; the text report
# must hold no control byte; fix commands must give the shell exactly
# the path as one word (or be no command at all); JSON must be valid
# UTF-8; --te must hold only policy statements and comments.
source "$PFSEL_TOP/tests/lib/testlib.sh"
POLICY=$(host_policy)
PY=/usr/bin/python3
cd "$T_TMP" || exit 1

quote_path="/etc/postfix/x';touch PWNED;'"
nl_path=$'/etc/postfix/a\nb'
$PY - "$quote_path" "$nl_path" >attack.log <<'PY'
import os, sys
def hx(s):
    return (s if isinstance(s, bytes) else s.encode()).hex().upper()
quote_path, nl_path = sys.argv[1], sys.argv[2]
inject = "/var/log/x\n[daemon evil]\ncommand = /bin/sh\n[log]\nmaillog_file = /var/log/y"
esc_comm = b"sm\x1b]0;owned\x07tpd\x1b[2J\xff"
n = 0
def ev(avc, syscall=None, paths=(), cwd=None):
    global n
    n += 1
    h = "msg=audit(1700000%03d.100:%d):" % (n, 600 + n)
    out = ["type=AVC %s avc:  denied  %s permissive=0" % (h, avc)]
    if syscall:
        out.append("type=SYSCALL %s arch=c000003e syscall=257 success=no exit=-13 items=%d ppid=1 pid=9%02d %s key=(null)" % (h, len(paths), n, syscall))
    if cwd:
        out.append('type=CWD %s cwd="%s"' % (h, cwd))
    for i, (name, extra) in enumerate(paths):
        out.append("type=PATH %s item=%d name=%s %s" % (h, i, name, extra))
    print("\n".join(out))
M = "scontext=system_u:system_r:postfix_master_t:s0"
# [log]: the file master creates, from the PATH CREATE record.
ev('{ write } for  pid=900 comm="postlogd" name="log" dev="vda1" ino=1 %s tcontext=system_u:object_r:var_log_t:s0 tclass=dir' % M,
   'comm="postlogd" exe="/usr/lib/postfix/sbin/postlogd" subj=system_u:system_r:postfix_master_t:s0',
   [('"/var/log/"', "nametype=PARENT"), (hx(inject), "nametype=CREATE")])
# [daemon]: a program master runs, its exe decoding to a section.
ev('{ add_name } for  pid=901 comm="x" name="state" %s tcontext=system_u:object_r:var_lib_t:s0 tclass=dir' % M,
   'comm="x" exe=%s subj=system_u:system_r:postfix_master_t:s0' % hx("/usr/libexec/x\n[milter m]\nsocket = unix:/run/m"))
# [virtual]: a mailbox base with ESC in it.
ev('{ write } for  pid=902 comm="virtual" name="d" %s tcontext=system_u:object_r:var_t:s0 tclass=dir' % M.replace("postfix_master_t", "postfix_virtual_t"),
   'comm="virtual" exe="/usr/lib/postfix/sbin/virtual" subj=system_u:system_r:postfix_virtual_t:s0',
   [(hx(b"/srv/v\x1b]0;x\x07/d"), "nametype=PARENT")])
# [port]: a good value, to show the sections that remain are accepted.
ev('{ name_bind } for  pid=903 comm="master" src=2525 %s tcontext=system_u:object_r:unreserved_port_t:s0 tclass=tcp_socket' % M)
# Relabel fixes: a quote and a newline in the path; ESC in comm.
# (other target types: one group each)
for p, t in ((quote_path, "var_t"), (nl_path, "default_t")):
    base = p.rsplit("/", 1)[1]
    ev('{ read } for  pid=904 comm=%s name=%s dev="vda1" ino=2 scontext=system_u:system_r:postfix_smtpd_t:s0 tcontext=system_u:object_r:%s:s0 tclass=file' % (hx(esc_comm), hx(base), t),
       'comm=%s exe="/usr/lib/postfix/sbin/smtpd" subj=system_u:system_r:postfix_smtpd_t:s0' % hx(esc_comm),
       [(hx(p), "nametype=NORMAL")])
# An allow rule, for --te.
ev('{ read } for  pid=906 comm=%s name="z" scontext=system_u:system_r:postfix_smtpd_t:s0 tcontext=system_u:object_r:shadow_t:s0 tclass=file' % hx(esc_comm))
# A type the policy does not know, with ESC in it (not hex: raw bytes).
ev('{ read } for  pid=905 comm="x" name="y" scontext=system_u:system_r:evil\x1b[2J_t:s0 tcontext=system_u:object_r:etc_t:s0 tclass=file')
PY


# --spec: what the README tells admins to append with >>.
"$LABEL" review --spec -p "$POLICY" attack.log >spec.out 2>>err
check "--spec: no section or key the log made up" \
	sh -c "! grep -aqE '^\[(daemon evil|milter m)\]|^command = /bin/sh|^socket = unix:/run/m' spec.out"
check "--spec: every line is a header, a valid key = value or a comment" \
	$PY -c '
import re, sys
for l in open("spec.out", "rb").read().decode("utf-8").split("\n"):
    if l == "" or l[0] in "#;":
        continue
    if not re.fullmatch(r"\[(log|virtual|queue|(daemon|milter|socket|port) [a-z][a-z0-9_]*)\]|[a-z_]+ = [!-~]+", l):
        sys.exit("bad line: %r" % l)'
check "--spec: output holds no control byte" no_controls spec.out
check "--spec: the refused values are FILL IN comments" \
	test "$(grep -ac '^# ; FILL IN: \(maillog_file\|command\|mailbox_base\) = ... (the log' spec.out)" = 3
check "--spec: the injected text shows escaped inside the comment" \
	grep -aqF 'x\n[daemon evil]\ncommand = /bin/sh' spec.out
# pfsel-gen takes the --spec output as it is (the sections to fill in
# are comments until the admin fills them in).
{ printf '[module]\nname = postfix_site\n'; cat spec.out; } >site.ini
check "--spec: the valid sections are there" grep -q '^\[port smtpd_2525\]' site.ini
emit() { "$GEN" emit site.ini -o gen >/dev/null; }
check "pfsel-gen emit accepts the --spec output" emit

# Text: nothing a terminal obeys; commands that give back the path.
"$LABEL" review --color=never -p "$POLICY" attack.log >text.out 2>>err
check "text: no control byte (comm, path, unknown type escaped)" no_controls text.out
check "text: ESC, BEL and invalid UTF-8 of comm show as \\xHH" \
	grep -aqF 'comm: sm\x1b]0;owned\x07tpd\x1b[2J\xff' text.out
cmd=$(sed -n "s/^      fix: \(restorecon .*touch PWNED.*\)   (file contexts say .*/\1/p" text.out)
check "text: a restorecon fix for the path with a quote" test -n "$cmd"
check "text: the command is valid sh" sh -n -c "$cmd"
words=$(sh -c "set -- $cmd; printf '%s\n' \"\$#\" \"\$3\"")
check_eq "text: sh reads back exactly the path, as one argument" \
	"$(printf '3\n%s' "$quote_path")" "$words"
check "text: nothing ran from the path" test ! -e PWNED
or=$(sed -n "s/^       or: \(pfsel-label apply .*touch PWNED.*\)/\1/p" text.out)
check_eq "text: the pfsel-label apply fix gives the path too" \
	"$quote_path" "$(sh -c "set -- $or; printf '%s' \"\$3\"")"
check "text: no command for the path a terminal cannot show" \
	grep -aqF 'restorecon -v PATH, PATH being /etc/postfix/a\nb (not shown as a command' text.out
check "text: no restorecon line runs a broken path" \
	sh -c "! grep -a '^ *fix: restorecon' text.out | grep -aqv -e 'PWNED' -e 'PATH being'"

# JSON: valid UTF-8, and parses.
"$LABEL" review --json -p "$POLICY" attack.log >r.json 2>>err
check "JSON: valid UTF-8 and parses; comm bytes recoverable" $PY -c '
import json
o = json.loads(open("r.json", "rb").read().decode("utf-8"))
comms = [c for g in o["groups"] for c in g["comms"]]
want = b"sm\x1b]0;owned\x07tpd\x1b[2J\xff"
assert any(c.encode("utf-8", "surrogateescape") == want for c in comms), comms'

# --te: only statements and comments, nothing a log line put there.
"$LABEL" review --te local_fixes -p "$POLICY" attack.log >fixes.te 2>>err
check "--te: no control byte but tabs" no_controls fixes.te $'\t'
check "--te: the risky rule is there" \
	grep -q '^allow postfix_smtpd_t shadow_t:file read;' fixes.te
check "--te: checkmodule compiles it" \
	checkmodule -m -M -o local_fixes.mod fixes.te
check "no sanitizer report" sh -c "! grep -aq -e Sanitizer -e 'runtime error' err"
exit 0
