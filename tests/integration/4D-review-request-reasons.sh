#!/bin/bash
# 4D-review-request-reasons - a group's label never hides the reason of
# one of its requests (issue 14, point 3): a group whose write and
# add_name are missing TE rules is not "no fix needed" because another
# request of it (a search) is dontaudit, and --te writes its rule
# (audit2allow -p is the oracle); a request with a user the policy does
# not know, or a permission its class does not have, does not land
# under "no fix needed" or "constraints" (audit2why -p says invalid
# context: libsepol says the user is not defined); a group's permission list is not cut at 64.  Run on the
# host's policy and on each Red Hat kit present.
source "$PFSEL_TOP/tests/lib/testlib.sh"

avc() { # serial perms user type class
	echo "type=AVC msg=audit(1700000001.$1:$1): avc:  denied  { $2 } for  pid=9 comm=\"master\" name=\"d\" scontext=$3:system_r:postfix_master_t:s0 tcontext=system_u:object_r:$4:s0 tclass=$5 permissive=0"
}
group() { review_group "$2" "${ARGS[@]}" "$1"; } # log expression over g

run_on() {
	local what=$1
	# krb5kdc_conf_t:dir search is dontaudit for postfix_master_t in
	# Debian's and Red Hat's policies; write and add_name are not allowed
	{ avc 101 search system_u krb5kdc_conf_t dir
	  avc 102 "write add_name" system_u krb5kdc_conf_t dir; } >"$T_TMP/da.log"
	check_eq "$what: the requests are dontaudit and te (audit2why -p)" "dontaudit te" \
		"$(group "$T_TMP/da.log" '" ".join(r["reason"] for r in g["requests"])')"
	check_eq "$what: the group's fix is the allow rule, not none" allow \
		"$(group "$T_TMP/da.log" 'g["fix"]')"
	"$LABEL" review --te pfselrr "${ARGS[@]}" "$T_TMP/da.log" >"$T_TMP/pfselrr.te" 2>/dev/null
	check "$what: --te writes write and add_name" \
		grep -qE '^allow postfix_master_t krb5kdc_conf_t:dir \{.* add_name.* write|write.*add_name' "$T_TMP/pfselrr.te"
	check "$what: audit2allow -p grants write and add_name too" sh -c \
		"audit2allow -p '$POL' -i '$T_TMP/da.log' | grep -q 'krb5kdc_conf_t:dir.*add_name'"
	check "$what: checkmodule takes --te" \
		checkmodule -M -m -o "$T_TMP/pfselrr.mod" "$T_TMP/pfselrr.te"

	# the same request, once with system_u and once with a bogus user
	{ avc 201 read system_u etc_t file; avc 202 read pfsel_bogus_u etc_t file; } >"$T_TMP/user.log"
	check "$what: audit2why -p: libsepol: the bogus user is not defined" sh -c \
		"audit2why -p '$POL' -i '$T_TMP/user.log' 2>&1 | grep -q 'user pfsel_bogus_u is not defined'"
	check_eq "$what: a bogus user is an unknown context, not no fix" "unknown badscon" \
		"$(group "$T_TMP/user.log" 'g["fix"], g["reason"]')"
	check "$what: the text shows the allowed request beside it" sh -c \
		"'$LABEL' review ${ARGS[*]} '$T_TMP/user.log' | grep -q 'also: read x1: allowed'"

	avc 301 "read pfsel_noperm" system_u etc_t file >"$T_TMP/perm.log"
	check_eq "$what: an unknown permission is unknown, not no fix" "unknown ['pfsel_noperm']" \
		"$(group "$T_TMP/perm.log" 'g["fix"], g["unknown_perms"]')"

	avc 401 "$(seq -f 'pfsel_p%g' 1 70 | tr '\n' ' ')" system_u etc_t file >"$T_TMP/many.log"
	check_eq "$what: 70 permissions, none cut" "70 pfsel_p70" \
		"$(group "$T_TMP/many.log" 'len(g["perms"]), g["perms"][-1]')"
	check "$what: the text lists the 70th" sh -c \
		"'$LABEL' review ${ARGS[*]} '$T_TMP/many.log' | grep -q 'pfsel_p70 }'"
}

for target in $(policy_targets); do
	if [ "$target" = host ]; then
		POL=$(host_policy)
		ARGS=(-p "$POL")
	else
		root=$(target_root "$target")
		POL=$(policy_of "$root")
		ARGS=(-r "$root")
	fi
	run_on "$target"
done
exit 0
