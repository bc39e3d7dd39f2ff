#!/bin/bash
# A policy error found by the devel toolchain is reported against the
# spec line whose fragment produced the offending text, and no .pp is
# left behind.  The error is planted in a copy of policy/ (a spec that
# passes validation cannot produce one).
source "$PFSEL_TOP/tests/lib/testlib.sh"
data=$(tmpdir)
cp -R "$PFSEL_TOP/policy" "$data/"
# A rule with a type nobody declares, in the [daemon] log fragment.
printf '\nallow @DOMAIN@ pfsel_no_such_type_t:file read;\n' \
	>>"$data/policy/fragments/daemon-log.te"
spec=$PFSEL_TOP/examples/daemon/spec.ini
line=$(grep -n '^log = ' "$spec" | cut -d: -f1)
out=$(tmpdir)
err=$(PFSEL_DATADIR=$data "$GEN" build "$spec" -o "$out" 2>&1 >/dev/null)
rc=$?
check_eq "build fails with status 2" 2 "$rc"
if [[ "$err" == *"$spec:$line: policy error: "*"pfsel_no_such_type_t"* ]]; then
	ok "error names the spec line of log = ($line) and the unknown type"
else
	not_ok "error names the spec line of log = ($line) and the unknown type"
	echo "  got: $err"
fi
check_fails "no .pp left behind" test -e "$out/postfix_mylogd.pp"

# The untouched fragments build the same spec.
check "control: the stock fragments build it" "$GEN" build "$spec" -o "$(tmpdir)"
exit $T_FAILED
