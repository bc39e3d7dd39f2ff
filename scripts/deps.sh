#!/bin/sh
# deps.sh - install the Debian 12 packages pfsel needs, only those missing.
#
# Called by "make demo", "make check", "make bench" and "make fuzz"; safe
# to run again.  Recommends are not installed: every package the project
# uses is named here.  PFSEL_DEPS_EXTRA adds packages (tests/vm uses it).
set -eu

packages="
build-essential pkg-config clang libclang-rt-14-dev
libselinux1-dev libpcre2-dev libsepol-dev libsemanage-dev libinih-dev libcmocka-dev
libauparse-dev
checkpolicy semodule-utils policycoreutils policycoreutils-python-utils policycoreutils-dev
selinux-utils selinux-policy-default selinux-policy-dev setools selint
python3-audit python3-semanage python3-setools auditd ansible-core
postfix valgrind attr m4 make python3 time strace zstd
git dpkg-dev debhelper lintian rpm cpio bash-completion
${PFSEL_DEPS_EXTRA:-}
"

missing=
for p in $packages; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "deps.sh: missing packages:$missing; run as root to install" >&2
	exit 1
fi
echo "deps.sh: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# Postfix asks how it is used; "Local only" keeps it off the network.
echo "postfix postfix/main_mailer_type select Local only" |
	debconf-set-selections
echo "postfix postfix/mailname string pfsel.localdomain" |
	debconf-set-selections
apt-get update -q >/dev/null
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
