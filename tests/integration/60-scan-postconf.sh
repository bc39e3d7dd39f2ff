#!/bin/bash
# 60-scan-postconf - pfsel's main.cf/master.cf reader against the real
# Postfix: for every configuration in tests/data/postfix-configs, the
# values "pfsel-gen scan --print" computes must equal what postconf(1)
# prints (-n -x for main.cf, -M, -F and -P for master.cf).  The two pairs
# postconf rejects must be rejected too, with a file:line error.
source "$PFSEL_TOP/tests/lib/testlib.sh"

CONFIGS=$TESTDATA/postfix-configs
command -v postconf >/dev/null || { not_ok "postconf is installed"; exit 1; }

# postconf prints values with runs of blanks collapsed; so does --print.
norm() { tr -s ' \t' ' ' | sed 's/ $//' | LC_ALL=C sort; }

# debugger_command holds $process_id: postconf's pid is not ours.
drop_pid() { grep -v '^debugger_command = '; }

for dir in "$CONFIGS"/*/; do
	dir=${dir%/}
	name=$(basename "$dir")
	[ -f "$dir/main.cf" ] || continue
	if ! postconf -c "$dir" -n >/dev/null 2>&1; then
		# postconf's own verdict: this pair is not a valid configuration.
		err=$("$GEN" scan -c "$dir" --print n 2>&1 >/dev/null)
		rc=$?
		check "$name: rejected like postconf rejects it (rc=$rc)" \
			test "$rc" = 2
		check "$name: the error names file:line ($err)" \
			grep -Eq '/(main|master)\.cf:[0-9]+: ' <<<"$err"
		check_fails "$name: rejected also when scanning" \
			"$GEN" scan -c "$dir" -o "$T_TMP/never.spec"
		check_fails "$name: no spec written on error" \
			test -e "$T_TMP/never.spec"
		continue
	fi
	postconf -c "$dir" -n -x 2>/dev/null | drop_pid | norm >"$T_TMP/want"
	"$GEN" scan -c "$dir" --print n | drop_pid | norm >"$T_TMP/got"
	missing=$(LC_ALL=C comm -23 "$T_TMP/want" "$T_TMP/got")
	check_eq "$name: main.cf values equal postconf -n -x \
($(wc -l <"$T_TMP/want") parameters)" "" "$missing"
	for opt in M F P; do
		postconf -c "$dir" -$opt 2>/dev/null | norm >"$T_TMP/want"
		"$GEN" scan -c "$dir" --print $opt | norm >"$T_TMP/got"
		check_eq "$name: master.cf equals postconf -$opt \
($(wc -l <"$T_TMP/want") lines)" "" \
			"$(diff "$T_TMP/want" "$T_TMP/got")"
	done
done

# The built-in defaults (no postconf -d) must agree where the
# configurations reference unset parameters.
for name in docker-mailserver--composed-defaults pfsel-site; do
	postconf -c "$CONFIGS/$name" -n -x 2>/dev/null | drop_pid |
		norm >"$T_TMP/want"
	"$GEN" scan -c "$CONFIGS/$name" --builtin-defaults --print n |
		drop_pid | norm >"$T_TMP/got"
	check_eq "$name: built-in defaults give postconf's values too" "" \
		"$(LC_ALL=C comm -23 "$T_TMP/want" "$T_TMP/got")"
done
exit $T_FAILED
