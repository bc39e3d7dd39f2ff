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
