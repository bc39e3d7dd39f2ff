#!/bin/bash
# demo-tree.sh - create, inside a scratch root, the files the example
# module labels (queue, maildirs, logs, keys), all with a wrong label, as
# they are after a fresh install or a restore from backup.
set -euo pipefail
root=$1
wrong=system_u:object_r:var_t:s0
mk() { mkdir -p "$root$1"; }
for sub in active bounce corrupt defer deferred flush hold incoming \
	maildrop pid private public saved trace; do
	mk /srv/postfix/spool/$sub
	mk /var/spool/postfix-out/$sub
done
for u in alice bob; do
	for d in cur new tmp; do mk /srv/vmail/example.org/$u/$d; done
	for i in 1 2 3; do
		echo "message $i" >"$root/srv/vmail/example.org/$u/new/$i.demo"
	done
done
mk /var/log/postfix
: >"$root/var/log/postfix/mail.log"
mk /var/lib/opendkim/keys
echo "-----BEGIN PRIVATE KEY-----" >"$root/var/lib/opendkim/keys/mail.private"
mk /etc/postfix-out
: >"$root/etc/postfix-out/main.cf"
find "$root/srv" "$root/var/spool/postfix-out" "$root/var/log/postfix" \
	"$root/var/lib/opendkim" "$root/etc/postfix-out" \
	-exec setfattr -h -n security.selinux -v "$wrong" {} +
