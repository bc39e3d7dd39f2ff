#!/bin/bash
# 61-scan-detect - what "pfsel-gen scan" detects in each configuration of
# tests/data/postfix-configs, against the hand-checked section lists in
# tests/data/postfix-configs/expected/NAME.sections (section headers,
# keys, sections written commented out, and the "not handled" notes).
# Also: every section names the configuration line it came from, and
# -n / -o do what they say.
source "$PFSEL_TOP/tests/lib/testlib.sh"

CONFIGS=$TESTDATA/postfix-configs

sections() { # the parts of a spec the expected lists hold
	grep -E '^(# )?\[|^(# )?[a-z_]+ = |^# not handled:' |
		sed "s|$CONFIGS|@CONFIGS@|g"
}

# Every [section] but [module] has a "# from FILE:LINE" comment above it.
all_sourced() { # spec
	awk '/^# from [^ ]*(main|master)\.cf:[0-9]+: / { from = 1 }
	     /^(# )?\[/ && !/^\[module\]/ { if (!from) bad++; from = 0 }
	     /^$/ { from = 0 }
	     END { exit bad > 0 }' "$1"
}

for want in "$CONFIGS"/expected/*.sections; do
	name=$(basename "$want" .sections)
	[ -s "$want" ] || continue # the rejected pairs: see 60-scan-postconf
	if ! "$GEN" scan -c "$CONFIGS/$name" -o "$T_TMP/$name.spec"; then
		not_ok "$name: scan runs"
		continue
	fi
	check_eq "$name: detected sections are the hand-checked ones" "" \
		"$(sections <"$T_TMP/$name.spec" | diff "$want" -)"
	check "$name: every section names its main.cf/master.cf line" \
		all_sourced "$T_TMP/$name.spec"
done

section_has() { # spec header line: the section holds the line
	sed -n "/^\\[$2\\]\$/,/^\$/p" "$1" | grep -qx -e "$3"
}

# Spot checks that read as the issue does.
spec=$T_TMP/pfsel-site.spec
check "chrooted smtpd: absolute milter path moved into queue_directory" \
	grep -qx 'socket = unix:/srv/postfix/spool/run/opendkim/opendkim.sock' \
	"$spec"
check "non-chrooted smtpd: relative milter path resolved in queue_directory" \
	grep -Eqx '(# )?socket = unix:/srv/postfix/spool/milter/rspamd.sock' \
	"$spec"
# The master may bind amavisd_send_port_t: retyping 10025 would take the
# port from amavis (issue 13 point 2).
check_fails "127.0.0.1:10025 smtpd gets no [port] section" \
	grep -q '^\[port smtpd_10025\]' "$spec"
check "why 10025 needs none is said" \
	grep -q 'tcp/10025 is amavisd_send_port_t, which postfix_master_t may already bind' "$spec"
check "spawn(8) policy server becomes a daemon of its own" \
	section_has "$spec" 'daemon policy_spf' 'command = /usr/bin/policyd-spf'
check "its unix:private/ socket is the master.cf service, not a [socket]" \
	grep -q 'private/policy-spf is master.cf service "policy-spf"' "$spec"
check "a second socket of the same milter program is left to the admin" \
	grep -q '/usr/bin/rspamd also serves \[milter rspamd\]' "$spec"
check "postmulti instance found through \$config_directory" \
	grep -qx '\[instance postfix_out\]' "$spec"

"$GEN" scan -c "$CONFIGS/debian12-stock" -n mysite -o "$T_TMP/named.spec"
check "-n names the module" grep -qx 'name = mysite' "$T_TMP/named.spec"
check "default output is stdout, same as -o" \
	cmp -s <("$GEN" scan -c "$CONFIGS/debian12-stock" -n mysite) \
	"$T_TMP/named.spec"
root=$(scratch_root)
check "-r ROOT reads that root's policy (a copy: same spec)" \
	cmp -s <("$GEN" scan -c "$CONFIGS/pfsel-site" -r "$root") "$spec"
check_fails "-r of a root without a policy is an error" \
	"$GEN" scan -c "$CONFIGS/pfsel-site" -r "$T_TMP"
rm -rf "$root"
check_fails "a missing configuration directory is an error" \
	"$GEN" scan -c "$T_TMP/nonexistent"
exit $T_FAILED
