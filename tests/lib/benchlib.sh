# benchlib.sh - what the benchmarks in tests/bench share (sourced; set
# BENCH, the name their lines start with, first).

# now: the wall clock, for secs.  secs T0 T1: the seconds between.
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# calc EXPR: an awk expression's value.
calc() { awk "BEGIN { print ($1) }"; }

# say TEXT: a line of the report.  die TEXT: the benchmark failed; a time
# is only worth what the command did.
say() { printf 'bench %s: %s\n' "$BENCH" "$*"; }
die() { say "FAILED: $*"; exit 1; }

# On a shared machine the kernel's autogroup scheduler gives each session
# one share of the CPUs however many threads it runs, so other tenants'
# load hides thread scaling and can take a core from one tool measured
# and not from the other.  As root, each timed command runs as
# "${boost[@]}" COMMAND: in a session of its own with a raised autogroup
# priority, the same for every tool (PFSEL_BENCH_BOOST=0 turns this off).
boost=()
if [ "${PFSEL_BENCH_BOOST:-1}" = 1 ] && [ "$(id -u)" = 0 ] &&
	[ -w /proc/self/autogroup ]; then
	boost=(setsid -w sh -c 'echo -20 >/proc/$$/autogroup && exec "$@"' sh)
fi
