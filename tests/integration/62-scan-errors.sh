#!/bin/bash
# 62-scan-errors - malformed main.cf/master.cf: every error names
# file:line, the exit status is 2, no spec is written, and nothing
# crashes (the suite runs this against the ASan/UBSan build).
source "$PFSEL_TOP/tests/lib/testlib.sh"

STOCK=$TESTDATA/postfix-configs/debian12-stock

# case NAME MAIN_CF MASTER_CF WANT: WANT is the expected "FILE:LINE: "
# start of the message, a regex matched after the program name.
case_() {
	local name=$1 main=$2 master=$3 want=$4 d err rc
	d=$(tmpdir)
	printf '%b' "$main" >"$d/main.cf"
	if [ "$master" = stock ]; then
		cp "$STOCK/master.cf" "$d/master.cf"
	else
		printf '%b' "$master" >"$d/master.cf"
	fi
	err=$("$GEN" scan -c "$d" -o "$d/out.spec" 2>&1 >/dev/null)
	rc=$?
	check_eq "$name: exit status 2" 2 "$rc"
	check "$name: error names $want ($err)" \
		grep -Eq "^pfsel-gen: error: $d/$want" <<<"$err"
	check_fails "$name: no spec written" test -e "$d/out.spec"
	# --print n expands every main.cf parameter, used or not.
	"$GEN" scan -c "$d" --print n >/dev/null 2>&1
	rc=$?
	check "$name: --print n fails or succeeds cleanly (rc=$rc)" \
		test "$rc" = 0 -o "$rc" = 2
}

SVC='smtp inet n - y - - smtpd\n'
case_ "unterminated { in master.cf" "" \
	"${SVC}cleanup unix n - y - 0 cleanup\n  -o { smtpd_milters = inet:x:1\n" \
	'master\.cf:2: missing .\}'
case_ "bad column count" "" \
	"# comment\n${SVC}qmgr unix n - n 300\n" 'master\.cf:3: bad field count'
case_ "bad type column" "" "smtp inett n - y - - smtpd\n" \
	'master\.cf:1: invalid type field'
case_ "bad process limit (unfilled placeholder)" "" \
	"${SVC}amavis unix - - n - PH_MAX smtp\n" \
	'master\.cf:2: invalid process_limit field "PH_MAX"'
case_ "-o without name=value" "" "${SVC}sub inet n - y - - smtpd -o\n" \
	'master\.cf:2: -o without'
case_ "\$variable loop" \
	"myhostname = x\n\nsmtpd_milters = \$a\na = \$b\nb = \$smtpd_milters\n" \
	stock 'main\.cf:3: smtpd_milters: unreasonable macro call nesting'
case_ "loop through -o" "a = \$b\nb = \$smtpd_milters\n" \
	"${SVC}  -o smtpd_milters=\$a\n" \
	'master\.cf:1: -o smtpd_milters: unreasonable macro call nesting'
case_ "truncated \${name" "smtpd_milters = \${dkim\n" stock \
	'main\.cf:1: smtpd_milters: truncated macro reference'
case_ "bad {value} form" "smtpd_milters = \${a:{x}:{y}}\n" stock \
	'main\.cf:1: smtpd_milters: unexpected input'
case_ "missing = (a raw template line)" \
	"# a template\nmyhostname = {{ .FQDN }}\n{{ if .X }}\n" stock \
	"main\\.cf:3: missing '=' after attribute name"
case_ "NUL byte" "myhostname = a\n\0\n" stock 'main\.cf:2: NUL byte'
case_ "loop in a parameter no detector reads" "x = 1\na = \$b\nb = \$a\n" \
	stock 'main\.cf:2: a: unreasonable macro call nesting'

# main.cf that is no regular file (a FIFO would block the read forever)
d=$(tmpdir)
mkfifo "$d/main.cf"
cp "$STOCK/master.cf" "$d/master.cf"
check_eq "main.cf a FIFO: exit status 2" 2 \
	"$(timeout 10 "$GEN" scan -c "$d" -o "$d/out.spec" >/dev/null 2>&1; echo $?)"
check "main.cf a FIFO: the error says so" sh -c \
	"timeout 10 '$GEN' scan -c '$d' -o '$d/out.spec' 2>&1 | grep -q 'main.cf: not a regular file'"
exit $T_FAILED
