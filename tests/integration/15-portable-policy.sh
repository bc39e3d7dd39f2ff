#!/bin/bash
# Properties that let a generated module build on Fedora's policy as well
# as on refpolicy, and keep it reviewable, checked on every example:
# - postfix_master_t is required wherever postfix_server_domain_template
#   is used (Fedora's template uses it without requiring it);
# - runtime types use files_runtime_file only behind
#   ifdef(`files_runtime_file', ..., files_pid_file(...));
# - every file type transition is named (an unnamed var_run_t one clashes
#   with the one postfix_domain has);
# - no permissive domain, no wildcard or complement permission, no
#   unconfined interface;
# - every policy block names the spec line it comes from.
source "$PFSEL_TOP/tests/lib/testlib.sh"

for spec in "$PFSEL_TOP"/examples/*/spec.ini; do
	name=$(basename "$(dirname "$spec")")
	out=$(tmpdir)
	"$GEN" emit "$spec" -o "$out" >/dev/null || { not_ok "$name: emit"; continue; }
	te=$(echo "$out"/*.te)
	if grep -q postfix_server_domain_template "$te"; then
		check "$name: postfix_master_t required before the template" \
			awk '/type postfix_master_t;/ { req = 1 }
			     /postfix_server_domain_template/ { if (!req) exit 1 }' "$te"
	fi
	runtime=$(grep -c 'files_runtime_file(' "$te")
	guarded=$(grep -c "ifdef(\`files_runtime_file'" "$te")
	pid=$(grep -c 'files_pid_file(' "$te")
	check_eq "$name: files_runtime_file always guarded, with files_pid_file" \
		"$runtime $runtime" "$guarded $pid"
	check_eq "$name: no unnamed file transition" "" \
		"$(grep -E '^(filetrans_pattern|type_transition)' "$te" |
			grep -vE '"[^"]*"'"'"'?[);]$' )"
	check_eq "$name: no permissive, wildcard, complement or unconfined" "" \
		"$(grep -nE '^\s*permissive|[{ ]\*[ };]|~|unconfined_' "$te")"
	# Every rule is traced to the nearest "# SPEC:LINE:" comment above
	# it, and that line of the spec holds a section or a key.
	check "$name: every rule traces to a section or key line of the spec" \
		awk -v spec="$spec" '
		FNR == NR { real[FNR] = ($0 ~ /^[[:space:]]*(\[|[a-z_]+[[:space:]]*=)/); next }
		index($0, "# " spec ":") == 1 { split(substr($0, length(spec) + 4), f, ":"); at = f[1] }
		/^(allow|type |typeattribute|filetrans|[a-z_]+_pattern|[a-z_]+\()/ &&
		    !/^policy_module/ {
			if (!at || !real[at]) { print "untraced: " $0; bad = 1 } }
		END { exit bad }' "$spec" "$te"
done
exit $T_FAILED
