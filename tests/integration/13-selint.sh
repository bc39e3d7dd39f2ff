#!/bin/bash
# selint, with the devel headers and the distribution's declared types as
# context (selint_types, selint_findings in testlib.sh), reports nothing
# at level W or above on any generated module: every example and VM spec
# on every policy target is linted by 15-targets-*.sh and 16-*.sh.  No
# check is disabled.  This is their control: the same lint on a module
# with a wildcard permission does report.
source "$PFSEL_TOP/tests/lib/testlib.sh"
ctx=$(tmpdir)
selint_types / "$ctx"
out=$(tmpdir)
"$GEN" emit "$PFSEL_TOP/examples/daemon/spec.ini" -o "$out" >/dev/null
check_eq "control: the stock module lints clean" "" \
	"$(selint_findings "$out" postfix_mylogd /usr/share/selinux/devel/include "$ctx")"
echo 'allow postfix_mylogd_t self:file *;' >>"$out/postfix_mylogd.te"
findings=$(selint_findings "$out" postfix_mylogd /usr/share/selinux/devel/include "$ctx")
check "control: selint reports a wildcard permission" \
	grep -q "W-008" <<<"$findings"
exit $T_FAILED
