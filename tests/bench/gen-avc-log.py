#!/usr/bin/python3
"""gen-avc-log - write a large audit log made of real records.

    gen-avc-log.py SOURCE.log N > OUT.log

Takes the events (records sharing a serial) of a real log that hold an
AVC, keeps them with their SYSCALL/CWD/PATH/PROCTITLE records, and
repeats them with fresh, increasing timestamps and serials until N AVC
records are written.  Used by tests/bench/40-review.sh; the source is
one of the real logs in tests/data/audit.
"""
import re
import sys

HDR = re.compile(r"msg=audit\((\d+)\.(\d+):(\d+)\)")


def events(path):
    ev, order = {}, []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = HDR.search(line)
            if not m:
                continue
            serial = m.group(3)
            if serial not in ev:
                ev[serial] = []
                order.append(serial)
            ev[serial].append(line.rstrip("\n"))
    out = []
    for s in order:
        recs = ev[s]
        navc = sum(1 for r in recs if "type=AVC " in r)
        if navc:
            out.append((recs, navc))
    return out


def main():
    src, n = sys.argv[1], int(sys.argv[2])
    evs = events(src)
    if not evs:
        sys.exit("gen-avc-log: no AVC events in " + src)
    w = sys.stdout.write
    written, serial, t = 0, 1, 1700000000
    while written < n:
        for recs, navc in evs:
            if written >= n:
                break
            serial += 1
            t += 1
            stamp = "msg=audit(%d.%03d:%d)" % (t, serial % 1000, serial)
            for r in recs:
                if written >= n and "type=AVC " in r:
                    continue
                w(HDR.sub(stamp, r, count=1) + "\n")
            written += navc


main()
