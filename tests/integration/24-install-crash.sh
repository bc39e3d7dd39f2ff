#!/bin/bash
# kill -9 at random moments of install and uninstall, on a scratch store,
# with examples/ports plus tcp/10024 overridden (the policy's own type
# there, amavisd_recv_port_t, must come back).  After each kill the next command
# (verify, or every tenth an install or uninstall run to its end) settles what the
# killed run left, and then the store and the manifest agree: the module
# is listed by semodule iff a manifest says installed, the local port
# records are there iff the manifest records them, no intent is left.
# Half the kills land anywhere in the run, half just after libsemanage
# swapped the new store in (seen from outside: the old store, renamed
# "previous", is being removed), where a run has committed and not yet
# written its manifest.  PFSEL_KILLS kills (default 50) in a row must
# pass; the loop also stops, failing, after PFSEL_KILL_SECONDS.  Then a
# last uninstall must restore every original port type.
source "$PFSEL_TOP/tests/lib/testlib.sh"

kills=${PFSEL_KILLS:-50}
deadline=$((SECONDS + ${PFSEL_KILL_SECONDS:-3600}))
root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
store=$root/var/lib/selinux/default
state=$root/var/lib/pfsel
manifest=$state/postfix_ports.manifest
dir=$(tmpdir)
export TMPDIR=$dir
spec=$dir/ports.ini
{
	cat "$PFSEL_TOP/examples/ports/spec.ini"
	printf '\n[port filter]\nport = tcp/10024\ntype = smtp_port_t\noverride = yes\n'
} >"$spec"
test -e "$store/active/ports.local" && cp "$store/active/ports.local" "$dir/ports.local.orig"
orig_10024=$(port_type "$root" tcp 10024)
orig_2525=$(port_type "$root" tcp 2525)
check_eq "before: tcp/10024 has the policy's type" amavisd_recv_port_t "$orig_10024"

install() { "$GEN" install "$spec" -o "$dir/out" --root "$root"; }
uninstall() { "$GEN" uninstall postfix_ports --root "$root"; }
verify() { "$GEN" verify --root "$root"; }
local_type() { # PORT: the type of the local record, empty when none
	sed -n "s/^portcon tcp $1 system_u:object_r:\([a-z0-9_]*\):s0$/\1/p" \
		"$store/active/ports.local" 2>/dev/null
}

# agree: "" when the store and ROOT/var/lib/pfsel agree, else what differs.
agree() {
	local listed=no
	module_listed "$root" postfix_ports && listed=yes
	if [ -e "$manifest" ]; then
		[ $listed = yes ] || echo "manifest, but the module is not listed"
		grep -qx "port tcp 10024 10024 smtp_port_t added" "$manifest" ||
			echo "manifest lacks tcp/10024"
		grep -qx "port tcp 2525 2525 smtp_port_t added" "$manifest" ||
			echo "manifest lacks tcp/2525"
		[ "$(local_type 10024)" = smtp_port_t ] ||
			echo "tcp/10024 local record: '$(local_type 10024)'"
		[ "$(local_type 2525)" = smtp_port_t ] ||
			echo "tcp/2525 local record: '$(local_type 2525)'"
	else
		[ $listed = no ] || echo "module listed, but no manifest"
		[ -z "$(local_type 10024)$(local_type 2525)" ] ||
			echo "local port records without a manifest"
	fi
	ls "$state"/*.intent >/dev/null 2>&1 && echo "an intent is left"
}

# A full run of each, timed: the kills spread over that long.
t0=$SECONDS
out=$(install 2>&1)
check_eq "install runs to its end" 0 $?
t_install=$((SECONDS - t0 + 1))
check_eq "after install: store and manifest agree" "" "$(agree)"
t0=$SECONDS
out=$(uninstall 2>&1)
check_eq "uninstall runs to its end" 0 $?
t_uninstall=$((SECONDS - t0 + 1))
check_eq "after uninstall: store and manifest agree" "" "$(agree)"

# rand_ms MAX: a random number of milliseconds in [0, MAX].
rand_ms() { echo $(((RANDOM * 32768 + RANDOM) % ($1 + 1))); }
secs() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }

# kill_run MODE CMD: start CMD in its own process group and kill -9 the
# group (make, checkmodule and all) at a random moment.
kill_run() {
	local mode=$1 cmd=$2 pid limit
	setsid bash -c "$(declare -f "$cmd"); GEN='$GEN' spec='$spec' \
		dir='$dir' root='$root' $cmd" >/dev/null 2>&1 &
	pid=$!
	if [ "$mode" = anywhere ]; then
		limit=$([ "$cmd" = install ] && echo $t_install || echo $t_uninstall)
		sleep "$(secs "$(rand_ms $((limit * 1000)))")"
	else
		# Until the old store is being removed (new one in place).
		while kill -0 $pid 2>/dev/null &&
			! { [ -d "$store/previous" ] && [ -d "$store/active" ]; }; do
			sleep 0.01
		done
		sleep "$(secs "$(rand_ms 150)")"
	fi
	kill -9 -- -$pid 2>/dev/null
	wait $pid 2>/dev/null
}

passed=0 n=0 full=0 finished=0
while [ $n -lt "$kills" ] && [ $SECONDS -lt $deadline ]; do
	n=$((n + 1))
	if [ ! -e "$manifest" ]; then cmd=install
	elif [ $((RANDOM % 3)) = 0 ]; then cmd=install # a reinstall
	else cmd=uninstall; fi
	mode=anywhere
	[ $((RANDOM % 2)) = 0 ] && mode=commit
	kill_run $mode $cmd
	# The next command: mostly verify, every tenth a whole run.
	if [ $((n % 10)) = 0 ]; then
		if [ -e "$manifest" ]; then next=uninstall; else next=install; fi
		full=$((full + 1))
	else
		next=verify
	fi
	out=$($next 2>&1)
	rc=$?
	settled=
	grep -q "finished the interrupted" <<<"$out" && settled=finished &&
		finished=$((finished + 1))
	grep -q "dropped the record" <<<"$out" && settled=dropped
	echo "# kill $n: $cmd killed ($mode), then $next${settled:+: $settled}"
	diff=$(agree)
	if [ $rc = 0 ] && [ -z "$diff" ]; then
		passed=$((passed + 1))
	else
		not_ok "kill $n ($cmd, $mode), then $next: exit $rc, store and manifest agree"
		echo "$out" | sed 's/^/  /'
		echo "$diff" | sed 's/^/  /'
	fi
done
check_eq "$kills kills in a row, each followed by a run that settles it" \
	"$kills" "$passed"
check "whole runs after a kill: at least one install or uninstall" \
	test "$full" -gt 0
# Kills between the commit and the manifest, settled by finishing.
check "some kills left a committed change to finish ($finished)" \
	test "$finished" -gt 0

# The last uninstall gives back every original port type.
[ -e "$manifest" ] && out=$(uninstall 2>&1)
check_eq "after the last uninstall: store and manifest agree" "" "$(agree)"
check_fails "module no longer listed" module_listed "$root" postfix_ports
check_eq "tcp/10024 has the policy's type again" "$orig_10024" \
	"$(port_type "$root" tcp 10024)"
check_eq "tcp/2525 has the policy's type again" "$orig_2525" \
	"$(port_type "$root" tcp 2525)"
check "ports.local as before" cmp -s \
	<(cat "$dir/ports.local.orig" 2>/dev/null | grep -v '^#') \
	<(cat "$store/active/ports.local" 2>/dev/null | grep -v '^#')
exit "$T_FAILED"
