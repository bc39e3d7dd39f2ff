#!/bin/bash
# The command line of both programs (issue 17): every subcommand's --help
# exits 0 and lists every option its man page SYNOPSIS names, and every
# long option the OPTIONS sections document appears in some --help; a
# usage error is one line "PROG: error: SUB: what" with exit status 2;
# --version prints VERSION; a program run from its build directory finds
# the checkout's policy/ without PFSEL_DATADIR, which still overrides.
source "$PFSEL_TOP/tests/lib/testlib.sh"

# subcommands PROG: the subcommands PROG --help lists.
subcommands() { "$PFSEL_BIN/$1" --help | awk -v p="$1" '$1 == p { print $2 }'; }
# synopsis_options PROG SUB: the options of SUB's SYNOPSIS entry in any
# man page (from ".B PROG SUB" to the next ".br" or section).
synopsis_options() {
	sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' "$PFSEL_TOP"/man/*.1 |
		awk -v p="$1" -v s="$2" '
			$1 == ".B" && $2 == p { on = ($3 == s); next }
			/^\.br/ || /^\.SH/ { on = 0 }
			on' |
		grep -o '\\-\\-\?[A-Za-z][a-z\\-]*' | sed 's/\\//g' | sort -u
}
# lists WORD FILE: FILE names the option WORD (not a longer one).
lists() { grep -qE -- "(^|[^a-z-])$1([^a-z-]|$)" "$2"; }

out=$T_TMP/out err=$T_TMP/err
for prog in pfsel-gen pfsel-label; do
	subs=$(subcommands $prog)
	check "$prog --help lists subcommands" test -n "$subs"
	all_help=$T_TMP/$prog.help
	: >"$all_help"
	for sub in $subs; do
		"$PFSEL_BIN/$prog" "$sub" --help >"$out" 2>"$err"
		check_eq "$prog $sub --help exits 0" 0 $?
		check "$prog $sub --help prints its usage, nothing on stderr" \
			eval 'head -1 "$out" | grep -q "^usage: $prog $sub" && ! test -s "$err"'
		cat "$out" >>"$all_help"
		for opt in $(synopsis_options $prog "$sub"); do
			check "$prog $sub --help lists $opt (man SYNOPSIS)" lists "$opt" "$out"
		done
		# -h anywhere before "--" is help too, whatever else is given.
		"$PFSEL_BIN/$prog" "$sub" --no-such-option -h >/dev/null 2>&1
		check_eq "$prog $sub -h after a bad option exits 0" 0 $?

		"$PFSEL_BIN/$prog" "$sub" --no-such-option >"$out" 2>"$err"
		check_eq "$prog $sub --no-such-option exits 2" 2 $?
		check_eq "$prog $sub --no-such-option: one line naming it" \
			"$prog: error: $sub: unknown option --no-such-option (see $prog $sub --help)" \
			"$(cat "$err")"
		check "$prog $sub --no-such-option prints nothing on stdout" test ! -s "$out"
	done
	for opt in $(cd "$PFSEL_TOP/man" && man_long_options $prog*.1); do
		# Not options of a subcommand; checked on their own.
		case $opt in --help | --version) continue ;; esac
		check "some $prog --help lists $opt (man OPTIONS)" lists "$opt" "$all_help"
	done
	"$PFSEL_BIN/$prog" --version >"$out" 2>"$err"
	check_eq "$prog --version exits 0" 0 $?
	check_eq "$prog --version prints VERSION" "$prog $(cat "$PFSEL_TOP/VERSION")" "$(cat "$out")"
done

$LABEL check --help >"$out"
check "check --help lists --changed-since" lists --changed-since "$out"

# usage_error EXPECTED-TAIL PROG ARGS...: exit 2 and the one line
# "PROG: error: SUB: EXPECTED-TAIL (see PROG SUB --help)".
usage_error() {
	local want=$1 prog=$2 sub=$3 rc
	shift 2
	"$PFSEL_BIN/$prog" "$@" >"$out" 2>"$err"
	rc=$?
	check_eq "$prog $*: exit 2" 2 $rc
	check_eq "$prog $*: one line naming the problem" \
		"$prog: error: $sub: $want (see $prog $sub --help)" "$(cat "$err")"
}
usage_error "-n is for apply; check never changes a label" pfsel-label check -n
usage_error "unknown option -x" pfsel-label check -Fx
usage_error "option --spec needs an argument" pfsel-label apply --spec
usage_error "option --json takes no argument" pfsel-label check --json=yes
usage_error '-j: want 1 to 256 threads, not "0"' pfsel-label review -j 0
usage_error "--json, --te and --spec exclude each other" pfsel-label review --json --spec
usage_error "no SPEC given" pfsel-gen emit
usage_error "one SPEC, not 2 arguments" pfsel-gen build a b
usage_error "option -o needs an argument" pfsel-gen install x.spec -o
usage_error "no module NAME given" pfsel-gen uninstall
usage_error 'one NAME at most, not 2 arguments' pfsel-gen verify x y
usage_error 'unexpected argument "x"' pfsel-gen scan x

# One voice for failures: "PROG: error: what" and exit 2, whichever
# subcommand and layer failed.
# fails_with WHAT EXPECTED-REGEX PROG ARGS...
fails_with() {
	local what=$1 want=$2 prog=$3 rc
	shift 3
	"$PFSEL_BIN/$prog" "$@" >"$out" 2>"$err"
	rc=$?
	check_eq "$what: exit 2" 2 $rc
	check "$what: $prog: error: ..." grep -qE "^$prog: error: $want" "$err"
	check "$what: no other voice" eval '! grep -qE "(fatal|warning):" "$err"'
}
fails_with "check, a root without policy" "root $T_TMP/none" \
	pfsel-label check -r "$T_TMP/none" /var/spool/postfix
mkdir -p "$T_TMP/empty/etc/selinux"
echo SELINUXTYPE=none >"$T_TMP/empty/etc/selinux/config"
fails_with "apply, a root without a policy directory" "cannot open $T_TMP/empty/etc/selinux/none/policy" \
	pfsel-label apply -r "$T_TMP/empty" /var/spool/postfix
fails_with "review, an unreadable log" "$T_TMP/no-such-log: No such file" \
	pfsel-label review -p /dev/null "$T_TMP/no-such-log"
fails_with "review, a policy that is not a file" "/dev/null: not a regular file" \
	pfsel-label review -p /dev/null /dev/null
fails_with "emit, a missing spec" "cannot open $T_TMP/none.spec" \
	pfsel-gen emit "$T_TMP/none.spec"

# policy/ from the checkout the program was built in, from any directory.
work=$(tmpdir)
(cd "$work" && env -u PFSEL_DATADIR "$GEN" emit \
	"$PFSEL_TOP/examples/daemon/spec.ini" -o "$work/out") >"$out" 2>&1
check_eq "emit from build/ without PFSEL_DATADIR succeeds" 0 $?
check "... and writes the module" test -s "$work/out/postfix_mylogd.te"
PFSEL_DATADIR=$work/nowhere "$GEN" emit "$PFSEL_TOP/examples/daemon/spec.ini" \
	-o "$work/out2" >"$out" 2>&1
check_eq "PFSEL_DATADIR overrides the checkout: exit 2" 2 $?
check "... naming the policy/ it looked for" grep -q "^pfsel-gen: error: cannot open $work/nowhere/policy/" "$out"
# A copy outside any checkout looks in the compiled-in data directory
# (the installed layout).
mkdir -p "$work/bin" && cp "$GEN" "$work/bin/"
env -u PFSEL_DATADIR "$work/bin/pfsel-gen" emit "$PFSEL_TOP/examples/daemon/spec.ini" \
	-o "$work/out3" >"$out" 2>&1
if grep -q "cannot open" "$out"; then
	check "outside a checkout: the compiled-in share/pfsel" grep -q "share/pfsel/policy/" "$out"
	check "... not the checkout" eval '! grep -q "$PFSEL_TOP/policy" "$out"'
else
	ok "outside a checkout: the compiled-in data directory is installed"
fi
exit $T_FAILED
