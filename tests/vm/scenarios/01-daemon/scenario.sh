# 01-daemon - a site daemon started by master(8) from master.cf.
#
# Sourced by tests/vm/guest/main.sh.  The daemon (tests/vm/sitedaemon.c)
# gets its listening socket from master(8), appends each request to its
# log under /var/log/sitedaemon and counts it in /var/lib/sitedaemon.
# Stock policy: the program is postfix_exec_t and runs as
# postfix_master_t, which may not write there.
SOCK=/var/spool/postfix/public/sitedaemon
EXE=/usr/lib/postfix/sbin/sitedaemon

prepare() {
	install -m 0755 "$B/bin/sitedaemon" $EXE
	mkdir -p /var/log/sitedaemon /var/lib/sitedaemon
	restorecon -RF $EXE /var/log/sitedaemon /var/lib/sitedaemon
	ls -Z $EXE; ls -dZ /var/log/sitedaemon /var/lib/sitedaemon
}

enable() {
	master_cf_add "sitedaemon unix n n n - 1 sitedaemon"
	postfix_reload
}

traffic() {
	local token=e2e-daemon-$PHASE
	ck "sitedaemon answers OK on $SOCK" sitedaemon -c $SOCK "$token"
	ck "its log has the request" grep -qs "got $token" /var/log/sitedaemon/sitedaemon.log
	ck "its state file counts" test -s /var/lib/sitedaemon/count
	tail -3 /var/log/sitedaemon/sitedaemon.log 2>&1
}

verify() {
	local exe_t dom
	exe_t=$(type_of $EXE)
	dom=$(domain_of sitedaemon)
	echo "exec type $exe_t, domain(s) $dom"
	ck "program has a type of its own (not postfix_exec_t)" \
		test -n "$exe_t" -a "$exe_t" != postfix_exec_t -a "$exe_t" != bin_t
	ck "daemon runs in ${exe_t%_exec_t}_t" test "$dom" = "${exe_t%_exec_t}_t"
	ck "daemon does not run as postfix_master_t" test "$dom" != postfix_master_t
	label_ck /var/log/sitedaemon /var/log/sitedaemon/sitedaemon.log \
		/var/lib/sitedaemon /var/lib/sitedaemon/count
	ck "log dir no longer var_log_t" test "$(type_of /var/log/sitedaemon)" != var_log_t
	ck "state dir no longer var_lib_t" test "$(type_of /var/lib/sitedaemon)" != var_lib_t
	ps -eZ | grep -E 'sitedaemon|master$'
	ls -Z $EXE; ls -dZ /var/log/sitedaemon/* /var/lib/sitedaemon/*
}

disable() {
	postfix_restore
	postfix_reload
}
