#!/bin/bash
# 42-review-audit2allow - the allow rules pfsel-label review proposes
# grant no more than audit2allow -p's for the same log, and no less
# except for the accesses pfsel fixes another way (relabel, port label,
# boolean, spec entry, already allowed, dontaudit, constraint) or reports
# as unknown to the policy.  --te output compiles with checkmodule and
# semodule_package and holds exactly those rules.
source "$PFSEL_TOP/tests/lib/testlib.sh"
POLICY=$(host_policy)
PY=/usr/bin/python3

for log in "$TESTDATA"/audit/*/*.log "$TESTDATA"/audit/*/*.txt; do
	name=$(basename "$log")
	# Hand-written by avc-parser: an AVC body in a "type=FANOTIFY"
	# record, which sepolgen takes for an AVC and pfsel does not.
	[ "$name" = fanotify_test.log ] && continue
	"$LABEL" review --json -p "$POLICY" "$log" >"$T_TMP/r.json" 2>/dev/null
	audit2allow -p "$POLICY" -i "$log" >"$T_TMP/a2a.te" 2>/dev/null
	"$LABEL" review --te pfsel_test -p "$POLICY" "$log" >"$T_TMP/pfsel_test.te" 2>/dev/null
	res=$($PY - "$T_TMP/r.json" "$T_TMP/a2a.te" "$T_TMP/pfsel_test.te" 2>"$T_TMP/err" <<'PY'
import json, re, sys
rule = re.compile(r"^allow (\S+) (\S+):(\S+) (?:\{([^}]*)\}|(\S+));", re.M)
def quads(text):
    q = set()
    for s, t, c, many, one in rule.findall(text):
        for p in (many or one).split():
            q.add((s, s if t == "self" else t, c, p))
    return q
rep = json.load(open(sys.argv[1]))
a2a = quads(open(sys.argv[2]).read())
te = quads(open(sys.argv[3]).read())
mine, other = set(), {}
for g in rep["groups"]:
    k = (g["source"], g["target"], g["class"])
    if g["fix"] == "allow":
        for p in g["rule_perms"]:
            mine.add(k + (p,))
    other[k] = g
more = mine - a2a
less = 0
for q in sorted(a2a - mine):
    g = other.get(q[:3])
    if g is None:
        print("audit2allow only:", q, file=sys.stderr); less += 1
    elif g["fix"] == "allow" and q[3] not in g["allowed_perms"] and q[3] not in g["unknown_perms"] \
            and any(q[3] in r["perms"] and r["reason"] in ("te", "dontaudit") for r in g["requests"]):
        print("missing perm:", q, file=sys.stderr); less += 1
for q in sorted(more):
    print("pfsel only:", q, file=sys.stderr)
print(len(mine), len(more), less, int(te == mine))
PY
)
	set -- $res
	if [ "${2:-x}" = 0 ] && [ "${3:-x}" = 0 ] && [ "${4:-x}" = 1 ]; then
		ok "allow rules match audit2allow on $name ($1 permissions)"
	else
		not_ok "allow rules match audit2allow on $name ($res)"
		head -5 "$T_TMP/err"
	fi
	if [ "${1:-0}" -gt 0 ]; then
		check "--te of $name compiles (checkmodule, semodule_package)" \
			sh -c "checkmodule -M -m -o '$T_TMP/pfsel_test.mod' '$T_TMP/pfsel_test.te' >/dev/null &&
			       semodule_package -o '$T_TMP/p.pp' -m '$T_TMP/pfsel_test.mod'"
	fi
done
exit 0
