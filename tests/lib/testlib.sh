# testlib.sh - helpers for pfsel's integration tests (sourced).
#
# Every check prints "ok - WHAT" or "not ok - WHAT"; tests/run.sh counts
# them.  Scratch roots are copies of the machine's policy (etc/selinux,
# var/lib/selinux) so that nothing here ever changes the system store.
set -u
: "${PFSEL_TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${PFSEL_BIN:=$PFSEL_TOP/build}"
: "${PFSEL_DATADIR:=$PFSEL_TOP}"
export PFSEL_DATADIR
GEN=$PFSEL_BIN/pfsel-gen
LABEL=$PFSEL_BIN/pfsel-label
TESTDATA=$PFSEL_TOP/tests/data
T_FAILED=0

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; T_FAILED=1; }

# check DESCRIPTION COMMAND...: ok when COMMAND succeeds.
check() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}

# check_fails DESCRIPTION COMMAND...: ok when COMMAND fails.
check_fails() {
	local what=$1
	shift
	if "$@"; then not_ok "$what"; else ok "$what"; fi
}

# check_eq DESCRIPTION EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1"
		printf '  expected: %s\n  actual:   %s\n' "$2" "$3"
	fi
}

# A temporary directory removed when the test exits.
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/pfsel-test.XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT
tmpdir() { mktemp -d "$T_TMP/d.XXXXXX"; }

# scratch_root: print a new scratch root with a copy of the machine's
# policy and store.
scratch_root() {
	local r
	r=$(tmpdir)
	"$PFSEL_TOP/scripts/scratch-root.sh" "$r" >/dev/null || return 1
	echo "$r"
}

# Policy queries against a (scratch) root, with the real tools.  The
# policy is the root's SELINUXTYPE: "default" on Debian, "targeted" in a
# Red Hat policy kit.
selinux_type_of() { sed -n 's/^SELINUXTYPE=//p' "$1/etc/selinux/config" | tail -1; }
policy_of() { ls "$1"/etc/selinux/"$(selinux_type_of "$1")"/policy/policy.* | sort -t. -k2 -n | tail -1; }
fc_of() { echo "$1/etc/selinux/$(selinux_type_of "$1")/contexts/files/file_contexts"; }
# The machine's own policy, read only: its binary policy (review -p),
# and checksums of its store for a test to show at its end that it never
# touched it.
host_policy() { policy_of ""; }
host_store_sum() {
	local t
	t=$(selinux_type_of "")
	md5sum "/var/lib/selinux/$t/active/policy.kern" /etc/selinux/"$t"/policy/policy.*
}

# The policies a test runs against: "host" (a scratch copy of this
# machine's) and every Red Hat family kit KIT.tar.zst in
# $PFSEL_POLICY_KITS (default ../shared/policy-kits beside the repository;
# see its README.md).  Without kits the test prints SKIPPED and the reason
# and runs on the host's policy alone.
: "${PFSEL_POLICY_KITS:=$PFSEL_TOP/../shared/policy-kits}"
policy_targets() {
	local kit found=0
	echo host
	for kit in "$PFSEL_POLICY_KITS"/*.tar.zst; do
		[ -f "$kit" ] || continue
		basename "$kit" .tar.zst
		found=1
	done
	[ $found = 1 ] || echo "SKIPPED - Red Hat family policies: no KIT.tar.zst in $PFSEL_POLICY_KITS (set PFSEL_POLICY_KITS)" >&2
}

# target_root TARGET: print a new root holding that policy (a scratch
# copy of the host's, or a fresh extraction of the kit).
target_root() {
	local r
	[ "$1" = host ] && { scratch_root; return; }
	r=$(tmpdir)
	zstd -dcq "$PFSEL_POLICY_KITS/$1.tar.zst" |
		tar -x -C "$r" --strip-components=1 || return 1
	echo "$r"
}

# store_sum ROOT: one line per file of ROOT's policy store and policy
# directory with its checksum, to compare a store byte for byte.  Left
# out: the lock files and active/commit_num, the counter libsemanage
# bumps on every commit.
store_sum() {
	local t
	t=$(selinux_type_of "$1")
	(cd "$1" && find "var/lib/selinux/$t" "etc/selinux/$t" -type f \
		! -name '*.LOCK' ! -name commit_num -print0 |
		LC_ALL=C sort -z | xargs -0 sha256sum)
}
# store_digest ROOT: store_sum in one line, for check_eq.
store_digest() { store_sum "$1" | sha256sum; }

# module_listed ROOT NAME: semodule lists module NAME in ROOT's store.
module_listed() { semodule -p "$1" -l | grep -qx "$2"; }

# semanage_port_set ROOT PROTO:PORT[-HIGH]:TYPE...: local port records
# set in one libsemanage transaction, as "semanage port -a/-m" sets one;
# semanage_port_del ROOT PROTO:PORT[-HIGH]...: deleted, as "semanage port
# -d" (semanage(8) cannot work on another root).
semanage_port_set() { semanage_ports set "$@"; }
semanage_port_del() { semanage_ports del "$@"; }
semanage_ports() { # set|del ROOT RECORD...
	/usr/bin/python3 - "$@" <<'PY'
import sys, semanage
mode, root, records = sys.argv[1], sys.argv[2], sys.argv[3:]
semanage.semanage_set_root(root)
sh = semanage.semanage_handle_create()
semanage.semanage_set_create_store(sh, 0)
semanage.semanage_set_reload(sh, 0)
semanage.semanage_msg_set_callback(sh, None, None)
assert semanage.semanage_connect(sh) >= 0
assert semanage.semanage_begin_transaction(sh) >= 0
for arg in records:
    proto, ports, typ = (arg + ":").split(":")[:3]
    low, _, high = ports.partition("-")
    low, high = int(low), int(high or low)
    p = {"tcp": semanage.SEMANAGE_PROTO_TCP, "udp": semanage.SEMANAGE_PROTO_UDP,
         "dccp": semanage.SEMANAGE_PROTO_DCCP,
         "sctp": semanage.SEMANAGE_PROTO_SCTP}[proto]
    _, key = semanage.semanage_port_key_create(sh, low, high, p)
    if mode == "del":
        assert semanage.semanage_port_del_local(sh, key) >= 0
        continue
    _, rec = semanage.semanage_port_create(sh)
    _, con = semanage.semanage_context_create(sh)
    semanage.semanage_context_set_user(sh, con, "system_u")
    semanage.semanage_context_set_role(sh, con, "object_r")
    semanage.semanage_context_set_type(sh, con, typ)
    if semanage.semanage_mls_enabled(sh) > 0:
        semanage.semanage_context_set_mls(sh, con, "s0")
    semanage.semanage_port_set_proto(rec, p)
    semanage.semanage_port_set_range(rec, low, high)
    semanage.semanage_port_set_con(sh, rec, con)
    assert semanage.semanage_port_modify_local(sh, key, rec) >= 0
assert semanage.semanage_commit(sh) >= 0
PY
}

# allowed ROOT SOURCE TARGET CLASS PERM: sesearch finds an allow rule
# (directly or through attributes) that grants it.
allowed() {
	local out
	out=$(sesearch -A -s "$2" -t "$3" -c "$4" -p "$5" "$(policy_of "$1")" 2>/dev/null) || return 1
	[ -n "$out" ]
}
# check_allowed / check_denied ROOT SOURCE TARGET CLASS PERM
check_allowed() { check "allowed: $2 $3:$4 $5" allowed "$@"; }
check_denied() { check_fails "denied: $2 $3:$4 $5" allowed "$@"; }

# type_transition ROOT SOURCE TARGET CLASS [NAME]: the new type of the
# (named) transition, if there is one.
type_transition() {
	sesearch -T -s "$2" -t "$3" -c "$4" "$(policy_of "$1")" 2>/dev/null |
		tr -d ';' | awk -v n="${5:-}" '$1 == "type_transition" &&
			(n == "" ? NF == 4 : $5 == n) { print $4 }' | head -1
}

# fc_type ROOT PATH [MODE]: the type matchpathcon gives PATH from ROOT's
# file contexts (MODE as matchpathcon -m: file, dir, ...).
fc_type() {
	local mode=()
	[ $# -ge 3 ] && mode=(-m "$3")
	matchpathcon -f "$(fc_of "$1")" "${mode[@]}" "$2" 2>/dev/null |
		awk '{print $NF}' | cut -d: -f3
}

# port_type ROOT PROTO PORT: the type the kernel would give the port:
# the first portcon in policy order that covers it (setools keeps the
# order of the binary policy, seinfo sorts).
port_type() {
	/usr/bin/python3 - "$(policy_of "$1")" "$2" "$3" <<'PY'
import sys, setools
pol, proto, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
for pc in setools.SELinuxPolicy(pol).portcons():
    if str(pc.protocol) == proto and pc.ports.low <= port <= pc.ports.high:
        print(pc.context.type_)
        break
PY
}

# escape_relabel_lines: setfiles -n -v output on stdin, its "Would
# relabel P from A to B" records (P may hold newlines) on stdout with P
# escaped as pfsel-label prints names (pfsel-label(1), lib/util/quote.h): an
# implementation of that rule of its own, so that setfiles stays the
# oracle for names no terminal should see raw.
escape_relabel_lines() {
	/usr/bin/python3 -c '
import re, sys
HIDDEN = set(range(0x80, 0xa0)) | {0x61c, 0x200e, 0x200f} | \
    set(range(0x2028, 0x202f)) | set(range(0x2066, 0x206a))
NAMED = {0x5c: b"\\\\", 0x0a: b"\\n", 0x09: b"\\t", 0x0d: b"\\r"}
def esc(b):
    out, i = bytearray(), 0
    while i < len(b):
        c = b[i]
        if 0x20 <= c < 0x7f and c != 0x5c:
            out.append(c); i += 1; continue
        ch = None
        for n in (2, 3, 4):
            try:
                ch = b[i:i + n].decode("utf-8")
                break
            except UnicodeDecodeError:
                pass
        if c >= 0x80 and ch is not None and len(ch) == 1 and ord(ch) not in HIDDEN:
            out += b[i:i + n]; i += n; continue
        out += NAMED.get(c, b"\\x%02x" % c); i += 1
    return bytes(out)
data = sys.stdin.buffer.read()
for p, a, b in re.findall(rb"Would relabel (.*?) from (\S+) to (\S+)\n", data, re.S):
    sys.stdout.buffer.write(b"Would relabel " + esc(p) + b" from " + a + b" to " + b + b"\n")
'
}

# setfiles_would ROOT PATH...: what "setfiles -n -v" would relabel under
# ROOT, in pfsel-label's escaped form, sorted: the oracle of check.
setfiles_would() {
	local root=$1
	shift
	setfiles -n -v -r "$root" "$(fc_of "$root")" "$@" 2>/dev/null |
		escape_relabel_lines | LC_ALL=C sort
}
# label_would ROOT [CHECK-ARGUMENT...]: the same from pfsel-label check.
label_would() {
	local root=$1
	shift
	"$LABEL" check -r "$root" "$@" 2>/dev/null |
		grep -a '^Would relabel' | LC_ALL=C sort
}

# status COMMAND...: print COMMAND's exit status, its output discarded.
status() { "$@" >/dev/null 2>&1; echo $?; }

# review_group EXPR REVIEW-ARGUMENT...: print(EXPR), EXPR a Python
# expression over g, the first group "pfsel-label review --json" gives.
review_group() {
	local expr=$1
	shift
	"$LABEL" review --json "$@" 2>/dev/null | /usr/bin/python3 -c \
		"import json,sys; g=json.load(sys.stdin)['groups'][0]; print($expr)"
}

# no_controls FILE [ALLOWED]: FILE is valid UTF-8 without control bytes
# but newline (and the bytes of ALLOWED): output safe for a terminal.
no_controls() {
	/usr/bin/python3 -c '
import sys
data = open(sys.argv[1], "rb").read()
data.decode("utf-8")
ok = b"\n" + sys.argv[2].encode()
sys.exit(1 if any((b < 0x20 and b not in ok) or b == 0x7f for b in data) else 0)' "$1" "${2:-}"
}

# man_long_options PAGE...: the long options the OPTIONS sections of the
# man pages (man/PAGE) list.
man_long_options() {
	local m
	for m in "$@"; do
		sed -n '/^\.SH OPTIONS/,/^\.SH [A-Z]/p' "$PFSEL_TOP/man/$m"
	done | grep -o '\\-\\-[a-z][a-z\\-]*' | sed 's/\\//g' | sort -u
}

# selint_types ROOT DIR: ROOT's types and attributes as a selint context
# file in DIR (the devel headers declare interfaces, not types).
selint_types() {
	/usr/bin/python3 - "$(policy_of "$1")" >"$2/distro_types.te" <<'PY'
import sys, setools
p = setools.SELinuxPolicy(sys.argv[1])
print("policy_module(distro_types, 1.0.0)")
for t in p.types():
    print("type %s;" % t)
for a in p.typeattributes():
    print("attribute %s;" % a)
PY
}

# selint_findings DIR NAME INCLUDE CTX: selint -l W findings on
# DIR/NAME.te/.fc/.if, one per line, with the headers INCLUDE and the
# types of selint_types CTX as context.
selint_findings() {
	(cd "$1" && selint -l W --context="$3" --context="$4" \
		"$2.te" "$2.fc" "$2.if" 2>&1 |
		grep -E '^[^ ]+\.(te|fc|if): +[0-9]+: \(')
}
