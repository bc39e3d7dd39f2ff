#!/bin/bash
# After an install or an uninstall, "pfsel-label apply --changed-since"
# with the copy of the file contexts pfsel-gen took before the transaction
# relabels exactly the trees whose contexts changed: /srv/vmail on the
# way in and on the way out, never /srv/other.  setfiles -n -v is the
# oracle that nothing else is left to relabel.
source "$PFSEL_TOP/tests/lib/testlib.sh"
r=$(scratch_root)
for d in srv/vmail/example.org/u/new srv/vmail/example.org/u/cur srv/other/x; do
	mkdir -p "$r/$d"
	echo mail >"$r/$d/1"
done
find "$r/srv" -exec setfattr -h -n security.selinux -v system_u:object_r:var_t:s0 {} +
setfattr -h -n security.selinux -v system_u:object_r:etc_t:s0 "$r/srv/other/x/1"

out=$("$GEN" install "$PFSEL_TOP/examples/vmail/spec.ini" --root "$r" 2>&1)
check_eq "install succeeds" 0 $?
before=$(sed -n 's/.*--changed-since \([^ ]*\)$/\1/p' <<<"$out")
check "install names the copy of the contexts before it" test -s "$before"
relabeled=$("$LABEL" apply -r "$r" --changed-since "$before" 2>&1 |
	sed -n 's/^Relabeled \([^ ]*\) from .*/\1/p' | sed "s|^$r||" | sort)
check_eq "apply --changed-since relabels the new subtree only" \
	"$(cd "$r" && find srv/vmail | sed 's|^|/|' | sort)" "$relabeled"
check_eq "the mailbox is mail_spool_t now" system_u:object_r:mail_spool_t:s0 \
	"$(getfattr --absolute-names --only-values -h -n security.selinux "$r/srv/vmail/example.org/u/new/1" | tr -d "\0")"
check_eq "a wrong label outside the changed trees is left alone" \
	system_u:object_r:etc_t:s0 \
	"$(getfattr --absolute-names --only-values -h -n security.selinux "$r/srv/other/x/1" | tr -d "\0")"
check_eq "setfiles -n -v: nothing else under /srv/vmail" "" \
	"$(setfiles -n -v -r "$r" "$(fc_of "$r")" "$r/srv/vmail" 2>&1)"

out=$("$GEN" uninstall postfix_vmail --root "$r" 2>&1)
check_eq "uninstall succeeds" 0 $?
before=$(sed -n 's/.*--changed-since \([^ ]*\)$/\1/p' <<<"$out")
relabeled=$("$LABEL" apply -r "$r" --changed-since "$before" 2>&1 |
	sed -n 's/^Relabeled \([^ ]*\) from .*/\1/p' | sed "s|^$r||" | sort)
check_eq "after uninstall it relabels the same subtree back" \
	"$(cd "$r" && find srv/vmail | sed 's|^|/|' | sort)" "$relabeled"
check_eq "the mailbox is var_t again" system_u:object_r:var_t:s0 \
	"$(getfattr --absolute-names --only-values -h -n security.selinux "$r/srv/vmail/example.org/u/new/1" | tr -d "\0")"
check_eq "setfiles -n -v: /srv/vmail clean again" "" \
	"$(setfiles -n -v -r "$r" "$(fc_of "$r")" "$r/srv/vmail" 2>&1)"
exit $T_FAILED
