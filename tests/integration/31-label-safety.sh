#!/bin/bash
# 31-label-safety - pfsel-label apply must not be fooled by the tree.
#
# Planted symlinks are neither followed nor relabeled through; a
# directory swapped for a symlink mid-walk is not followed; files
# created and deleted mid-walk cause no crash or error; unreadable
# directories are reported and the walk goes on; SIGINT stops cleanly
# and a re-run finishes; an invalid context stops everything before the
# first write.  Labels outside the tree carry a canary that must
# survive every run.
source "$PFSEL_TOP/tests/lib/testlib.sh"

MKTREE=$PFSEL_TOP/tests/data/label/mktree.py
CANARY=system_u:object_r:shadow_t:s0
root=$(scratch_root) || { not_ok "scratch root"; exit 1; }
fc=$root/etc/selinux/default/contexts/files/file_contexts
spool=$root/var/spool

labels_of() { # every label below a directory, for "unchanged"
	getfattr -R -h -n security.selinux --absolute-names "$@" 2>/dev/null |
		md5sum
}
# A status from a crash (signal) is >= 128; sanitizers print their name.
no_crash() { # status stderr-file
	[ "$1" -lt 128 ] && ! grep -aq -e 'Sanitizer' -e 'runtime error' "$2"
}

python3 "$MKTREE" "$root" 3000 --seed 3 --scramble 0.5 \
	--kinds queue,vmail >/dev/null || not_ok "mktree"

# Outside the tree: a directory and a file with canary labels.
outside=$(tmpdir)
mkdir -p "$outside/dir/sub"
echo secret >"$outside/file"
echo secret >"$outside/dir/sub/file"
find "$outside" -exec setfattr -h -n security.selinux -v "$CANARY" {} +
canary=$(labels_of "$outside")

# 1. Planted symlinks, to a directory and to a file outside the tree.
ln -s "$outside/dir" "$spool/postfix/hold/to-dir"
ln -s "$outside/file" "$spool/postfix/deferred/to-file"
ln -s ../../../../.. "$spool/postfix/hold/to-root"
expect=$(setfiles_would "$root" "$spool")
check_eq "planted symlinks: check equals setfiles" "$expect" "$(label_would "$root" "$spool")"
check "the link itself is reported, as setfiles does" \
	grep -aq 'hold/to-dir from' <<<"$expect"
"$LABEL" apply -r "$root" "$spool" >/dev/null 2>"$T_TMP/err"
check_eq "apply with planted symlinks exits 0" 0 $?
check_eq "labels outside the tree are untouched" "$canary" \
	"$(labels_of "$outside")"
check_eq "the links themselves got their label" "" "$(setfiles_would "$root" "$spool")"
check "nothing under the link target was visited" \
	sh -c '! grep -aq "to-dir/" "$1"' _ "$T_TMP/err"

# 2. A directory swapped for a symlink to outside while walks run.
victim=$spool/postfix/deferred/F
mkdir -p "$victim/sub"
for i in $(seq 1 200); do : >"$victim/sub/q$i"; done
python3 - "$victim" "$outside/dir" "$T_TMP/stop-swap" <<'PY' &
import os, sys, time
victim, target, stop = sys.argv[1:]
real = victim + ".real"
while not os.path.exists(stop):
    os.rename(victim, real)
    os.symlink(target, victim)
    time.sleep(0.0005)
    os.unlink(victim)
    os.rename(real, victim)
PY
swapper=$!
worst=0
# The canaries would be relabeled if a walk ever went through the link.
for i in $(seq 1 15); do
	"$LABEL" apply -j2 -r "$root" "$spool/postfix" >/dev/null \
		2>"$T_TMP/err.$i"
	rc=$?
	no_crash $rc "$T_TMP/err.$i" || worst=$rc
done
touch "$T_TMP/stop-swap"
wait $swapper
check_eq "directory swapped for a symlink: no crash in 15 runs" 0 $worst
check_eq "swapped directory: labels outside untouched" "$canary" \
	"$(labels_of "$outside")"

# 3. Files created and deleted during the walk.
python3 - "$spool/postfix" "$T_TMP/stop-churn" <<'PY' &
import os, sys, random
top, stop = sys.argv[1:]
dirs = [os.path.join(top, d) for d in ("incoming", "active", "maildrop")]
rng = random.Random(5)
made = []
while not os.path.exists(stop):
    d = rng.choice(dirs)
    if rng.random() < 0.3:
        sub = os.path.join(d, "x%d" % rng.randint(0, 20))
        try:
            os.mkdir(sub)
            open(os.path.join(sub, "f"), "w").close()
            made.append(os.path.join(sub, "f"))
            made.append(sub)
        except OSError:
            pass
    p = os.path.join(d, "churn%d" % rng.randint(0, 500))
    try:
        open(p, "w").close()
        made.append(p)
    except OSError:
        pass
    if len(made) > 50:
        for q in made[:25]:
            try:
                os.rmdir(q) if os.path.isdir(q) else os.unlink(q)
            except OSError:
                pass
        del made[:25]
PY
churner=$!
worst=0 warned=0
for i in $(seq 1 10); do
	"$LABEL" apply -j2 -v -r "$root" "$spool/postfix" >/dev/null \
		2>"$T_TMP/churn.$i"
	rc=$?
	no_crash $rc "$T_TMP/churn.$i" && [ $rc -le 1 ] || worst=$rc
	grep -aqE '(warning|error):' "$T_TMP/churn.$i" && warned=1
done
touch "$T_TMP/stop-churn"
wait $churner
check_eq "files created and deleted mid-walk: no crash, no error" 0 $worst
check_eq "vanished files are counted, not warned about" 0 $warned
check "the summary counts vanished entries" \
	grep -aqE ' [0-9]+ vanished' "$T_TMP/churn.1"
check_eq "after the churn: check equals setfiles" "$(setfiles_would "$root" "$spool")" \
	"$(label_would "$root" "$spool")"

# 4. An unreadable directory (root without DAC override, as setfiles
# would meet it): reported, and everything else is still checked.
python3 "$MKTREE" "$root" 0 --seed 21 --scramble-only >/dev/null
chmod 000 "$spool/postfix/hold"
nodac=(setpriv --bounding-set=-dac_override,-dac_read_search)
expect=$("${nodac[@]}" setfiles -n -v -r "$root" "$fc" "$spool" 2>/dev/null |
	grep -a '^Would relabel' | grep -av "postfix/hold from" |
	LC_ALL=C sort)
got=$("${nodac[@]}" "$LABEL" check -r "$root" "$spool" 2>"$T_TMP/err" |
	grep -a '^Would relabel' | grep -av "postfix/hold from" |
	LC_ALL=C sort)
rc=${PIPESTATUS[0]}
check "unreadable directory is reported" \
	grep -aq 'postfix/hold: cannot open directory: Permission denied' \
	"$T_TMP/err"
check_eq "unreadable directory: the rest equals setfiles" "$expect" "$got"
check "unreadable directory: the walk went on" test "$(wc -l <<<"$got")" -gt 100
"${nodac[@]}" "$LABEL" check -r "$root" "$spool" >/dev/null 2>&1
check_eq "unreadable directory: exit status 2" 2 $?
chmod 755 "$spool/postfix/hold"

# 5. SIGINT mid-run stops cleanly; a re-run finishes the job.
big=$(scratch_root)
python3 "$MKTREE" "$big" 30000 --seed 9 --all-wrong --max-size 16 >/dev/null
bfc=$big/etc/selinux/default/contexts/files/file_contexts
before=$(setfiles -n -v -r "$big" "$bfc" "$big/var/spool" "$big/srv" \
	2>/dev/null | grep -a '^Would relabel' | LC_ALL=C sort)
"$LABEL" apply -j1 -r "$big" "$big/var/spool" "$big/srv" >"$T_TMP/int.out" \
	2>"$T_TMP/int" &
pid=$!
# Interrupt once the walk has written something (startup can take a
# while under ASan); 30,000 files leave plenty still to do.
for i in $(seq 1 600); do
	[ -s "$T_TMP/int.out" ] && break
	sleep 0.05
done
kill -INT $pid
wait $pid
rc=$?
check_eq "SIGINT: exit status 2" 2 $rc
check "SIGINT: says it was interrupted" grep -aq interrupted "$T_TMP/int"
check "SIGINT: no crash" no_crash $rc "$T_TMP/int"
after=$(setfiles -n -v -r "$big" "$bfc" "$big/var/spool" "$big/srv" \
	2>/dev/null | grep -a '^Would relabel' | LC_ALL=C sort)
check "SIGINT: the run was partial (some labels still wrong)" \
	test -n "$after"
check "SIGINT: labels left are the old ones, whole (a subset)" \
	test -z "$(LC_ALL=C comm -13 <(echo "$before") <(echo "$after"))"
"$LABEL" apply -r "$big" "$big/var/spool" "$big/srv" >/dev/null 2>&1
check_eq "SIGINT: the re-run exits 0" 0 $?
check_eq "SIGINT: after the re-run setfiles is clean" "" \
	"$(setfiles -n -v -r "$big" "$bfc" "$big/var/spool" "$big/srv" 2>&1)"
rm -rf "$big"

# 6. An invalid context in a file_contexts file: nothing is written.
python3 "$MKTREE" "$root" 0 --seed 33 --scramble-only >/dev/null
snap=$(labels_of "$spool" "$root/srv")
printf '%s\n' '/srv/vmail(/.*)?	system_u:object_r:postfix_spool_t:s0' \
	'/srv/vmail/dom0.*	system_u:object_r:no_such_type_t:s0' >"$fc.local"
"$LABEL" apply -r "$root" "$spool" "$root/srv" >/dev/null 2>"$T_TMP/err"
check_eq "invalid context in file_contexts.local: exit 2" 2 $?
check "the error names file and line" \
	grep -aq "file_contexts.local:2: invalid context" "$T_TMP/err"
check_eq "invalid context: no label was written" "$snap" \
	"$(labels_of "$spool" "$root/srv")"
rm -f "$fc.local"

# 7. An invalid spec (--spec) is rejected before anything is written.
printf '[module]\nname = 9bad name\n' >"$T_TMP/bad.ini"
"$LABEL" apply -r "$root" --spec "$T_TMP/bad.ini" >/dev/null 2>"$T_TMP/err"
check_eq "invalid spec: exit 2" 2 $?
check_eq "invalid spec: no label was written" "$snap" \
	"$(labels_of "$spool" "$root/srv")"
exit $T_FAILED
