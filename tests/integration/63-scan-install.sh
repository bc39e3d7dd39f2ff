#!/bin/bash
# 63-scan-install - the spec "pfsel-gen scan" writes for each
# configuration in tests/data/postfix-configs is one pfsel-gen accepts
# end to end: it emits, builds (checkmodule/semodule_package) and installs
# into a scratch copy of the machine's policy store.
source "$PFSEL_TOP/tests/lib/testlib.sh"

CONFIGS=$TESTDATA/postfix-configs

# A configuration that names directories below itself (pfsel-site's
# postmulti instances) is read from a copy under /var/cache: the policy
# gives paths below /tmp no type at all ("/tmp/.*  <<none>>"), and the
# checkout may be anywhere, /tmp included.
copies=$(mktemp -d /var/cache/pfsel-test.XXXXXX)
trap 'rm -rf "$copies" "$T_TMP"' EXIT # testlib's trap, and ours
cp -a "$CONFIGS"/. "$copies"/

for want in "$CONFIGS"/expected/*.sections; do
	name=$(basename "$want" .sections)
	[ -s "$want" ] || continue # the pairs postconf rejects
	d=$(tmpdir)
	if ! "$GEN" scan -c "$copies/$name" -o "$d/site.spec"; then
		not_ok "$name: scan"
		continue
	fi
	check "$name: emit" "$GEN" emit "$d/site.spec" -o "$d/emit"
	check "$name: emitted postfix_site.te" test -s "$d/emit/postfix_site.te"
	check "$name: build" "$GEN" build "$d/site.spec" -o "$d/build"
	check "$name: built postfix_site.pp" test -s "$d/build/postfix_site.pp"
	root=$(scratch_root) || { not_ok "$name: scratch root"; continue; }
	check "$name: install into a scratch store" \
		"$GEN" install "$d/site.spec" --root "$root"
	check "$name: module is in the scratch store" \
		test -d "$root/var/lib/selinux/default/active/modules/400/postfix_site"
	rm -rf "$root"
done
exit $T_FAILED
