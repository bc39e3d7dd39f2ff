# targets.sh - every spec through emit, build, install and uninstall on
# every policy target (sourced by tests/integration/15-*.sh, 16-*.sh).
#
# One root per target: the host's policy (a scratch copy) and each Red
# Hat family kit (policy_targets).  Each module must be reviewable (no
# blanket grants, every rule traced to its spec line).  The specs are
# installed and uninstalled in sequence into that root's own store; at
# the end the store must be byte-identical to what it was (store_sum).
# selint, where it runs, reads each module with the target's own headers
# and types.
source "$PFSEL_TOP/tests/lib/testlib.sh"

# devel_of ROOT: the headers pfsel-gen must build with for ROOT.
devel_of() {
	if [ -f "$1/usr/share/selinux/devel/Makefile" ]; then
		echo "$1/usr/share/selinux/devel"
	else
		echo /usr/share/selinux/devel
	fi
}

# reviewable WHAT SPEC TE: no permissive domain, no wildcard or
# complement permission, no unconfined interface; every rule is traced to
# the nearest "# SPEC:LINE:" comment above it, and that line of the spec
# holds a section or a key.
reviewable() {
	check_eq "$1: no permissive, wildcard, complement or unconfined" "" \
		"$(grep -nE '^\s*permissive|[{ ]\*[ };]|~|unconfined_' "$3")"
	check "$1: every rule traces to a section or key line of the spec" \
		awk -v spec="$2" '
		FNR == NR { real[FNR] = ($0 ~ /^[[:space:]]*(\[|[a-z_]+[[:space:]]*=)/); next }
		index($0, "# " spec ":") == 1 { split(substr($0, length(spec) + 4), f, ":"); at = f[1] }
		/^(allow|type |typeattribute|filetrans|[a-z_]+_pattern|[a-z_]+\()/ &&
		    !/^policy_module/ {
			if (!at || !real[at]) { print "untraced: " $0; bad = 1 } }
		END { exit bad }' "$2" "$3"
}

# recipe_round TARGET ROOT LABEL SPEC: one spec, installed and removed.
recipe_round() {
	local target=$1 root=$2 label=$3 spec=$4 out module findings t
	t=$(selinux_type_of "$root")
	out=$(tmpdir)
	if ! "$GEN" emit "$spec" -o "$out" --root "$root" >/dev/null 2>"$T_TMP/err"; then
		not_ok "$target: $label: emit"
		cat "$T_TMP/err"
		return
	fi
	ok "$target: $label: emit"
	module=$(basename "$out"/*.te .te)
	reviewable "$target: $label" "$spec" "$out/$module.te"
	if [ -n "${SELINT_CTX:-}" ]; then
		findings=$(selint_findings "$out" "$module" \
			"$(devel_of "$root")/include" "$SELINT_CTX")
		check_eq "$target: $label: selint -l W finds nothing" "" "$findings"
	fi
	if ! "$GEN" install "$spec" -o "$out" --root "$root" >/dev/null 2>"$T_TMP/err"; then
		not_ok "$target: $label: build and install"
		cat "$T_TMP/err"
		return
	fi
	ok "$target: $label: build and install"
	check "$target: $label: built with the target's headers" \
		grep -qF "built with the devel headers of $(devel_of "$root")" "$T_TMP/err"
	check "$target: $label: $module in the $t store" \
		grep -qx "$module" <(semodule -p "$root" -s "$t" -l | awk '{print $1}')
	# A test may check more while the module is in: after_install TARGET
	# ROOT LABEL.
	if declare -F after_install >/dev/null; then
		after_install "$target" "$root" "$label"
	fi
	check "$target: $label: uninstall" \
		"$GEN" uninstall "$module" --root "$root" >/dev/null 2>&1
	check_fails "$target: $label: $module gone" \
		grep -qx "$module" <(semodule -p "$root" -s "$t" -l | awk '{print $1}')
}

# recipes_on_targets LABEL=SPEC...: every pair on every target.
recipes_on_targets() {
	local target root before pair ctx
	for target in $(policy_targets); do
		root=$(target_root "$target") || { not_ok "$target: root"; continue; }
		SELINT_CTX=
		if command -v selint >/dev/null; then
			ctx=$(tmpdir)
			selint_types "$root" "$ctx" && SELINT_CTX=$ctx
		fi
		before=$(store_sum "$root")
		for pair; do
			recipe_round "$target" "$root" "${pair%%=*}" "${pair#*=}"
		done
		check_eq "$target: store byte-identical after all installs and uninstalls" \
			"$before" "$(store_sum "$root")"
	done
}

# vm_specs_on_targets SCENARIO...: the tests/vm scenario specs named, each
# as its own module (check-vm.sh joins them under one [module] for the
# guest), through recipes_on_targets.
vm_specs_on_targets() {
	local specs s pairs=()
	specs=$(tmpdir)
	for s; do
		{
			printf '[module]\nname = pfsel_vm%s\n\n' "${s%%-*}"
			cat "$PFSEL_TOP/tests/vm/scenarios/$s/spec.ini"
		} >"$specs/$s.ini"
		pairs+=("vm $s=$specs/$s.ini")
	done
	recipes_on_targets "${pairs[@]}"
}
