#!/bin/bash
# "make install" honours PREFIX and DESTDIR: programs, policy data, man
# pages, examples and bash completions land under DESTDIR/PREFIX, the
# programs look for their data under PREFIX, the man pages name PREFIX's
# paths, and the installed copy works.
source "$PFSEL_TOP/tests/lib/testlib.sh"
dest=$(tmpdir)
build=$(tmpdir)
check "make install DESTDIR PREFIX=/opt/pfsel" \
	make -s -C "$PFSEL_TOP" BUILD="$build" DESTDIR="$dest" PREFIX=/opt/pfsel install
for f in bin/pfsel-gen bin/pfsel-label share/pfsel/policy/README \
	share/pfsel/policy/fragments/daemon.te share/man/man1/pfsel-gen.1 \
	share/man/man5/pfsel-spec.5 share/man/man1/pfsel-label-review.1 \
	share/doc/pfsel/examples/README share/doc/pfsel/examples/full/spec.ini \
	share/bash-completion/completions/pfsel-gen \
	share/bash-completion/completions/pfsel-label; do
	check "installed $f" test -s "$dest/opt/pfsel/$f"
done
check_eq "every example is installed" "$(cd "$PFSEL_TOP/examples" && find . -type f | sort)" \
	"$(cd "$dest/opt/pfsel/share/doc/pfsel/examples" && find . -type f | sort)"
check "pfsel-spec(5) names the installed examples" \
	grep -q '^\.I /opt/pfsel/share/doc/pfsel/examples$' "$dest/opt/pfsel/share/man/man5/pfsel-spec.5"
check "pfsel-gen(1) names the installed data directory" \
	grep -q '^\.I /opt/pfsel/share/pfsel/policy$' "$dest/opt/pfsel/share/man/man1/pfsel-gen.1"
check_eq "no man page names the default PREFIX's paths" "" \
	"$(grep -l /usr/local/share "$dest"/opt/pfsel/share/man/man*/*)"
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
