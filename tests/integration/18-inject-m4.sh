#!/bin/bash
# m4 injection (issue 11, point 1): values a spec, a main.cf or a spec's
# file name carry reach m4-processed policy text.  Each attack that once
# ran a command as root or added a rule is refused with file:line and
# writes nothing; the m4 words a path may legitimately hold (dnl, define)
# stay plain names in the built module.
source "$PFSEL_TOP/tests/lib/testlib.sh"
ROOT=${PFSEL_TEST_ROOT:-/}

# refused NAME EXPECTED (spec on stdin): build exits 2 naming
# spec.ini:EXPECTED, leaves no output and runs nothing.
refused() {
	local name=$1 expect=$2 dir err rc
	dir=$(tmpdir)
	cat >"$dir/spec.ini"
	mkdir "$dir/out"
	err=$(cd "$dir" && "$GEN" build "$dir/spec.ini" -o "$dir/out" --root "$ROOT" 2>&1 >/dev/null)
	rc=$?
	check_eq "$name: exit status 2" 2 "$rc"
	if [[ "$err" == *"$dir/spec.ini:$expect"* ]]; then
		ok "$name: says spec.ini:$expect"
	else
		not_ok "$name: says spec.ini:$expect"
		echo "  got: $err"
	fi
	check_eq "$name: no output" "" "$(ls -A "$dir/out")"
	# m4 runs in a directory under out/: look everywhere below dir.
	check_eq "$name: no command ran" "" "$(find "$dir" -name PWNED)"
}

refused "esyscmd in a log path" "6: path /var/log/esyscmd(id>PWNED)x contains '('" <<'X'
[module]
name = pfsel_inj
[daemon helper]
command = /usr/libexec/postfix/helper
; runs "id" as root while m4 expands the module
log = /var/log/esyscmd(id>PWNED)x
X
refused "esyscmd in maillog_file" "4: path /var/log/esyscmd(id>PWNED)x contains '('" <<'X'
[module]
name = pfsel_inj
[log]
maillog_file = /var/log/esyscmd(id>PWNED)x
X
refused "define in maillog_file" "4: path /var/log/define(pfsel_inj_maillog_t,etc_t)evil contains '('" <<'X'
[module]
name = pfsel_inj
[log]
maillog_file = /var/log/define(pfsel_inj_maillog_t,etc_t)evil
X
refused "quote-closing data path" "5: path /var/lib/a" <<'X'
[module]
name = pfsel_inj
[daemon helper]
command = /usr/libexec/postfix/helper
data = /var/lib/a')allow(x
X
refused "comma in a reads path" "5: path /etc/a,b contains ','" <<'X'
[module]
name = pfsel_inj
[daemon helper]
command = /usr/libexec/postfix/helper
reads = /etc/a,b
X

# The same value through scan: main.cf's maillog_file becomes a note, not
# a [log] section, and the spec scan writes builds without running it.
dir=$(tmpdir)
mkdir "$dir/conf"
printf 'maillog_file = /var/log/esyscmd(id>PWNED)x\n' >"$dir/conf/main.cf"
printf 'postlog unix-dgram n - n - 1 postlogd\n' >"$dir/conf/master.cf"
check "scan: a main.cf with an m4 call in maillog_file" \
	"$GEN" scan -c "$dir/conf" -n pfsel_scaninj -o "$dir/spec.ini"
check_fails "scan: no maillog_file line in the spec" grep -q '^maillog_file' "$dir/spec.ini"
check "scan: a note names main.cf:1 and the refusal" \
	grep -q "^# not handled: .*main.cf:1: .*contains '('" "$dir/spec.ini"
(cd "$dir" && "$GEN" build "$dir/spec.ini" -o "$dir/out" --root "$ROOT" >/dev/null 2>&1)
check_eq "scan: building its spec ran nothing" "" "$(find "$dir" -name PWNED)"

# A newline in the spec's own file name would end the comment naming it
# and start a rule of the attacker's.
dir=$(tmpdir)
evil="$dir/x
allow postfix_smtpd_t shadow_t:file read;
#.ini"
printf '[module]\nname = pfsel_inj\n[virtual]\nmailbox_base = /srv/vmail\n' >"$evil"
err=$("$GEN" emit "$evil" -o "$dir/out" --root "$ROOT" 2>&1 >/dev/null)
check_eq "newline in the spec's name: exit status 2" 2 "$?"
check "newline in the spec's name: says why" \
	grep -q "the spec's file name cannot be written" <<<"$err"
check_fails "newline in the spec's name: no output" test -e "$dir/out"

# m4 words as path components are names, not macros: the module builds
# and its named transitions carry them verbatim.
dir=$(tmpdir)
cat >"$dir/spec.ini" <<'X'
[module]
name = pfsel_words
[daemon helper]
command = /usr/libexec/postfix/helper
log = /var/log/dnl
data = /var/lib/define
runtime = /run/divert
[log]
maillog_file = /var/log/esyscmd
X
check "m4 words: the module builds" \
	"$GEN" build "$dir/spec.ini" -o "$dir/out" --root "$ROOT"
m4out=$dir/out/tmp/pfsel_words.tmp
for t in "postfix_helper_t var_log_t:{ dir file } postfix_helper_log_t \"dnl\"" \
	"postfix_helper_t var_lib_t:dir postfix_helper_data_t \"define\"" \
	"postfix_master_t var_log_t:file pfsel_words_maillog_t \"esyscmd\""; do
	check "m4 words: type_transition $t" grep -qF "type_transition $t;" "$m4out"
done
check "m4 words: divert names the runtime transition" \
	grep -qE 'type_transition postfix_helper_t [a-z_]+:dir postfix_helper_runtime_t "divert";' "$m4out"
exit $T_FAILED
