#!/usr/bin/env python3
"""mktree.py - build a realistic Postfix mail tree inside a scratch root.

Used by tests/integration/3*-*.sh and tests/bench/3*-*.sh to make trees
for pfsel-label and setfiles to agree on:

    mktree.py ROOT NFILES [--seed N] [--scramble FRACTION] [--all-wrong]
              [--kinds queue,postmulti,vmail,moved] [--max-size BYTES]
              [--scramble-only]

ROOT/var/spool/postfix     main queue, hashed subdirectories (depth 1 or
                           2, hex names as hash_queue_names makes them)
ROOT/var/spool/postfix-out a postmulti instance's queue
ROOT/srv/vmail/DOM/USER    maildirs (cur, new, tmp, Maildir++ folders)
ROOT/srv/mailqueue         a queue moved off /var/spool

About NFILES regular files are made, split between the kinds.  Then a
FRACTION of all entries (files and directories) gets a random, plausible
but wrong security.selinux label (or none at all); --all-wrong labels
every entry wrongly.  File contents are random so that tests can
checksum them.  --scramble-only makes no files: it scrambles the labels
of everything already under ROOT/var/spool and ROOT/srv (symlinks are
not followed).  Names include spaces, a newline and invalid UTF-8 so
that every tool's quoting is exercised.
"""
import argparse
import os
import random

QUEUE_DIRS = ["active", "bounce", "corrupt", "defer", "deferred", "flush",
              "hold", "incoming", "maildrop", "pid", "private", "public",
              "saved", "trace"]
HASHED = ["active", "bounce", "defer", "deferred", "flush", "incoming",
          "trace"]
SOCKETS = ["pickup", "cleanup", "qmgr", "flush", "showq"]
WRONG = [
    "system_u:object_r:etc_t:s0",
    "system_u:object_r:tmp_t:s0",
    "system_u:object_r:default_t:s0",
    "system_u:object_r:var_t:s0",
    "system_u:object_r:postfix_spool_t:s0",
    "system_u:object_r:mail_spool_t:s0",
    "unconfined_u:object_r:user_home_t:s0",
    "system_u:object_r:postfix_private_t:s0",
    None,
]
HEX = "0123456789ABCDEF"
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


class Tree:
    def __init__(self, root, rng, max_size):
        self.root = root.encode()
        self.max_size = max_size
        self.rng = rng
        self.entries = []
        self.files = 0

    def mkdir(self, rel):
        p = self.root + rel
        os.makedirs(p, exist_ok=True)
        self.entries.append(p)

    def file(self, rel, size=None):
        p = self.root + rel
        if size is None:
            size = self.rng.randint(0, self.max_size)
        with open(p, "wb") as f:
            f.write(self.rng.randbytes(size))
        self.entries.append(p)
        self.files += 1

    def queue_id(self):
        # Long queue ids (enable_long_queue_ids = yes) spread over the
        # hashed subdirectories, as a queue filled over hours is.
        return self.rng.choice(HEX) + \
            "".join(self.rng.choice(B62) for _ in range(10)) + \
            "z" + "".join(self.rng.choice(B62) for _ in range(5))


def make_queue(t, top, nfiles, depth):
    t.mkdir(top)
    for d in QUEUE_DIRS:
        t.mkdir(top + b"/" + d.encode())
    for s in SOCKETS:
        t.file(top + b"/public/" + s.encode() if s in ("pickup", "qmgr",
               "flush", "showq") else top + b"/private/" + s.encode(), 0)
    t.file(top + b"/pid/master.pid", 12)
    for i in range(nfiles):
        q = t.rng.choice(HASHED)
        qid = t.queue_id()
        sub = top + b"/" + q.encode()
        for level in range(depth):
            sub += b"/" + qid[level].encode()
            if not os.path.isdir(t.root + sub):
                t.mkdir(sub)
        t.file(sub + b"/" + qid.encode())


def make_vmail(t, top, nfiles):
    t.mkdir(top)
    per_box = 40
    boxes = max(1, nfiles // per_box)
    domains = max(1, int(boxes ** 0.5) // 2)
    made = 0
    for b in range(boxes):
        dom = top + b"/dom%d.example" % (b % domains)
        if not os.path.isdir(t.root + dom):
            t.mkdir(dom)
        box = dom + b"/user%d" % b
        t.mkdir(box)
        folders = [box, box + b"/.Sent", box + b"/.Junk mail"]
        for f in folders[1:]:
            t.mkdir(f)
        for f in folders:
            for s in (b"cur", b"new", b"tmp"):
                t.mkdir(f + b"/" + s)
        for i in range(per_box):
            if made >= nfiles:
                break
            f = t.rng.choice(folders)
            s = t.rng.choice([b"cur", b"cur", b"cur", b"new"])
            name = b"%d.M%dP%d.mx1,S=%d:2,S" % (
                1700000000 + made, t.rng.randint(0, 999999), 4242 + b, i)
            t.file(f + b"/" + s + b"/" + name)
            made += 1


def odd_names(t, top):
    # Names that break naive quoting: spaces, a newline, invalid UTF-8.
    for n in [b"with space", b"new\nline", b"bad\xff\xfeutf8", b"-dash",
              b"tab\there"]:
        t.file(top + b"/" + n, 16)


def scramble(t, fraction, all_wrong):
    for p in t.entries:
        if not all_wrong and t.rng.random() >= fraction:
            continue
        ctx = t.rng.choice(WRONG if not all_wrong else WRONG[:-1])
        try:
            if ctx is None:
                os.removexattr(p, "security.selinux", follow_symlinks=False)
            else:
                os.setxattr(p, "security.selinux", ctx.encode(),
                            follow_symlinks=False)
        except OSError:
            pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("nfiles", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scramble", type=float, default=0.3)
    ap.add_argument("--all-wrong", action="store_true")
    ap.add_argument("--kinds", default="queue,postmulti,vmail,moved")
    ap.add_argument("--max-size", type=int, default=2048)
    ap.add_argument("--scramble-only", action="store_true")
    a = ap.parse_args()
    t = Tree(os.path.abspath(a.root), random.Random(a.seed), a.max_size)
    if a.scramble_only:
        for top in (b"/var/spool", b"/srv"):
            for d, dirs, files in os.walk(t.root + top):
                t.entries.append(d)
                t.entries.extend(os.path.join(d, f) for f in files + dirs
                                 if os.path.islink(os.path.join(d, f)))
                t.entries.extend(os.path.join(d, f) for f in files)
        scramble(t, a.scramble, a.all_wrong)
        print(len(t.entries))
        return
    kinds = a.kinds.split(",")
    share = a.nfiles // len(kinds)
    t.mkdir(b"/var")
    t.mkdir(b"/var/spool")
    t.mkdir(b"/srv")
    if "queue" in kinds:
        make_queue(t, b"/var/spool/postfix", share, 1)
        odd_names(t, b"/var/spool/postfix/hold")
    if "postmulti" in kinds:
        make_queue(t, b"/var/spool/postfix-out", share, 2)
    if "vmail" in kinds:
        make_vmail(t, b"/srv/vmail", share)
        odd_names(t, b"/srv/vmail")
    if "moved" in kinds:
        make_queue(t, b"/srv/mailqueue", share, 1)
    scramble(t, a.scramble, a.all_wrong)
    print(t.files)


if __name__ == "__main__":
    main()
