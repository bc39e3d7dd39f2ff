#!/bin/bash
# 41-review-audit2why - for every AVC whose types the policy knows, the
# reason pfsel-label review gives agrees with audit2why -p on the same
# policy, on every real log of tests/data/audit and the Postfix logs of
# tests/data/vm: with the host's policy (-p) and with each Red Hat family
# kit (-r KIT; audit2why -p its binary policy).
source "$PFSEL_TOP/tests/lib/testlib.sh"

compare() { # log
	local log=$1 name
	name=$(basename "$log")
	"$LABEL" review --json "${REVIEW_POLICY[@]}" "$log" >"$T_TMP/r.json" 2>/dev/null
	audit2why -p "$POLICY" -i "$log" >"$T_TMP/a2w.txt" 2>/dev/null
	python3 - "$T_TMP/r.json" "$T_TMP/a2w.txt" <<'PY'
import json, re, sys
rep = json.load(open(sys.argv[1]))
req = {}
for g in rep["groups"]:
    for r in g["requests"]:
        req[(r["scontext"], r["tcontext"], g["class"], frozenset(r["perms"]))] = r["reason"]

def reason_of(text):
    if "would be allowed" in text: return "allowed"
    if "dontaudit" in text: return "dontaudit"
    if "boolean" in text: return "boolean"
    if "Missing type enforcement" in text: return "te"
    if "Constraint" in text or "constraint" in text: return "constraint"
    if "role" in text: return "rbac"
    return "?"

lines = open(sys.argv[2]).read().split("\n")
blocks, cur = [], None
for l in lines:
    if "avc:" in l and "denied" in l and "scontext=" in l and (re.search(r"type=(AVC|USER_AVC|1400|1107) ", l) or "type=" not in l):
        cur = [l, ""]
        blocks.append(cur)
    elif cur is not None:
        cur[1] += l + "\n"
agree = bad = missing = 0
for avc, text in blocks:
    f = dict(re.findall(r"\b(scontext|tcontext|tclass)=(\S+)", avc))
    m = re.search(r"\{([^}]*)\}", avc)
    if not m or len(f) < 3:
        continue
    key = (f["scontext"], f["tcontext"], f["tclass"].rstrip("'"), frozenset(m.group(1).split()))
    want = reason_of(text)
    got = req.get(key)
    if got is None:
        missing += 1
        print("missing:", key, file=sys.stderr)
    elif got == want:
        agree += 1
    else:
        bad += 1
        print("differs: pfsel", got, "audit2why", want, key, file=sys.stderr)
print(agree, bad, missing)
PY
}

for target in $(policy_targets); do
	# The host's binary policy with -p, a kit as a root with -r.
	if [ "$target" = host ]; then
		POLICY=$(policy_of /)
		REVIEW_POLICY=(-p "$POLICY")
	else
		root=$(target_root "$target")
		POLICY=$(policy_of "$root")
		REVIEW_POLICY=(-r "$root")
	fi
	for log in "$TESTDATA"/audit/*/*.log "$TESTDATA"/audit/*/*.txt \
		"$TESTDATA"/vm/*.audit.log; do
		res=$(compare "$log" 2>"$T_TMP/err")
		set -- $res
		if [ "${2:-x}" = 0 ] && [ "${3:-x}" = 0 ]; then
			ok "$target: audit2why agrees on $(basename "$log") ($1 AVCs)"
		else
			not_ok "$target: audit2why agrees on $(basename "$log") ($res)"
			head -5 "$T_TMP/err"
		fi
	done
done
exit $T_FAILED
