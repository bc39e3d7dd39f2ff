#!/bin/sh
# scratch-root.sh - make DIR a scratch root holding a copy of this
# machine's SELinux policy and policy store.
#
# semanage_set_root(3), "semodule -p DIR", "setfiles -r DIR" and
# "pfsel-gen install --root DIR" then work on the copy; the machine's
# own store is only read.
set -eu
[ $# -eq 1 ] || { echo "usage: scratch-root.sh DIR" >&2; exit 2; }
dir=$1
mkdir -p "$dir/etc" "$dir/var/lib"
cp -a /etc/selinux "$dir/etc/"
cp -a /var/lib/selinux "$dir/var/lib/"
# Lock files are per store; stale copies would only confuse.
rm -f "$dir"/var/lib/selinux/*/semanage.*.LOCK
echo "$dir"
