#!/bin/bash
# Property test of the policy-text rule (issue 11): m4 and regex
# metacharacters, m4 macro names and random mixes of them are put into
# every path field of a spec that uses every section.  For each payload
# P, "pfsel-gen build" either refuses with "spec.ini:LINE: ..." (exit 2,
# nothing written), or builds a module whose m4-expanded rules and file
# contexts are those of the same spec with a benign word in P's place:
# P granted nothing and labeled nothing the sections' fragments do not.
# Either way no file appears outside the output directory.
# PFSEL_PROPERTY_SEED and PFSEL_PROPERTY_CASES choose the random cases.
source "$PFSEL_TOP/tests/lib/testlib.sh"
ROOT=${PFSEL_TEST_ROOT:-/}
SEED=${PFSEL_PROPERTY_SEED:-$RANDOM}
CASES=${PFSEL_PROPERTY_CASES:-40}
BENIGN=pfselbenign
echo "# seed $SEED"

# The payload stands between two markers (not m4 word characters, so
# the payload stays a word of its own), so that putting the benign
# word back replaces it only where the spec put it (a payload "1" must
# not turn "1.0.0" into "pfselbenign.0.0").
MARK=%%
spec_with() { # PAYLOAD
	local p=$MARK$1$MARK
	cat <<X
[module]
name = pfsel_prop
[daemon helper]
command = /usr/libexec/postfix/helper$p
log = /var/log/$p/$p
data = /var/lib/$p
runtime = /run/$p
reads = /etc/$p.conf /etc/x$p/y
[milter m]
command = /usr/bin/m$p
socket = unix:/run/m$p/m.sock
[socket s]
server = dkim_milter_t
socket = unix:/run/opendkim/$p.sock
[instance out]
config_directory = /etc/postfix-$p
queue_directory = /var/spool/postfix-$p
data_directory = /var/lib/postfix-$p
[log]
maillog_file = /var/log/$p.log
[virtual]
mailbox_base = /srv/v$p
X
}

# The module's policy as m4 left it (rules, no comments) and its file
# contexts, with PAYLOAD (and its regex-escaped form) put back to BENIGN.
policy_of_build() { # OUTDIR PAYLOAD
	/usr/bin/python3 - "$1" "$2" "$BENIGN" "$MARK" <<'PY'
import re, subprocess, sys, tempfile, os
out, payload, benign, mark = sys.argv[1:5]
lines = []
for l in open(os.path.join(out, "tmp", "pfsel_prop.tmp")):
    l = l.strip()
    if l and not l.startswith("#"):
        lines.append(l)
with tempfile.TemporaryDirectory() as d:
    subprocess.run(["semodule_unpackage", os.path.join(out, "pfsel_prop.pp"),
                    d + "/m.mod", d + "/m.fc"], check=True)
    lines += [l.strip() for l in open(d + "/m.fc")
              if l.strip() and not l.startswith("#")]
escaped = "".join("\\" + c if c in ".^$*+?()[]{}|\\" else c for c in payload)
text = "\n".join(lines)
if payload:
    text = text.replace(mark + escaped + mark, mark + benign + mark) \
        .replace(mark + payload + mark, mark + benign + mark)
print(text)
PY
}

# One case: ok when refused cleanly or built with the benign policy.
try_payload() { # LABEL PAYLOAD
	local label=$1 p=$2 dir rc err got
	dir=$(tmpdir)
	mkdir "$dir/cwd" "$dir/out"
	spec_with "$p" >"$dir/spec.ini"
	touch "$dir/stamp"
	err=$(cd "$dir/cwd" && "$GEN" build "$dir/spec.ini" -o "$dir/out" \
		--root "$ROOT" 2>&1 >/dev/null)
	rc=$?
	check_eq "$label: no file outside the output directory" "" \
		"$(find "$dir" -newer "$dir/stamp" ! -path "$dir/out" ! -path "$dir/out/*")"
	if [ "$rc" != 0 ]; then
		check_eq "$label: refused with exit status 2" 2 "$rc"
		check "$label: refusal names spec.ini:LINE" \
			grep -qE "^pfsel-gen: error: $dir/spec.ini:[0-9]+: " <<<"$err"
		check_eq "$label: refused, nothing written" "" "$(ls -A "$dir/out")"
		return
	fi
	got=$(policy_of_build "$dir/out" "$p")
	if [ "$got" = "$BENIGN_POLICY" ]; then
		ok "$label: built, granting and labeling what the benign spec does"
	else
		not_ok "$label: built, granting and labeling what the benign spec does"
		diff <(echo "$BENIGN_POLICY") <(echo "$got") | head -20
	fi
}

dir=$(tmpdir)
spec_with "$BENIGN" >"$dir/spec.ini"
check "benign spec builds" "$GEN" build "$dir/spec.ini" -o "$dir/out" --root "$ROOT"
BENIGN_POLICY=$(policy_of_build "$dir/out" "$BENIGN")

# Fixed cases: every m4 special character and macro a path could try.
fixed=(
	'esyscmd(id>PWNED)x' 'syscmd(id>PWNED)' 'define(pfsel_prop_maillog_t,etc_t)x'
	"x')allow(x" 'x`y' 'a,b' 'x#y' 'x$1y' 'x\y' 'x;allow x y' 'x y'
	dnl define divert esyscmd syscmd include undefine changequote m4exit
	__file__ gen_context gen_require policy_module
	'a.b' 'a+b' 'a*b' 'a?b' 'a[b]' 'a{1}' 'a|b' 'a^b' 'a@b:c=d~e%f'
)
for p in "${fixed[@]}"; do
	try_payload "payload [$p]" "$p"
done

# Random mixes of the same pieces.
pieces=('`' "'" '(' ')' ',' '$' '#' '\' ' ' ';' dnl define esyscmd divert
	'(id>PWNED)' . '*' + '?' '[' ']' '{' '}' '|' '^' @ : '~' % = - _ a 1)
RANDOM=$SEED
for ((i = 0; i < CASES; i++)); do
	p=
	for ((j = 0; j <= RANDOM % 4; j++)); do
		p+=${pieces[RANDOM % ${#pieces[@]}]}
	done
	try_payload "random $i [$p]" "$p"
done
exit $T_FAILED
