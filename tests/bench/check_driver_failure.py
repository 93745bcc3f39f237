#!/usr/bin/env python3
"""The benchmark driver with a VM that fails every run (ctest bench/driver_failure): it must
exit non-zero, name each failing configuration (threads for thread runs, processes for the
machine-ceiling rows) with the VM's exit status and its stderr, and list the failures in the
JSON. Usage: check_driver_failure.py BENCH.py"""
import json
import os
import stat
import subprocess
import sys
import tempfile

FAKE_VM = """#!/bin/sh
case "$*" in *--version*) echo "fake 0"; exit 0;; esac
echo "fake stmjit: boom" >&2
exit 3
"""


def main():
    bench = sys.argv[1]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        vm = os.path.join(tmp, "stmjit")
        with open(vm, "w") as f:
            f.write(FAKE_VM)
        os.chmod(vm, os.stat(vm).st_mode | stat.S_IXUSR)
        out_json = os.path.join(tmp, "out.json")
        p = subprocess.run([sys.executable, bench, "--small", "--runs", "1", "--threads", "1,2",
                            "--runners", "stmjit", "--stmjit", vm, "--json", out_json],
                           capture_output=True, text=True, timeout=120)
        if p.returncode == 0:
            problems.append("driver exited 0 although every run failed")
        for want in ("richards under stmjit with 1 thread failed (exit 3)",
                     "richards under stmjit-procs with 2 processes failed (exit 3)",
                     "render under stmjit-procs with 2 processes failed (exit 3)",
                     "fake stmjit: boom"):
            if want not in p.stderr:
                problems.append("stderr lacks %r" % want)
        if "with 2 threads failed" in p.stderr:
            problems.append("a ceiling row is described in threads, not processes")
        with open(out_json) as f:
            failures = json.load(f).get("failures") or []
        if not any("stmjit-procs with 2 processes: exit 3" in x for x in failures):
            problems.append("JSON failures lack the ceiling row: %s" % failures)
    if problems:
        print("\n".join(problems))
        print("--- driver stderr ---\n" + p.stderr)
        return 1
    print("ok: failing runs reported")
    return 0


if __name__ == "__main__":
    sys.exit(main())
