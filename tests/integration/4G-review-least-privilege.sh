#!/bin/bash
# 4G-review-least-privilege - the first fix grants least (issue 14,
# point 6).  A denial a global boolean (domain_can_mmap_files: every
# domain) would allow gets the narrow allow rule first, the boolean
# after it with a risk note (audit2why -p names the boolean: the
# oracle); smtpd run by master but left in postfix_master_t (its file
# mislabeled) gets restorecon of its program, whose file contexts say
# postfix_smtpd_exec_t (matchpathcon), not an allow rule; a dontaudit
# directory search alone is no fix at all, never write, add_name or
# create.  Run on the host's policy and on each Red Hat kit present.
source "$PFSEL_TOP/tests/lib/testlib.sh"

avc() { # serial perms type class
	echo "type=AVC msg=audit(1700000004.$1:$1): avc:  denied  { $2 } for  pid=9 comm=\"smtpd\" name=\"f\" scontext=system_u:system_r:postfix_master_t:s0 tcontext=system_u:object_r:$3:s0 tclass=$4 permissive=0"
}
syscall() { # serial exe
	echo "type=SYSCALL msg=audit(1700000004.$1:$1): arch=c000003e syscall=257 success=no exit=-13 items=1 ppid=1 pid=9 comm=\"smtpd\" exe=\"$2\" subj=system_u:system_r:postfix_master_t:s0 key=(null)"
}
group() { review_group "$2" -r "$root" "$1"; } # log expression over g

for target in $(policy_targets); do
	root=$(target_root "$target")
	pol=$(policy_of "$root")

	avc 31 map user_home_t file >"$T_TMP/map.log"
	if audit2why -p "$pol" -i "$T_TMP/map.log" 2>/dev/null | grep -q 'setsebool -P domain_can_mmap_files'; then
		check_eq "$target: the narrow rule first, the global boolean after it with a risk" \
			"allow domain_can_mmap_files True" \
			"$(group "$T_TMP/map.log" 'g["fix"], g["booleans"][0]["name"], g["boolean_risk"] is not None')"
		check "$target: the text says the boolean's risk" sh -c \
			"'$LABEL' review -r '$root' '$T_TMP/map.log' | grep -q 'RISK (boolean)'"
	else
		echo "ok - $target: global boolean: SKIPPED (audit2why -p offers no domain_can_mmap_files here)"
	fi

	smtpd=
	for p in /usr/libexec/postfix/smtpd /usr/lib/postfix/sbin/smtpd; do
		[ "$(fc_type "$root" "$p" file)" = postfix_smtpd_exec_t ] && smtpd=$p && break
	done
	check "$target: the file contexts give smtpd postfix_smtpd_exec_t" test -n "$smtpd"
	{ avc 32 "read open" user_home_t file; syscall 32 "$smtpd"; } >"$T_TMP/stuck.log"
	check_eq "$target: smtpd stuck in postfix_master_t: restorecon of its program" \
		"relabel $smtpd postfix_smtpd_exec_t True" \
		"$(group "$T_TMP/stuck.log" 'g["fix"], g["file_context"]["path"], g["file_context"]["type"], g["relabel_program"]')"
	check "$target: the text gives the command" sh -c \
		"'$LABEL' review -r '$root' '$T_TMP/stuck.log' | grep -q 'fix: restorecon -v $smtpd'"

	# krb5kdc_conf_t:dir search is dontaudit for postfix_master_t
	avc 33 search krb5kdc_conf_t dir >"$T_TMP/search.log"
	check_eq "$target: a dontaudit search alone needs no fix" "none dontaudit" \
		"$(group "$T_TMP/search.log" 'g["fix"], g["reason"]')"
	check_fails "$target: nor a rule or section that writes" sh -c \
		"'$LABEL' review --te rvsearch -r '$root' '$T_TMP/search.log' | grep -qE '^allow|write|add_name|create' ||
		 '$LABEL' review --spec -r '$root' '$T_TMP/search.log' | grep -q '^\['"
done
exit 0
