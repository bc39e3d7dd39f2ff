#!/bin/bash
# 4F-review-one-fix - each fix once, with the groups it covers, and a
# --spec pfsel-gen emit accepts (issue 14, point 5).  The demo's logs
# (tests/data/vm) ask five Postfix daemons' [log]: it is printed once.
# Two clients of one milter socket share its section (clients = both),
# and the sock_file write on that socket is folded into it, not an
# allow rule; sockets named after dot files (.s.PGSQL.5432) get valid,
# distinct names.  The oracle: review --spec of every fixture, after a
# [module] section, is accepted by pfsel-gen emit.  Run on the host's
# policy and on each Red Hat kit present.
source "$PFSEL_TOP/tests/lib/testlib.sh"
PY=/usr/bin/python3

avc() { # serial source perms type class path
	echo "type=AVC msg=audit(1700000003.$1:$1): avc:  denied  { $3 } for  pid=9 comm=\"x\" path=\"$6\" scontext=system_u:system_r:$2:s0 tcontext=system_u:object_r:$4:s0 tclass=$5 permissive=0"
}
{
	# servers no policy lets these clients connect to (sesearch)
	avc 21 postfix_smtpd_t connectto named_t unix_stream_socket /run/m/milter.sock
	avc 22 postfix_smtpd_t connectto named_t unix_stream_socket /run/m/milter.sock
	avc 23 postfix_cleanup_t connectto named_t unix_stream_socket /run/m/milter.sock
	avc 24 postfix_smtpd_t write var_run_t sock_file /run/m/milter.sock
	avc 25 postfix_smtp_t connectto ntpd_t unix_stream_socket /run/postgresql/.s.PGSQL.5432
	avc 26 postfix_local_t connectto ntpd_t unix_stream_socket /run/other/.s.PGSQL.5432
	avc 27 postfix_pipe_t connectto ntpd_t unix_stream_socket /run/x/.s.x.sock
} >"$T_TMP/sockets.log"

emit_takes() { # spec-output root
	local d
	d=$(tmpdir)
	{ printf '[module]\nname = rvspec\n\n'; cat "$1"; } >"$d/s.spec"
	"$GEN" emit "$d/s.spec" -o "$d/out" --root "$2" >/dev/null 2>"$T_TMP/emit.err" ||
		{ cat "$T_TMP/emit.err"; return 1; }
}

for target in $(policy_targets); do
	root=$(target_root "$target")
	"$LABEL" review -r "$root" "$TESTDATA"/vm/*.audit.log >"$T_TMP/demo.txt" 2>/dev/null
	check_eq "$target: demo logs: no section printed twice" "" \
		"$(grep '^        \[' "$T_TMP/demo.txt" | sort | uniq -d)"
	# Debian's policy denies five daemons the postlog socket
	[ "$target" = host ] &&
		check "$target: demo logs: one [log] for the groups it covers" \
			grep -q 'one fix for the [0-9]* groups below' "$T_TMP/demo.txt"

	"$LABEL" review --spec -r "$root" "$T_TMP/sockets.log" >"$T_TMP/s.spec" 2>/dev/null
	check_eq "$target: one section for the milter socket" 1 \
		"$(grep -c '^socket = unix:/run/m/milter.sock$' "$T_TMP/s.spec")"
	check "$target: its clients are both daemons" grep -qx 'clients = smtpd cleanup' "$T_TMP/s.spec"
	check "$target: dot-file sockets: valid distinct names" sh -c "
		grep -qx '\[socket s_pgsql_5432\]' '$T_TMP/s.spec' &&
		grep -qx '\[socket s_pgsql_5432_2\]' '$T_TMP/s.spec' &&
		grep -qx '\[socket s_x\]' '$T_TMP/s.spec'"
	"$LABEL" review --json -r "$root" "$T_TMP/sockets.log" >"$T_TMP/s.json" 2>/dev/null
	check_eq "$target: the sock_file write is in the socket's fix" "spec 4" \
		"$($PY -c 'import json,sys
r = json.load(open(sys.argv[1]))
for f in r["fixes"]:
    if any(r["groups"][i]["class"] == "sock_file" for i in f["groups"]):
        print(f["fix"], sum(r["groups"][i]["count"] for i in f["groups"]))' "$T_TMP/s.json")"
	"$LABEL" review --te rvsock -r "$root" "$T_TMP/sockets.log" >"$T_TMP/rvsock.te" 2>/dev/null
	check_fails "$target: no allow rule for the sock_file" grep -q '^allow.*sock_file' "$T_TMP/rvsock.te"

	for log in "$T_TMP/sockets.log" "$TESTDATA"/vm/*.audit.log \
		"$TESTDATA/audit/postfix-extensions.log" all; do
		if [ "$log" = all ]; then
			set -- "$TESTDATA"/vm/*.audit.log
		else
			set -- "$log"
		fi
		"$LABEL" review --spec -r "$root" "$@" >"$T_TMP/out.spec" 2>/dev/null
		check "$target: pfsel-gen emit takes --spec of $(basename "$log")" \
			emit_takes "$T_TMP/out.spec" "$root"
	done
done
exit 0
