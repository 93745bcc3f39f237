#!/usr/bin/env python3
"""Runs tests/threads/print_storm.py under stmjit and checks that print() from several
threads is never torn or lost: each line is one whole print call, each thread's lines arrive
in order, and the counts are exact. Usage: check_print_storm.py STMJIT [RUN FLAGS...]"""
import os
import re
import subprocess
import sys

THREADS, LINES = 4, 3000


def main():
    stmjit, flags = sys.argv[1], sys.argv[2:]
    prog = os.path.join(os.path.dirname(os.path.abspath(__file__)), "print_storm.py")
    try:
        p = subprocess.run([stmjit, "run", *flags, prog, str(THREADS), str(LINES)], capture_output=True,
                           text=True, timeout=120)
    except subprocess.TimeoutExpired:
        print("FAIL: print_storm.py did not finish in 120 s")
        return 1
    errors = []
    if p.returncode != 0 or p.stderr:
        errors.append("exit %d, stderr %r" % (p.returncode, p.stderr[-2000:]))
    single = re.compile(r"^T(\d) line (\d+) (x+) end$")
    multi = re.compile(r"^T(\d)\|multi\|(\d+)\|args\|(x+) end$")
    seen = {k: [] for k in range(THREADS)}
    multis = {k: [] for k in range(THREADS)}
    other = []
    for line in p.stdout.split("\n")[:-1]:
        m = single.match(line) or multi.match(line)
        if m and len(m.group(3)) == 40 + int(m.group(1)):
            (seen if m.re is single else multis)[int(m.group(1))].append(int(m.group(2)))
        else:
            other.append(line)
    for k in range(THREADS):
        if seen[k] != list(range(LINES)):
            errors.append("thread %d: %d whole lines, out of order or missing" % (k, len(seen[k])))
        if multis[k] != list(range(0, LINES, 7)):
            errors.append("thread %d: %d whole multi-argument lines" % (k, len(multis[k])))
    expected_other = ["computer total 899997", "computer total 899997", "all joined 0"]
    if sorted(other) != sorted(expected_other) or other[-1:] != ["all joined 0"]:
        errors.append("unexpected lines (torn?): %r" % other[:10])
    if errors:
        print("FAIL: " + "\n".join(errors))
        return 1
    print("PASS: %d threads x %d lines, none torn or lost" % (THREADS, LINES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
