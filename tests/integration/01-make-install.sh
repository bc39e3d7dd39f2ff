#!/bin/bash
# "make install" honours PREFIX and DESTDIR: programs, policy data and man
# pages land under DESTDIR/PREFIX, the programs look for their data under
# PREFIX, and the installed copy works.
source "$PFSEL_TOP/tests/lib/testlib.sh"
dest=$(tmpdir)
build=$(tmpdir)
check "make install DESTDIR PREFIX=/opt/pfsel" \
	make -s -C "$PFSEL_TOP" BUILD="$build" DESTDIR="$dest" PREFIX=/opt/pfsel install
for f in bin/pfsel-gen bin/pfsel-label share/pfsel/policy/README \
	share/pfsel/policy/fragments/daemon.te share/man/man1/pfsel-gen.1 \
	share/man/man5/pfsel-spec.5; do
	check "installed $f" test -s "$dest/opt/pfsel/$f"
done
check "the data directory compiled in is PREFIX's" \
	grep -q /opt/pfsel/share/pfsel "$dest/opt/pfsel/bin/pfsel-gen"
out=$(tmpdir)
check "the installed pfsel-gen emits with the installed policy data" \
	env PFSEL_DATADIR="$dest/opt/pfsel/share/pfsel" \
	"$dest/opt/pfsel/bin/pfsel-gen" emit "$PFSEL_TOP/examples/vmail/spec.ini" -o "$out"
check "control: with no data directory it fails" \
	bash -c '! env PFSEL_DATADIR=/nonexistent "$0" emit "$1" -o "$2" 2>/dev/null' \
	"$dest/opt/pfsel/bin/pfsel-gen" "$PFSEL_TOP/examples/vmail/spec.ini" "$(tmpdir)"
check "make uninstall removes it all" \
	make -s -C "$PFSEL_TOP" BUILD="$build" DESTDIR="$dest" PREFIX=/opt/pfsel uninstall
check_eq "nothing left but directories" "" "$(find "$dest" -type f)"
exit $T_FAILED
