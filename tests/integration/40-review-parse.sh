#!/bin/bash
# 40-review-parse - pfsel-label review reads every real log: record
# counts match an independent count (grep), field values match
# libauparse on raw and enriched logs, and format variants of one log
# (enriched, node=, syslog, journal, dmesg, ausearch -i, CRLF, glued)
# give the same groups.
source "$PFSEL_TOP/tests/lib/testlib.sh"
POLICY=$(host_policy)
PY=/usr/bin/python3 # the interpreter python3-audit (auparse) is built for

stats() { # log -> "avc user_avc selinux_err"
	"$LABEL" review --json -p "$POLICY" "$1" 2>/dev/null |
		$PY -c 'import json,sys; s=json.load(sys.stdin)["stats"]; print(s["avc"], s["user_avc"], s["selinux_err"])'
}

count() { # log TYPE NUM
	grep -oaE "(^| )type=($2|$3) (msg=)?audit\(" "$1" | wc -l
}

for log in "$TESTDATA"/audit/*/*.log "$TESTDATA"/audit/*/*.txt; do
	a=$(count "$log" AVC 1400)
	# 2006 kernels: "kernel: audit(STAMP): avc: ..." without type=
	b=$(grep -aE 'audit\([0-9.:]+\): avc:' "$log" | grep -vc 'type=')
	want="$((a + b)) $(count "$log" USER_AVC 1107) $(count "$log" SELINUX_ERR 1401)"
	check_eq "record counts of $(basename "$log")" "$want" "$(stats "$log")"
done

# libauparse as the oracle on raw and enriched logs: the groups it sees
# (kernel AVC denials by source type, target type, class) with their
# counts, permissions and commands are pfsel's.
auparse_groups() { # log
	$PY - "$1" <<'PY'
import auparse, sys
p = auparse.AuParser(auparse.AUSOURCE_FILE, sys.argv[1])
g = {}
def f(name):
    return p.interpret_field() if p.find_field(name) else None
while p.parse_next_event():
    while True:
        if p.get_type_name() == "AVC":
            p.first_field()
            res = f("seresult")
            p.first_field()
            perms = f("seperms")
            p.first_field(); comm = f("comm")
            p.first_field(); s = f("scontext")
            p.first_field(); t = f("tcontext")
            p.first_field(); c = f("tclass")
            if res == "denied" and s and t and c:
                k = (s.split(":")[2], t.split(":")[2], c)
                e = g.setdefault(k, [0, set(), set()])
                e[0] += 1
                e[1].update(perms.replace(",", " ").split())
                if comm: e[2].add(comm)
        if not p.next_record():
            break
for k in sorted(g):
    n, perms, comms = g[k]
    print(*k, n, ",".join(sorted(perms)), ",".join(sorted(comms)) if len(comms) <= 4 else "*")
PY
}

pfsel_groups() { # log [kernel-only]
	"$LABEL" review --json -p "$POLICY" "$1" 2>/dev/null | $PY -c '
import json, sys
for g in sorted(json.load(sys.stdin)["groups"], key=lambda g: (g["source"], g["target"], g["class"])):
    n = g["count"] - g["user_avc"]
    if n == 0: continue
    comms = "*" if g["comms_more"] else ",".join(sorted(g["comms"]))
    print(g["source"], g["target"], g["class"], n, ",".join(sorted(g["perms"])), comms)'
}

for log in selinux/python_sepolgen_tests_test_data_audit.log \
	selinux/python_sepolgen_tests_test_data_httpd.log \
	public/flonatel_RootServerSetup_README_avc.log \
	audit-userspace/auparse_test_test.log \
	audit-userspace/auparse_test_test2.log \
	setroubleshoot/data_audit_bind_ports.log; do
	f=$TESTDATA/audit/$log
	auparse_groups "$f" >"$T_TMP/au"
	pfsel_groups "$f" >"$T_TMP/pf"
	check "libauparse agrees on $(basename "$f") ($(wc -l <"$T_TMP/au") groups)" \
		diff -u "$T_TMP/au" "$T_TMP/pf"
	# enriched: auditd's log_format=ENRICHED appends 0x1D and NAME=value
	sed 's/$/\x1dUID="root" AUID="unset" SUID="root"/' "$f" >"$T_TMP/enriched.log"
	auparse_groups "$T_TMP/enriched.log" >"$T_TMP/au2"
	pfsel_groups "$T_TMP/enriched.log" >"$T_TMP/pf2"
	check "libauparse agrees on enriched $(basename "$f")" \
		diff -u "$T_TMP/au2" "$T_TMP/pf2"
done

# Format variants of one log give the same groups.
groups_of() { # file
	"$LABEL" review --json -p "$POLICY" "$1" 2>/dev/null | $PY -c '
import json, sys
d = json.load(sys.stdin)
for g in sorted(d["groups"], key=lambda g: (g["source"], g["target"], g["class"])):
    print(g["source"], g["target"], g["class"], g["count"], ",".join(sorted(g["perms"])), g["reason"], g["fix"])
print("malformed", d["stats"]["malformed"])'
}
variants() { # raw-log dir
	local raw=$1 d=$2
	cp "$raw" "$d/raw"
	sed 's/$/\x1dUID="root" AUID="unset"/' "$raw" >"$d/enriched"
	sed 's/$/ UID="root" AUID="unset"/' "$raw" >"$d/enriched-lost"
	sed 's/^/node=mail host.example.org /' "$raw" >"$d/node"
	sed -E 's/^type=([A-Z_]+) msg=audit\(/Nov 25 01:02:03 mx audispd: type=\1 msg=audit(/' "$raw" >"$d/syslog"
	sed -E 's/^type=AVC msg=audit\(/2026-11-25T01:02:03+0000 mx kernel: audit: type=1400 audit(/;
		s/^type=SYSCALL msg=audit\(/2026-11-25T01:02:03+0000 mx kernel: audit: type=1300 audit(/;
		s/^type=CWD msg=audit\(/2026-11-25T01:02:03+0000 mx kernel: audit: type=1307 audit(/;
		s/^type=PATH msg=audit\(/2026-11-25T01:02:03+0000 mx kernel: audit: type=1302 audit(/' "$raw" >"$d/journal"
	sed -E 's/^type=AVC msg=audit\(/[ 1234.567890] audit: type=1400 audit(/;
		s/^type=SYSCALL msg=audit\(/[ 1234.567890] audit: type=1300 audit(/' "$raw" >"$d/dmesg"
	LC_ALL=C ausearch -i -if "$raw" >"$d/ausearch-i" 2>/dev/null
	sed 's/$/\r/' "$raw" >"$d/crlf"
	paste -d ' ' - - <"$raw" >"$d/glued"
}
for log in public/flonatel_RootServerSetup_README_avc.log \
	audit-userspace/auparse_test_test2.log \
	setroubleshoot/data_audit_bind_ports.log; do
	d=$(tmpdir)
	variants "$TESTDATA/audit/$log" "$d"
	groups_of "$d/raw" >"$d/want"
	check "$(basename "$log") has groups" grep -q _t "$d/want"
	for v in enriched enriched-lost node syslog journal dmesg ausearch-i crlf glued; do
		groups_of "$d/$v" >"$d/got"
		check "$(basename "$log") as $v: same groups" diff -u "$d/want" "$d/got"
	done
done

# Several files are read in order, like rotated logs.
f=$TESTDATA/audit/public/flonatel_RootServerSetup_README_avc.log
head -30 "$f" >"$T_TMP/log.1"
tail -n +31 "$f" >"$T_TMP/log"
check_eq "rotated logs read in order give the groups of the whole" \
	"$(groups_of "$f")" \
	"$("$LABEL" review --json -p "$POLICY" "$T_TMP/log.1" "$T_TMP/log" 2>/dev/null | $PY -c '
import json, sys
d = json.load(sys.stdin)
for g in sorted(d["groups"], key=lambda g: (g["source"], g["target"], g["class"])):
    print(g["source"], g["target"], g["class"], g["count"], ",".join(sorted(g["perms"])), g["reason"], g["fix"])
print("malformed", d["stats"]["malformed"])')"
check_eq "stdin gives the same groups" "$(groups_of "$f")" \
	"$(groups_of /dev/stdin <"$f")"
exit 0
