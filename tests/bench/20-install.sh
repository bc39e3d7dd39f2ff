#!/bin/bash
# 20-install - how long the full example spec takes to emit, to build, and
# to install in ONE policy store transaction, beside the naive sequence
# measured in the same run on another scratch store: one "semodule -i"
# for the module, then one store transaction per port label, as
# "semanage port -a/-m" does (python3-semanage, because semanage(8)
# cannot work on a scratch root).  Both stores must end the same.
#
#   tests/bench/20-install.sh BUILD_DIR   ($BENCH_SPEC overrides the spec)
set -u
PFSEL_BIN=$(cd "${1:-build}" && pwd)
export PFSEL_BIN
source "$PFSEL_TOP/tests/lib/testlib.sh"
BENCH=install
source "$PFSEL_TOP/tests/lib/benchlib.sh"
spec=${BENCH_SPEC:-$PFSEL_TOP/examples/full/spec.ini}

ports_records() { # ROOT: the local port records, sorted
	grep '^portcon' "$1/var/lib/selinux/default/active/ports.local" \
		2>/dev/null | sort
}

[ -f "$spec" ] || die "no spec $spec"
work=$(tmpdir)
root_one=$(scratch_root) || die "scratch root"
root_naive=$(scratch_root) || die "scratch root"

t0=$(now)
"$GEN" emit "$spec" -o "$work" >/dev/null || die "emit"
t1=$(now)
pp=$("$GEN" build "$spec" -o "$work") || die "build"
t2=$(now)
module=$(basename "$pp" .pp)
say "spec $spec, module $module"
say "emit                       $(secs "$t0" "$t1") s"
say "build                      $(secs "$t1" "$t2") s"

# The port labels the install applied are in its manifest; the naive run
# applies the same ones.
t3=$(now)
out=$("$GEN" install "$spec" -o "$work/one" --root "$root_one" 2>&1) ||
	die "install: $out"
t4=$(now)
txn=$(sed -n 's/.*in one transaction (\([0-9.]*\) s).*/\1/p' <<<"$out")
manifest=$root_one/var/lib/pfsel/$module.manifest
nports=$(grep -c '^port ' "$manifest")
say "install (build + 1 transaction) $(secs "$t3" "$t4") s, of which the transaction $txn s ($nports port labels)"

t5=$(now)
semodule -p "$root_naive" -i "$pp" 2>/dev/null || die "semodule -i"
t6=$(now)
while read -r _ proto low high type _; do
	range=$low
	[ "$low" = "$high" ] || range=$low-$high
	# one transaction per port label, as "semanage port -a" (or -m)
	semanage_port_set "$root_naive" "$proto:$range:$type" ||
		die "port transaction $proto/$range"
done < <(grep '^port ' "$manifest")
t7=$(now)
naive=$(secs "$t5" "$t7")
say "naive: semodule -i $(secs "$t5" "$t6") s + $nports port transactions $(secs "$t6" "$t7") s = $naive s"

same=no
if cmp -s <(semodule -p "$root_one" -l) <(semodule -p "$root_naive" -l) &&
	cmp -s <(ports_records "$root_one") <(ports_records "$root_naive"); then
	same=yes
fi
say "both stores end with the same modules and port labels: $same"
ratio=$(awk -v a="$naive" -v b="$txn" 'BEGIN { printf "%.2f", a / b }')
# One transaction holds what the naive sequence does in several, plus the
# checks before it (impact, ports): it may not cost more than the naive
# sequence, give or take the noise of a loaded machine.
say "ratio naive / one transaction: ${ratio}x (target: at least 0.8x)"
[ "$same" = yes ] || die "the two stores differ"
awk -v r="$ratio" 'BEGIN { exit !(r >= 0.8) }' ||
	die "one transaction is slower than the naive sequence"
