#!/bin/bash
# demo.sh - the main job end to end on the shipped example, into a
# scratch root: generate, build, install, label, review.
#
#   scripts/demo.sh BUILD_DIR
#
# The scratch root holds a copy of this machine's policy store, so the
# machine's own policy is never changed.  It is kept (its path is
# printed) so that you can look around.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/${1:-build}
export PFSEL_DATADIR=$top
spec=$top/examples/full/spec.ini
root=$(mktemp -d /tmp/pfsel-demo.XXXXXX)
out=$root/module
step() { printf '\n==> %s\n' "$*"; }

step "scratch root $root (a copy of this machine's policy store)"
"$top/scripts/scratch-root.sh" "$root" >/dev/null

step "generate: pfsel-gen emit $spec"
"$build/pfsel-gen" emit "$spec" -o "$out" --root "$root"
sed -n '1,40p' "$out/postfix_site.te"
echo "   ... ($(wc -l <"$out/postfix_site.te") lines of .te, $(grep -c gen_context "$out/postfix_site.fc") file contexts)"

step "build: pfsel-gen build (selinux-policy devel toolchain)"
"$build/pfsel-gen" build "$spec" -o "$out" --root "$root"

step "install: module and port labels in one transaction"
"$build/pfsel-gen" install "$spec" -o "$out" --root "$root"
cat "$root/var/lib/pfsel/postfix_site.manifest"

step "label: the trees the module names, created with the wrong labels"
"$top/scripts/demo-tree.sh" "$root"
"$build/pfsel-label" check -r "$root" --manifest \
	"$root/var/lib/pfsel/postfix_site.manifest" | head -12 || true
"$build/pfsel-label" apply -r "$root" --manifest \
	"$root/var/lib/pfsel/postfix_site.manifest" | tail -3
if "$build/pfsel-label" check -r "$root" --manifest \
	"$root/var/lib/pfsel/postfix_site.manifest"; then
	echo "check after apply: every label is right"
fi

step "review: real denials from an enforcing guest running these recipes without pfsel"
logs=("$top"/tests/data/vm/*.audit.log)
"$build/pfsel-label" review -p "$(ls /etc/selinux/default/policy/policy.* | sort -t. -k2 -n | tail -1)" \
	"${logs[@]}" | head -70 || true
echo "   ..."

step "review: the same denials against the scratch root, module installed"
"$build/pfsel-label" review -r "$root" "${logs[@]}" | head -25 || true

step "done; the scratch root stays in $root"
