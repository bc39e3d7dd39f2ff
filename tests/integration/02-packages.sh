#!/bin/bash
# The packages a distribution would take.  From a clean clone of HEAD:
# dpkg-buildpackage builds pfsel_*.deb, lintian finds no error in it,
# "make dist" writes the release tarball and rpmbuild builds the RPM from
# it.  Both hold what the source tree says must be installed (programs,
# every man page, all of policy/ and examples/, the bash completions, the
# verify units and the verify hook of its package manager),
# with the data directory /usr/share/pfsel compiled in, and the runtime
# dependencies pfsel-gen build needs.  Each package is built once.
source "$PFSEL_TOP/tests/lib/testlib.sh"
work=$(tmpdir)
src=$work/pfsel
log=$work/log
mkdir -p "$log"
if ! git clone -q "$PFSEL_TOP" "$src"; then
	not_ok "git clone of $PFSEL_TOP (the test needs a git checkout)"
	exit 1
fi
ver=$(cat "$src/VERSION")
check "VERSION holds a version" grep -qE '^[0-9]+(\.[0-9]+)+$' "$src/VERSION"
check_eq "debian/changelog's upstream version is VERSION's" "$ver" \
	"$(cd "$src" && dpkg-parsechangelog -S Version | sed 's/-[^-]*$//')"
check_eq "pfsel.spec's Version is VERSION's" "$ver" \
	"$(rpmspec -q --srpm --qf '%{version}' "$src/pfsel.spec" 2>/dev/null)"

# What must be installed, from the source tree itself, as the paths the
# packages hold (man pages compressed or not).
expected() {
	local f
	echo /usr/bin/pfsel-gen
	echo /usr/bin/pfsel-label
	echo /usr/share/bash-completion/completions/pfsel-gen
	echo /usr/share/bash-completion/completions/pfsel-label
	echo /usr/lib/systemd/system/pfsel-verify.service
	echo /usr/lib/systemd/system/pfsel-verify.timer
	(cd "$src" && git ls-files man policy examples) | while read -r f; do
		case $f in
		man/*) echo "/usr/share/man/man${f##*.}/${f#man/}" ;;
		policy/*) echo "/usr/share/pfsel/$f" ;;
		examples/*) echo "/usr/share/doc/pfsel/$f" ;;
		esac
	done | sort
}
# normalized < LISTING: files only, without .gz on man pages and without
# what each format adds (Debian's copyright and changelog, RPM's
# build-id links, README.org).
normalized() {
	sed -e 's,^\./,/,' -e 's,^\(/usr/share/man/.*\)\.gz$,\1,' |
		grep -v -e '/$' -e '^/usr/lib/\.build-id' \
			-e '^/usr/share/doc/pfsel/\(copyright\|changelog\.Debian\.gz\|README\.org\(\.gz\)\?\)$' |
		sort
}
want=$(expected)
# The verify hook of each package manager (pfsel-gen(1), VERIFY AFTER
# POLICY UPGRADES) goes into its own package only.
want_deb=$(printf '%s\n' "$want" /etc/apt/apt.conf.d/80pfsel-verify \
	/usr/libexec/pfsel/pfsel-apt-hook | sort)
want_rpm=$(printf '%s\n' "$want" \
	/etc/dnf/plugins/post-transaction-actions.d/pfsel.action | sort)
check "the man pages named by the issue are in the list" \
	grep -qx -e /usr/share/man/man1/pfsel-gen.1 <<<"$want"
for m in man1/pfsel-label.1 man5/pfsel-spec.5; do
	check "  and $m" grep -qx "/usr/share/man/$m" <<<"$want"
done

# man_paths_ok DIR: the man pages unpacked in DIR name /usr/share/pfsel
# or /usr/share/doc/pfsel paths, and each exists in DIR.
man_paths_ok() {
	local p paths rc=0
	paths=$(zcat -f "$1"/usr/share/man/man*/* 2>/dev/null |
		grep -o '/usr/share/\(doc/\)\?pfsel[^ ]*' | sed 's/[,.;)]*$//' | sort -u)
	[ -n "$paths" ] || return 1
	for p in $paths; do
		[ -e "$1$p" ] || { echo "  named but not packaged: $p"; rc=1; }
	done
	return $rc
}

# --- .deb --------------------------------------------------------------
if (cd "$src" && DEB_BUILD_OPTIONS=noddebs dpkg-buildpackage -us -uc -b) \
	>"$log/deb" 2>&1; then
	ok "dpkg-buildpackage -us -uc -b in a clean clone"
else
	not_ok "dpkg-buildpackage -us -uc -b in a clean clone"
	tail -20 "$log/deb"
fi
deb=$(ls "$work"/pfsel_"$ver"-*_*.deb 2>/dev/null | head -1)
check "it wrote pfsel_${ver}-*.deb" test -s "$deb"
debfiles=$(dpkg-deb -c "$deb" 2>/dev/null | awk '{print $6}' | normalized)
check_eq "the .deb holds exactly what the source tree says is installed" \
	"$want_deb" "$debfiles"
[ "$want_deb" = "$debfiles" ] || diff <(echo "$want_deb") <(echo "$debfiles") | head
deps=$(dpkg-deb -f "$deb" Depends 2>/dev/null)
for d in checkpolicy semodule-utils selinux-policy-dev m4 make libselinux1 libsemanage2; do
	check "the .deb depends on $d" grep -qE "(^|, )$d( |,|$)" <<<"$deps"
done
# lintian's exit status is 1 when it reports an error (warnings pass).
if [ -s "$deb" ] && lintian "$deb" >"$log/lintian" 2>&1; then
	ok "lintian reports no error"
else
	not_ok "lintian reports no error"
	grep '^E:' "$log/lintian" 2>/dev/null
fi
x=$work/deb-root
dpkg-deb -x "$deb" "$x"
check "the packaged pfsel-gen looks in /usr/share/pfsel" \
	grep -qa /usr/share/pfsel "$x/usr/bin/pfsel-gen"
check "the packaged pfsel-gen emits with the packaged policy data" \
	env PFSEL_DATADIR="$x/usr/share/pfsel" "$x/usr/bin/pfsel-gen" \
	emit "$x/usr/share/doc/pfsel/examples/vmail/spec.ini" -o "$work/emit"
check "the module it emitted is there" test -s "$work/emit/postfix_vmail.te"
check "the packaged man pages name packaged paths" man_paths_ok "$x"
check "pfsel-spec(5) names the examples' installed place" \
	bash -c 'zcat "$0" | grep -q /usr/share/doc/pfsel/examples' \
	"$x/usr/share/man/man5/pfsel-spec.5.gz"

# --- release tarball and .rpm --------------------------------------------
rpmtop=$work/rpm
mkdir -p "$rpmtop/SOURCES"
tarball=$(make -s -C "$src" dist BUILD="$rpmtop/SOURCES" 2>"$log/dist" | tail -1)
check_eq "make dist writes pfsel-VERSION.tar.gz" \
	"$rpmtop/SOURCES/pfsel-$ver.tar.gz" "$tarball"
check_eq "the tarball holds the tracked files under pfsel-VERSION/" \
	"$(cd "$src" && git ls-files | sed "s,^,pfsel-$ver/," | sort)" \
	"$(tar -tzf "$tarball" | grep -v '/$' | sort)"
# --nodeps: Debian's rpmbuild checks BuildRequires against the rpm
# database, which is empty on Debian; deps.sh installs the Debian
# packages that provide them.
if rpmbuild -bb --nodeps --define "_topdir $rpmtop" "$src/pfsel.spec" \
	>"$log/rpm" 2>&1; then
	ok "rpmbuild -bb pfsel.spec from the release tarball"
else
	not_ok "rpmbuild -bb pfsel.spec from the release tarball"
	tail -20 "$log/rpm"
fi
rpm=$(ls "$rpmtop"/RPMS/*/pfsel-"$ver"-*.rpm 2>/dev/null | head -1)
check "it wrote pfsel-${ver}-*.rpm" test -s "$rpm"
# rpm -qlp lists directories too; the .deb's list above has files only.
rpmdirs=$(rpm -qp --qf '[%{FILEMODES:perms} %{FILENAMES}\n]' "$rpm" 2>/dev/null |
	awk '$1 ~ /^d/ { print $2 }' | sort)
rpmfiles=$(rpm -qlp "$rpm" 2>/dev/null | sort | comm -23 - <(echo "$rpmdirs") |
	normalized)
check_eq "rpm -qlp lists the same files as the .deb (the DNF action for the APT hook)" \
	"$want_rpm" "$rpmfiles"
[ "$want_rpm" = "$rpmfiles" ] || diff <(echo "$want_rpm") <(echo "$rpmfiles") | head
reqs=$(rpm -qRp "$rpm" 2>/dev/null)
for d in checkpolicy selinux-policy-devel policycoreutils m4 make; do
	check "the .rpm requires $d" grep -qx "$d" <<<"$reqs"
done
r=$work/rpm-root
mkdir -p "$r"
(cd "$r" && rpm2cpio "$rpm" | cpio -idm --quiet)
check "the packaged pfsel-label looks in /usr/share/pfsel" \
	grep -qa /usr/share/pfsel "$r/usr/bin/pfsel-label"
check "the RPM's man pages name packaged paths" man_paths_ok "$r"
exit $T_FAILED
