#!/bin/bash
# 4E-review-relabel-allowed - review offers restorecon only when the
# policy allows the denied access with the type the file contexts give
# (issue 14, point 4).  A maillog at /srv/logs/maillog labeled var_log_t
# is var_t by the file contexts, and master may not append to var_t
# (sesearch is the oracle): the fix is the [log] section, which
# pfsel-gen emit accepts, not a relabel.  The control: main.cf left
# var_t is relabeled, postfix_etc_t being readable.  Run on the host's
# policy and on each Red Hat kit present.
source "$PFSEL_TOP/tests/lib/testlib.sh"

avc() { # serial perms type class path
	echo "type=AVC msg=audit(1700000002.$1:$1): avc:  denied  { $2 } for  pid=9 comm=\"master\" path=\"$5\" dev=\"vda1\" ino=5 scontext=system_u:system_r:postfix_master_t:s0 tcontext=system_u:object_r:$3:s0 tclass=$4 permissive=0"
}
fix_of() { # log
	review_group 'g["fix"], (g.get("file_context") or {}).get("type")' \
		-r "$root" "$1"
}

for target in $(policy_targets); do
	root=$(target_root "$target")
	avc 11 "append open" var_log_t file /srv/logs/maillog >"$T_TMP/log.log"
	check_eq "$target: the file contexts say var_t" var_t "$(fc_type "$root" /srv/logs/maillog file)"
	check_denied "$root" postfix_master_t var_t file append
	check_eq "$target: no relabel to var_t, the [log] section" "spec var_t" \
		"$(fix_of "$T_TMP/log.log")"
	check_fails "$target: the text offers no restorecon" sh -c \
		"'$LABEL' review -r '$root' '$T_TMP/log.log' | grep -q restorecon"
	"$LABEL" review --spec -r "$root" "$T_TMP/log.log" >"$T_TMP/log.spec" 2>/dev/null
	check "$target: [log] names the file" grep -qx 'maillog_file = /srv/logs/maillog' "$T_TMP/log.spec"
	d=$(tmpdir)
	{ printf '[module]\nname = rvlog\n\n'; cat "$T_TMP/log.spec"; } >"$d/s.spec"
	check "$target: pfsel-gen emit accepts it" \
		sh -c "'$GEN' emit '$d/s.spec' -o '$d/out' --root '$root' >/dev/null"

	# control: a relabel that fixes the access is still the fix
	avc 12 "read open" var_t file /etc/postfix/main.cf >"$T_TMP/cf.log"
	check_allowed "$root" postfix_master_t postfix_etc_t file read
	check_eq "$target: main.cf left var_t is relabeled" "relabel postfix_etc_t" \
		"$(fix_of "$T_TMP/cf.log")"
done
exit 0
