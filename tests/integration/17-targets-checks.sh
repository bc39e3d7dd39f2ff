#!/bin/bash
# 17-targets-checks - what pfsel-gen asks the target before it writes or
# installs a module, on the host's policy and on every Red Hat family kit:
# - a call the target's devel headers do not define stops emit, naming
#   the spec line, and nothing is written;
# - a type a .fc labels files with, or a gen_require names, that the
#   target's binary policy lacks stops build (checkmodule never checks
#   .fc types; the store would refuse the module at install);
# - an interface only some targets have is used where the headers define
#   it (dkim_stream_connect), its pattern elsewhere;
# - a port another family labels differently is refused naming the
#   target's type.
# The errors are planted in copies of policy/.
source "$PFSEL_TOP/tests/lib/testlib.sh"
spec=$PFSEL_TOP/examples/queue/spec.ini
line=$(grep -n '^directory = ' "$spec" | cut -d: -f1)

planted() { # FRAGMENT TEXT: a copy of policy/ with TEXT added to FRAGMENT
	local data
	data=$(tmpdir)
	cp -R "$PFSEL_TOP/policy" "$data/"
	printf '%s\n' "$2" >>"$data/policy/fragments/$1"
	echo "$data"
}
no_call=$(planted queue.te 'files_pfsel_no_such_interface(postfix_master_t)')
no_fc_type=$(planted queue.fc \
	'@PATH_RE@/pfsel	gen_context(system_u:object_r:pfsel_no_such_t,s0)')
no_req_type=$(planted queue.te "gen_require(\`
	type pfsel_no_such_t;
')")

# expect_error WHAT WANT COMMAND...: fails with status 2, WANT in stderr.
expect_error() {
	local what=$1 want=$2 err rc
	shift 2
	err=$("$@" 2>&1 >/dev/null)
	rc=$?
	if [ $rc = 2 ] && [[ "$err" == *"$want"* ]]; then
		ok "$what"
	else
		not_ok "$what"
		echo "  status $rc, wanted: $want"
		echo "  got: $err"
	fi
}

for target in $(policy_targets); do
	root=$(target_root "$target") || { not_ok "$target: root"; continue; }
	devel=/usr/share/selinux/devel
	[ -f "$root$devel/Makefile" ] && devel=$root$devel
	out=$(tmpdir)
	expect_error "$target: an undefined call stops emit at its spec line" \
		"$spec:$line: files_pfsel_no_such_interface is not defined by the target's devel headers ($devel/include)" \
		env PFSEL_DATADIR="$no_call" "$GEN" emit "$spec" -o "$out" --root "$root"
	check_eq "$target: nothing written" "" "$(ls "$out")"
	expect_error "$target: a .fc type the target lacks stops build" \
		"$spec:$line: $out/postfix_queue.fc labels files pfsel_no_such_t" \
		env PFSEL_DATADIR="$no_fc_type" "$GEN" build "$spec" -o "$out" --root "$root"
	out=$(tmpdir)
	expect_error "$target: a required type the target lacks stops build" \
		"$spec:$line: requires pfsel_no_such_t, which the target policy does not have" \
		env PFSEL_DATADIR="$no_req_type" "$GEN" build "$spec" -o "$out" --root "$root"

	# examples/daemon: postfix_mylogd_t connects to OpenDKIM's socket.
	out=$(tmpdir)
	"$GEN" emit "$PFSEL_TOP/examples/daemon/spec.ini" -o "$out" \
		--root "$root" >/dev/null 2>&1
	if grep -q "interface(\`dkim_stream_connect'" -r "$devel/include"; then
		check "$target: dkim_stream_connect, which the headers define" \
			grep -q 'dkim_stream_connect(postfix_mylogd_t)' "$out"/*.te
	else
		check_fails "$target: no dkim_stream_connect, which the headers lack" \
			grep -q dkim_stream_connect "$out"/*.te
		check "$target: its pattern instead" \
			grep -q 'stream_connect_pattern(postfix_mylogd_t, dkim_milter_data_t, dkim_milter_data_t, dkim_milter_t)' "$out"/*.te
	fi

	want=$(port_type "$root" tcp 10026)
	if [ "$want" != unreserved_port_t ]; then
		printf '[module]\nname = pfsel_p\n\n[port reinject]\nport = tcp/10026\ntype = smtp_port_t\n' \
			>"$T_TMP/p.ini"
		expect_error "$target: tcp/10026 refused, naming $want" \
			"$T_TMP/p.ini:5: tcp/10026 is already labeled $want; set override = yes" \
			"$GEN" install "$T_TMP/p.ini" --root "$root"
	fi
done
exit $T_FAILED
