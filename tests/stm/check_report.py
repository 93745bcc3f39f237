#!/usr/bin/env python3
"""Checks what stmjit reports about transactions: `run --stm-report` prints totals, the top
conflicts with both sides' source locations and the sites that made big private copies; STMJIT_STM_STATS=PATH writes the totals as JSON;
`--stm-log` streams events; `--gil --stm-report` says STM was not used.
Usage: check_report.py STMJIT"""
import json
import os
import re
import subprocess
import sys
import tempfile

stmjit = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
prog = os.path.join(here, "conflicts.py")
problems = []


def run(args, env=None, program=prog, expected="160\n"):
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([stmjit, "run"] + args + [program], capture_output=True, text=True, timeout=120, env=e)
    if p.returncode != 0 or p.stdout != expected:
        problems.append("%s: exit %d, stdout %r" % (args, p.returncode, p.stdout))
    return p.stderr


err = run(["--stm-report"])
if not re.search(r"^STM: \d+ commits .*\d+ aborts", err, re.M):
    problems.append("--stm-report: no totals line:\n" + err)
if not re.search(r"^STM: [\d.]+ ms lost in aborts", err, re.M):
    problems.append("--stm-report: no time-lost line")
m = re.search(r"^STM conflict: .*\((write-write|read-write|write-read) on ([\w.]+)\)\n  here:  (.*)\n  other: (.*)$", err, re.M)
if not m:
    problems.append("--stm-report: no conflict with both locations:\n" + err)
elif m.group(2) != "Task.count":   # the threads collide on that attribute and nothing else
    problems.append("--stm-report: conflict on %r, expected Task.count:\n%s" % (m.group(2), err))
else:
    for side in (m.group(3), m.group(4)):
        if not re.search(r"\.py:\d+ in \w", side):
            problems.append("conflict location is not file:line in function: %r" % side)

# Globals and dict entries are named too.
err = run(["--stm-report"], program=os.path.join(here, "conflicts_named.py"), expected="120 120\n")
for what in ("global total", "dict item"):
    if not re.search(r"^STM conflict: .*\((write-write|read-write|write-read) on %s\)$" % what, err, re.M):
        problems.append("--stm-report: no conflict on %s:\n%s" % (what, err))

# Big private copies are named by site; a program without any prints no such line.
err = run(["--stm-report"], program=os.path.join(here, "copies.py"), expected="2000\n")
m = re.search(r"^STM copies: (\d+) private copies of a big dict, ([\d.]+) MB in all, at (.*)$", err, re.M)
if not m:
    problems.append("--stm-report: no copy site for copies.py:\n" + err)
elif int(m.group(1)) < 2000 or not re.search(r"copies\.py:9 in bump$", m.group(3)):
    problems.append("--stm-report: copy site %r" % m.group(0))
if "STM copies:" in run(["--stm-report"]):
    problems.append("--stm-report: conflicts.py copies nothing big, but a copy site was reported")

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "stats.json")
    run([], {"STMJIT_STM_STATS": path})
    try:
        stats = json.load(open(path))
        for key in ("commits", "aborts", "abort_cpu_seconds", "wait_cpu_seconds", "inevitable"):
            if key not in stats:
                problems.append("STMJIT_STM_STATS: missing %s" % key)
        if stats.get("commits", 0) <= 0:
            problems.append("STMJIT_STM_STATS: no commits counted")
    except (OSError, ValueError) as e:
        problems.append("STMJIT_STM_STATS: %s" % e)

err = run(["--stm-log"])
if not re.search(r"^stm\[\d+\] commit [\d.]+ ms$", err, re.M):
    problems.append("--stm-log: no commit events")

err = run(["--gil", "--stm-report"])
if "STM: not used (--gil)" not in err:
    problems.append("--gil --stm-report: %r" % err)

for p in problems:
    print("FAIL:", p)
print("check_report: %d problems" % len(problems))
sys.exit(1 if problems else 0)
