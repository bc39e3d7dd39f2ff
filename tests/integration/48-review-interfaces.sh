#!/bin/bash
# 48-review-interfaces - --interfaces: the allow rules review leaves are
# offered as refpolicy interface calls, from the interface vectors
# sepolgen-ifgen writes from the devel headers (audit2allow -R's data).
#
# Oracles: an independent Python search over the same vectors, with
# attribute sizes from setools, finds no admissible interface narrower
# than the one chosen, and confirms each choice covers its request (on
# the target type itself, never a write or exec for a read); the --te
# module of interface calls builds with the devel Makefile, installs
# into a scratch store, and sesearch finds every requested permission
# allowed there.  Bad vector files are errors naming file:line.
source "$PFSEL_TOP/tests/lib/testlib.sh"
POLICY=$(host_policy)
PY=/usr/bin/python3
D=$TESTDATA/audit
IFINFO=$T_TMP/interface_info


sepolgen-ifgen -o "$IFINFO" -i /usr/share/selinux/devel/include >/dev/null 2>&1
check "sepolgen-ifgen wrote interface vectors from the devel headers" \
	grep -q '^\[InterfaceVector files_read_etc_files \$1:source \]' "$IFINFO"

# The sepolgen test logs (422 + 28 groups) and the guest's Postfix logs.
cat "$D"/vm/*.log >"$T_TMP/vm.log"
logs="$D/selinux/python_sepolgen_tests_test_data_audit.log $D/selinux/python_sepolgen_tests_test_data_httpd.log $T_TMP/vm.log"
for log in $logs; do
	"$LABEL" review --json --interfaces="$IFINFO" -p "$POLICY" "$log" \
		>"$T_TMP/$(basename "$log").json" 2>/dev/null
done

# shellcheck disable=SC2086
res=$($PY - "$IFINFO" "$POLICY" $(for l in $logs; do echo "$T_TMP/$(basename "$l").json"; done) 2>"$T_TMP/err" <<'PY'
import json, sys, setools
ifinfo, policy, reports = sys.argv[1], sys.argv[2], sys.argv[3:]
p = setools.SELinuxPolicy(policy)
READS = {"getattr", "read", "search", "open", "lock", "ioctl", "map"}
SIDE = ("filetrans", "domtrans", "_run_", "_role", "_admin", "dontaudit")
size_cache = {}
def size(name):
    if name == "$1":
        return 1
    if name not in size_cache:
        try:
            t = p.lookup_type_or_attr(name)
            size_cache[name] = len(list(t.expand())) if isinstance(t, setools.policyrep.TypeAttribute) else 1
        except Exception:
            size_cache[name] = 0
    return size_cache[name]
ifaces, cur = {}, None
for line in open(ifinfo):
    line = line.rstrip("\n")
    if line.startswith("["):
        w = line.strip("[] ").split()
        cur = w[1]
        ifaces[cur] = {"params": w[2:], "lines": []}
    elif line:
        s, t, c, *perms = line.split(",")
        ifaces[cur]["lines"].append((s, t, c, set(perms)))
def admissible(name, f):
    if f["params"] != ["$1:source"] or any(x in name for x in SIDE) or name.endswith("_run"):
        return False
    return all((s == "$1" or "$" not in s) and (t == "$1" or "$" not in t) for s, t, c, ps in f["lines"])
weights = {}
def weight(name):
    if name not in weights:
        w = 0
        for s, t, c, ps in ifaces[name]["lines"]:
            if size(s) == 0 or size(t) == 0:
                w = None
                break
            w += size(s) * size(t) * len(ps)
        weights[name] = w
    return weights[name]
def covers(f, src, tgt, cls, perms):
    got = set()
    for s, t, c, ps in f["lines"]:
        if s == "$1" and c == cls and (t == tgt or (t == "$1" and tgt == src)):
            got |= ps
    return perms <= got
# candidates by (class, target) of their $1 lines
by_target = {}
for name, f in ifaces.items():
    if admissible(name, f):
        for s, t, c, ps in f["lines"]:
            if s == "$1":
                by_target.setdefault((c, t), set()).add(name)
checked = bad = offered = 0
for rep in reports:
    for g in json.load(open(rep))["groups"]:
        if g["fix"] != "allow" or not g["rule_perms"]:
            continue
        perms = set(g["rule_perms"])
        read = perms <= READS
        best = None
        cands = by_target.get((g["class"], g["target"]), set())
        if g["source"] == g["target"]:
            cands = cands | by_target.get((g["class"], "$1"), set())
        for name in cands:
            f = ifaces[name]
            if not covers(f, g["source"], g["target"], g["class"], perms):
                continue
            if read and any(not ps <= READS for s, t, c, ps in f["lines"]):
                continue
            w = weight(name)
            if w is not None and (best is None or w < best[0]):
                best = (w, name)
        checked += 1
        mine = g["interface"]
        if best is None:
            if mine is not None:
                print("chose", mine, "where none is admissible:", g["source"], g["target"], g["class"], perms, file=sys.stderr); bad += 1
            continue
        offered += 1
        if mine is None or mine not in ifaces:
            print("none chosen, oracle has", best, g["source"], g["target"], g["class"], perms, file=sys.stderr); bad += 1
            continue
        f = ifaces[mine]
        w = weight(mine)
        ok = admissible(mine, f) and covers(f, g["source"], g["target"], g["class"], perms) \
            and w == best[0] and w == g["interface_grants"] \
            and not (read and ("_manage_" in mine or any(not ps <= READS for s, t, c, ps in f["lines"])))
        if not ok:
            print("not narrowest/covering:", mine, w, g["interface_grants"], "oracle", best, g["source"], g["target"], g["class"], perms, file=sys.stderr); bad += 1
print(checked, offered, bad)
PY
)
set -- $res
check_eq "every remaining allow rule checked against the Python oracle (${1:-?} rules, ${2:-?} with an interface)" \
	"0" "${3:-x}"
[ "${3:-x}" = 0 ] || head -5 "$T_TMP/err"
check "the oracle had rules to check" test "${1:-0}" -gt 100
check "most rules got an interface" test "${2:-0}" -gt 50

# A read is never given a manage_* interface.
check_eq "no manage_* interface for a read-only request" "" \
	"$($PY -c 'import json,sys
R={"getattr","read","search","open","lock","ioctl","map"}
for g in json.load(open(sys.argv[1]))["groups"]:
    if g["interface"] and set(g["rule_perms"]) <= R and "_manage_" in g["interface"]: print(g["interface"])' \
		"$T_TMP/python_sepolgen_tests_test_data_audit.log.json")"

# The text report offers each call beside its rule.
log=$D/selinux/python_sepolgen_tests_test_data_audit.log
"$LABEL" review --interfaces="$IFINFO" -p "$POLICY" "$log" >"$T_TMP/a.txt" 2>/dev/null
check_eq "text: one \"or: IFACE(DOMAIN)\" line per rule with an interface" \
	"$($PY -c 'import json,sys; print(sorted("%s(%s)" % (g["interface"], g["source"]) for g in json.load(open(sys.argv[1]))["groups"] if g["interface"]))' "$T_TMP/python_sepolgen_tests_test_data_audit.log.json")" \
	"$(sed -n 's/^       or: \([a-z0-9_]*([a-z0-9_]*)\)   (refpolicy interface.*/\1/p' "$T_TMP/a.txt" | $PY -c 'import sys; print(sorted(l.strip() for l in sys.stdin))')"

# --te with interface calls: a refpolicy module that builds and grants
# every remaining request.
log=$D/selinux/python_sepolgen_tests_test_data_httpd.log
mkdir -p "$T_TMP/te"
"$LABEL" review --te pfsel_ifaces --interfaces="$IFINFO" -p "$POLICY" "$log" \
	>"$T_TMP/te/pfsel_ifaces.te" 2>/dev/null
check "--te with interfaces is a refpolicy module" \
	grep -q '^policy_module(pfsel_ifaces, 1.0)' "$T_TMP/te/pfsel_ifaces.te"
check "--te has interface calls" grep -qE '^[a-z0-9_]+\([a-z0-9_]+\)$' "$T_TMP/te/pfsel_ifaces.te"
check "--te module builds with the devel Makefile" \
	make -C "$T_TMP/te" -f /usr/share/selinux/devel/Makefile pfsel_ifaces.pp
root=$(scratch_root)
check "--te module installs into a scratch store" \
	semodule -p "$root" -s default -i "$T_TMP/te/pfsel_ifaces.pp"
rpol=$(policy_of "$root")
"$LABEL" review --json -p "$POLICY" "$log" >"$T_TMP/httpd.json" 2>/dev/null
# audit2allow against the new policy: nothing of what the rules asked
# is still missing.
audit2allow -p "$rpol" -i "$log" >"$T_TMP/after.te" 2>/dev/null
missing=$($PY - "$T_TMP/httpd.json" "$T_TMP/after.te" <<'PY'
import json, re, sys
rule = re.compile(r"^allow (\S+) (\S+):(\S+) (?:\{([^}]*)\}|(\S+));", re.M)
# An allow line after "This avc is allowed" or a "Constraint DENIED"
# comment is no missing TE rule: the rules granted what TE can.
after, allowed_now = set(), False
for line in open(sys.argv[2]):
    if line.startswith("#!!!! This avc is allowed in the current policy") \
            or "Constraint DENIED" in line:
        allowed_now = True
        continue
    for s, t, c, many, one in rule.findall(line):
        if not allowed_now:
            for p in (many or one).split():
                after.add((s, s if t == "self" else t, c, p))
    if line.startswith("allow "):
        allowed_now = False
asked = set()
for g in json.load(open(sys.argv[1]))["groups"]:
    if g["fix"] == "allow":
        asked |= {(g["source"], g["target"], g["class"], p) for p in g["rule_perms"]}
for q in sorted(asked & after):
    print("still denied:", q, file=sys.stderr)
print(len(asked & after) if asked else "nothing asked")
PY
)
check_eq "every requested permission is allowed after installing the module" 0 "$missing"

# Errors.
check_eq "missing vector file: exit 2" 2 \
	"$(status "$LABEL" review --interfaces="$T_TMP/none" -p "$POLICY" "$log")"
check "a vector file that is no regular file: named" sh -c \
	"'$LABEL' review --interfaces=/dev/null -p '$POLICY' '$log' 2>&1 >/dev/null | grep -q '/dev/null: not a regular file'"
printf '[InterfaceVector a_read $1:source ]\n$1,etc_t\n' >"$T_TMP/bad1"
check "malformed vector: file:line" sh -c \
	"'$LABEL' review --interfaces='$T_TMP/bad1' -p '$POLICY' '$log' 2>&1 >/dev/null | grep -q 'bad1:2: want SOURCE,TARGET,CLASS,PERM'"
printf '$1,etc_t,file,read\n' >"$T_TMP/bad2"
check "vector before any header: file:line" sh -c \
	"'$LABEL' review --interfaces='$T_TMP/bad2' -p '$POLICY' '$log' 2>&1 >/dev/null | grep -q 'bad2:1: access vector before'"
printf '[InterfaceVector a\0 ]\n' >"$T_TMP/bad3"
check_eq "binary data: exit 2" 2 \
	"$(status "$LABEL" review --interfaces="$T_TMP/bad3" -p "$POLICY" "$log")"
check_eq "no file read when the vectors are bad" "" \
	"$("$LABEL" review --interfaces="$T_TMP/bad1" -p "$POLICY" "$log" 2>/dev/null)"
exit 0
