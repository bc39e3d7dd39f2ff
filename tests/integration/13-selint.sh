#!/bin/bash
# selint, with the devel headers and the distribution's declared types as
# context, reports nothing at level W or above on any generated module.
# No check is disabled.  The distribution's types come from its binary
# policy (the devel package ships interfaces, not the .te files that
# declare them), written as one context file of declarations.  A control
# module with a wildcard permission shows selint does report.
source "$PFSEL_TOP/tests/lib/testlib.sh"
ctx=$(tmpdir)
/usr/bin/python3 - "$(policy_of /)" >"$ctx/distro_types.te" <<'PY'
import sys, setools
p = setools.SELinuxPolicy(sys.argv[1])
print("policy_module(distro_types, 1.0.0)")
for t in p.types():
    print("type %s;" % t)
for a in p.typeattributes():
    print("attribute %s;" % a)
PY

lint() { # DIR NAME: selint findings, one per line
	(cd "$1" && selint -l W --context=/usr/share/selinux/devel/include \
		--context="$ctx" "$2.te" "$2.fc" "$2.if" 2>&1 |
		grep -E '^[^ ]+\.(te|fc|if): +[0-9]+: \(')
}

for spec in "$PFSEL_TOP"/examples/*/spec.ini; do
	name=$(basename "$(dirname "$spec")")
	out=$(tmpdir)
	"$GEN" emit "$spec" -o "$out" >/dev/null || { not_ok "$name: emit"; continue; }
	module=$(basename "$out"/*.te .te)
	findings=$(lint "$out" "$module")
	check_eq "$name: selint -l W finds nothing" "" "$findings"
done

# Control: the same tool on a module with a wildcard grant.
out=$(tmpdir)
"$GEN" emit "$PFSEL_TOP/examples/daemon/spec.ini" -o "$out" >/dev/null
echo 'allow postfix_mylogd_t self:file *;' >>"$out/postfix_mylogd.te"
findings=$(lint "$out" postfix_mylogd)
check "control: selint reports a wildcard permission" \
	grep -q "W-008" <<<"$findings"
exit $T_FAILED
