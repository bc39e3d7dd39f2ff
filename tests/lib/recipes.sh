# recipes.sh - the per-recipe checks of tests/integration/12-recipe-*.sh
# (sourced after testlib.sh).
#
# Every recipe's example: it compiles, installs into a scratch copy of the
# policy store (semodule -p lists it, the manifest is right), and then
# sesearch/seinfo/matchpathcon against the scratch root show the intended
# accesses and labels while the forbidden accesses stay denied.  The same
# questions asked BEFORE the install (the control) get the stock answers,
# so each check can fail.  One recipe per test file, so that the suite's
# runner spreads the installs over the cores.
EX=$PFSEL_TOP/examples

ports_state() { # ROOT: ports.local, or its absence
	local f=$1/var/lib/selinux/default/active/ports.local
	if [ -e "$f" ]; then md5sum <"$f"; else echo "no ports.local"; fi
}

# install_example ROOT RECIPE: install it, then check what every install
# must leave: semodule -p lists the module, the built policy has each type
# the module declares (seinfo), every port the manifest records is in
# ports.local and in that policy, and each manifest tree is a path the
# spec names (or the directory of one).
install_example() {
	local r=$1 name=$2 spec=$EX/$2/spec.ini out module manifest policy t missing
	out=$(tmpdir)
	check "$name: pfsel-gen install --root" \
		"$GEN" install "$spec" -o "$out" --root "$r" || return 1
	module=$(basename "$out"/*.te .te)
	check "$name: semodule -p lists $module" \
		grep -qx "$module" <(semodule -p "$r" -l)
	manifest=$r/var/lib/pfsel/$module.manifest
	check "$name: manifest written" test -s "$manifest"
	policy=$(policy_of "$r")
	missing=
	for t in $(sed -n 's/^type \([a-z0-9_]*\);/\1/p' "$out/$module.te"); do
		seinfo "$policy" -t "$t" 2>/dev/null | grep -q "^ *$t\$" || missing="$missing $t"
	done
	check_eq "$name: the built policy has the module's types" "" "$missing"
	while read -r _ proto low high type _; do
		range=$low
		[ "$low" = "$high" ] || range=$low-$high
		check "$name: ports.local labels $proto/$range $type" \
			grep -qx "portcon $proto $range system_u:object_r:$type:s0" \
			"$r/var/lib/selinux/default/active/ports.local"
		check_eq "$name: the policy gives $proto/$low $type" "$type" \
			"$(port_type "$r" "$proto" "$low")"
	done < <(grep '^port ' "$manifest")
	while read -r _ tree; do
		check "$name: manifest tree $tree comes from the spec" \
			grep -qF "$tree" "$spec"
	done < <(grep '^tree ' "$manifest")
}

every_postfix_domain() { # ROOT
	/usr/bin/python3 - "$(policy_of "$1")" <<'PY'
import sys, setools
p = setools.SELinuxPolicy(sys.argv[1])
for a in p.typeattributes():
    if str(a) == "postfix_domain":
        print("\n".join(sorted(str(t) for t in a.expand())))
PY
}

recipe_daemon() {
	local r
	r=$(scratch_root)
	check_eq "daemon control: the helper runs as a stock Postfix program" \
		postfix_exec_t "$(fc_type "$r" /usr/libexec/postfix/mylogd)"
	check_eq "daemon control: no domain for it" "" \
		"$(type_transition "$r" postfix_master_t postfix_mylogd_exec_t process)"
	install_example "$r" daemon
	check_eq "daemon: command labeled postfix_mylogd_exec_t" \
		postfix_mylogd_exec_t "$(fc_type "$r" /usr/libexec/postfix/mylogd)"
	check_eq "daemon: master runs it in postfix_mylogd_t" postfix_mylogd_t \
		"$(type_transition "$r" postfix_master_t postfix_mylogd_exec_t process)"
	check_allowed "$r" postfix_master_t postfix_mylogd_t process transition
	check_eq "daemon: log labeled" postfix_mylogd_log_t \
		"$(fc_type "$r" /var/log/mylogd/mylogd.log)"
	check_eq "daemon: log created with its type in /var/log" \
		postfix_mylogd_log_t \
		"$(type_transition "$r" postfix_mylogd_t var_log_t file mylogd)"
	check_allowed "$r" postfix_mylogd_t postfix_mylogd_log_t file append
	check_allowed "$r" postfix_mylogd_t postfix_mylogd_log_t file create
	check_allowed "$r" postfix_mylogd_t postfix_mylogd_conf_t file read
	check_allowed "$r" postfix_mylogd_t postfix_mylogd_runtime_t sock_file create
	check_allowed "$r" postfix_mylogd_t dkim_milter_t unix_stream_socket connectto
	check_allowed "$r" postfix_mylogd_t dkim_milter_data_t sock_file write
	# Nothing outside its paths.
	check_denied "$r" postfix_mylogd_t postfix_mylogd_conf_t file write
	check_denied "$r" postfix_mylogd_t var_log_t file append
	check_denied "$r" postfix_mylogd_t var_log_t file write
	check_denied "$r" postfix_mylogd_t etc_t file write
	check_denied "$r" postfix_mylogd_t shadow_t file read
	check_denied "$r" postfix_mylogd_t mail_spool_t file write
	check_denied "$r" postfix_mylogd_t dkim_milter_private_key_t file read
	check_denied "$r" postfix_mylogd_t var_run_t sock_file create
	check_denied "$r" postfix_smtpd_t postfix_mylogd_log_t file write
}

recipe_opendkim() {
	local r d
	r=$(scratch_root)
	check_eq "opendkim control: keys under /var/lib are plain var_lib_t" \
		var_lib_t "$(fc_type "$r" /var/lib/opendkim/keys/mail.private)"
	install_example "$r" opendkim
	check_eq "opendkim: keys labeled dkim_milter_private_key_t" \
		dkim_milter_private_key_t \
		"$(fc_type "$r" /var/lib/opendkim/keys/mail.private)"
	check_eq "opendkim: /run socket directory" dkim_milter_data_t \
		"$(fc_type "$r" /run/opendkim/opendkim.sock)"
	check_eq "opendkim: chroot socket directory" dkim_milter_data_t \
		"$(fc_type "$r" /var/spool/postfix/opendkim/opendkim.sock)"
	check_allowed "$r" dkim_milter_t dkim_milter_private_key_t file read
	for d in postfix_smtpd_t postfix_cleanup_t; do
		check_allowed "$r" "$d" dkim_milter_t unix_stream_socket connectto
		check_allowed "$r" "$d" dkim_milter_data_t sock_file write
	done
	# No Postfix domain may read the keys.
	for d in $(every_postfix_domain "$r"); do
		check_denied "$r" "$d" dkim_milter_private_key_t file read
	done
	check_denied "$r" postfix_smtpd_t dkim_milter_private_key_t file open
}

recipe_rspamd() {
	local r
	r=$(scratch_root)
	check_eq "rspamd control: port 11332 unlabeled" unreserved_port_t \
		"$(port_type "$r" tcp 11332)"
	install_example "$r" rspamd
	check_eq "rspamd: port 11332 labeled milter_port_t" milter_port_t \
		"$(port_type "$r" tcp 11332)"
	check_eq "rspamd: command labeled" rspamd_milter_exec_t \
		"$(fc_type "$r" /usr/bin/rspamd)"
	check_allowed "$r" postfix_smtpd_t milter_port_t tcp_socket name_connect
	check_allowed "$r" postfix_cleanup_t milter_port_t tcp_socket name_connect
	check_allowed "$r" rspamd_milter_t milter_port_t tcp_socket name_bind
	check_denied "$r" postfix_smtpd_t unreserved_port_t tcp_socket name_bind
	check_denied "$r" rspamd_milter_t postfix_spool_t file read
}

# queue_like_stock ROOT [WHO]: the moved queue and the instance's queue of
# examples/queue, installed in ROOT, are labeled as ROOT's own policy
# labels the same names under /var/spool/postfix (the oracle).
queue_like_stock() {
	local r=$1 who=${2:+$2: } sub mode want
	for sub in "" /active /hold /incoming /public /private /maildrop \
		/defer /deferred /deferred/A /deferred/A/B123 /bounce /flush \
		/pid /pid/master.pid /etc /etc/resolv.conf /lib /usr/lib /trace \
		/corrupt /saved /dev /dev/log; do
		for mode in dir file; do
			want=$(fc_type "$r" "/var/spool/postfix$sub" "$mode")
			check_eq "${who}queue: /srv/postfix/spool$sub like /var/spool/postfix$sub ($mode)" \
				"$want" "$(fc_type "$r" "/srv/postfix/spool$sub" "$mode")"
			check_eq "${who}instance: /var/spool/postfix-out$sub like /var/spool/postfix$sub ($mode)" \
				"$want" "$(fc_type "$r" "/var/spool/postfix-out$sub" "$mode")"
		done
	done
}

recipe_queue() {
	local r
	r=$(scratch_root)
	check_eq "queue control: /srv/postfix/spool/public is var_t" var_t \
		"$(fc_type "$r" /srv/postfix/spool/public)"
	check_eq "queue control: /etc/postfix-out is etc_t" etc_t \
		"$(fc_type "$r" /etc/postfix-out/main.cf)"
	install_example "$r" queue
	queue_like_stock "$r"
	check_eq "instance: config directory" postfix_etc_t \
		"$(fc_type "$r" /etc/postfix-out/main.cf)"
	check_eq "instance: data directory" postfix_data_t \
		"$(fc_type "$r" /var/lib/postfix-out/prng_exch)"
}

recipe_maillog() {
	local r
	r=$(scratch_root)
	check_eq "maillog control: the file is var_log_t" var_log_t \
		"$(fc_type "$r" /var/log/postfix/mail.log)"
	check_denied "$r" postfix_master_t var_log_t file append
	check_denied "$r" postfix_smtpd_t postfix_master_t unix_dgram_socket sendto
	install_example "$r" maillog
	# Daemons reach postlogd (in postfix_master_t) through public/postlog.
	check_allowed "$r" postfix_smtpd_t postfix_master_t unix_dgram_socket sendto
	check_allowed "$r" postfix_qmgr_t postfix_master_t unix_dgram_socket sendto
	check_eq "maillog: file labeled" postfix_maillog_maillog_t \
		"$(fc_type "$r" /var/log/postfix/mail.log)"
	check_eq "maillog: rotated file labeled" postfix_maillog_maillog_t \
		"$(fc_type "$r" /var/log/postfix/mail.log.1.gz)"
	check_eq "maillog: created with its type" postfix_maillog_maillog_t \
		"$(type_transition "$r" postfix_master_t var_log_t file mail.log)"
	check_allowed "$r" postfix_master_t postfix_maillog_maillog_t file append
	check_allowed "$r" postfix_master_t postfix_maillog_maillog_t file create
	check_allowed "$r" logrotate_t postfix_maillog_maillog_t file rename
	check_allowed "$r" logrotate_t postfix_maillog_maillog_t file unlink
	check_allowed "$r" logrotate_t postfix_maillog_maillog_t file create
	check_denied "$r" postfix_master_t var_log_t file append
	check_denied "$r" postfix_smtpd_t postfix_maillog_maillog_t file write
	check_denied "$r" postfix_master_t postfix_maillog_maillog_t file unlink
}

recipe_vmail() {
	local r
	r=$(scratch_root)
	check_eq "vmail control: /srv/vmail is var_t" var_t \
		"$(fc_type "$r" /srv/vmail/example.org/u/new/1)"
	check_denied "$r" postfix_virtual_t var_t file create
	install_example "$r" vmail
	check_eq "vmail: maildirs are mail_spool_t" mail_spool_t \
		"$(fc_type "$r" /srv/vmail/example.org/u/new/1)"
	check_allowed "$r" postfix_virtual_t mail_spool_t file create
	check_allowed "$r" postfix_virtual_t mail_spool_t dir add_name
	check_denied "$r" postfix_virtual_t var_t file create
}

recipe_ports() {
	local r mods_before ports_before
	r=$(scratch_root)
	mods_before=$(semodule -p "$r" -l | md5sum)
	ports_before=$(ports_state "$r")
	check_eq "ports control: 2525 unlabeled" unreserved_port_t \
		"$(port_type "$r" tcp 2525)"
	check_eq "ports control: 10025 is amavisd_send_port_t" \
		amavisd_send_port_t "$(port_type "$r" tcp 10025)"
	check_denied "$r" postfix_smtpd_t unreserved_port_t tcp_socket name_bind
	install_example "$r" ports
	check_eq "ports: 2525 is smtp_port_t" smtp_port_t \
		"$(port_type "$r" tcp 2525)"
	check_eq "ports: 10025 keeps amavisd_send_port_t" amavisd_send_port_t \
		"$(port_type "$r" tcp 10025)"
	check_allowed "$r" postfix_master_t smtp_port_t tcp_socket name_bind
	check_allowed "$r" postfix_master_t amavisd_send_port_t tcp_socket name_bind
	check_allowed "$r" amavis_t amavisd_send_port_t tcp_socket name_connect
	check_eq "ports: recorded like semanage port -a" \
		"tcp 2525 smtp_port_t" \
		"$(grep -ho 'portcon tcp [0-9]* system_u:object_r:[a-z_]*' \
			"$r"/var/lib/selinux/default/active/ports.local |
			awk '{split($4, c, ":"); print $2, $3, c[3]}' | sort)"
	# And back: uninstall leaves module list and ports.local as they were.
	check "ports: uninstall" "$GEN" uninstall postfix_ports --root "$r"
	check_eq "ports: round trip: module list identical" "$mods_before" \
		"$(semodule -p "$r" -l | md5sum)"
	check_eq "ports: round trip: ports.local identical" "$ports_before" \
		"$(ports_state "$r")"
	check_eq "ports: round trip: 2525 is unreserved_port_t again" \
		unreserved_port_t "$(port_type "$r" tcp 2525)"
}

recipe_full() {
	install_example "$(scratch_root)" full
}
