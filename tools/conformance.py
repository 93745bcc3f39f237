#!/usr/bin/env python3
"""Conformance check against public benchmark suites (not committed here):
runs pyperformance's pure-Python benchmarks (with our pyperf stand-in on the
path) and the Are-We-Fast-Yet Python suite under python3 and stmjit, compares
their output (timings masked) and prints a status and time-ratio table.

    tools/fetch-conformance.sh          # copies the suites into conformance/ (git-ignored)
    python3 tools/conformance.py [--only NAME] [--stmjit build/stmjit] [--runs 1]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHIM = os.path.join(ROOT, "tools", "conformance")

PYPERF = ["chaos", "deltablue", "fannkuch", "float", "go", "hexiom", "nbody",
          "nqueens", "raytrace", "richards", "spectral_norm", "unpack_sequence"]
# AWFY programs with the inner-iteration count used here (small: a conformance
# check, not a benchmark; CD needs an even count).
AWFY = [("Richards", 1), ("DeltaBlue", 50), ("NBody", 1), ("Json", 1),
        ("Havlak", 1), ("CD", 2), ("Bounce", 10), ("List", 10), ("Mandelbrot", 1),
        ("Permute", 10), ("Queens", 10), ("Sieve", 10), ("Storage", 10), ("Towers", 10)]

# --size std: the inner counts of AWFY's rebench configuration and 10 pyperformance loops,
# for time ratios that are not dominated by start-up.
AWFY_STD = {"Richards": 100, "DeltaBlue": 12000, "NBody": 250000, "Json": 100, "Havlak": 1500, "CD": 250,
            "Bounce": 1500, "List": 1500, "Mandelbrot": 500, "Permute": 1000, "Queens": 1000, "Sieve": 3000,
            "Storage": 1000, "Towers": 600}

TIMING = re.compile(r"\d+(\.\d+)?us")


def run(cmd, cwd, env, timeout):
    start = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout after %d s" % timeout, timeout
    return p.returncode, TIMING.sub("<t>us", p.stdout) + p.stderr, time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suites", default=os.path.join(ROOT, "conformance"))
    ap.add_argument("--stmjit", default=os.path.join(ROOT, "build", "stmjit"))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--only", help="run only programs whose name contains this")
    ap.add_argument("--runs", type=int, default=1, help="runs per VM (median time)")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--show", action="store_true", help="print the diff of failures")
    ap.add_argument("--size", choices=["small", "std"], default="small",
                    help="small: quick conformance sizes; std: benchmark sizes for time ratios")
    ns = ap.parse_args()

    cases = []
    for name in PYPERF:
        cases.append(("pyperf " + name, os.path.join(ns.suites, "pyperf"), [name + ".py"]))
    for name, inner in AWFY:
        if ns.size == "std":
            inner = AWFY_STD[name]
        cases.append(("awfy " + name, os.path.join(ns.suites, "awfy"),
                      ["harness.py", name, "1", str(inner)]))
    env = dict(os.environ, PYTHONPATH=SHIM + os.environ.get("CONFORMANCE_EXTRA_PATH", ""))
    if ns.size == "std":
        env["PYPERF_LOOPS"] = "10"
    failures = 0
    print("%-22s %-8s %9s %9s %7s" % ("program", "status", "stmjit", "python3", "ratio"))
    for label, cwd, args in cases:
        if ns.only and ns.only.lower() not in label.lower():
            continue
        if not os.path.isdir(cwd):
            sys.exit("missing %s: run tools/fetch-conformance.sh first" % cwd)
        ref_times, our_times = [], []
        for _ in range(ns.runs):
            ref_rc, ref_out, t = run([ns.python] + args, cwd, env, ns.timeout)
            ref_times.append(t)
            our_rc, our_out, t = run([ns.stmjit, "run"] + args, cwd, env, ns.timeout)
            our_times.append(t)
        ok = ref_rc == our_rc and ref_out == our_out
        failures += not ok
        ours, ref = statistics.median(our_times), statistics.median(ref_times)
        print("%-22s %-8s %8.3fs %8.3fs %6.2fx" % (label, "ok" if ok else "FAIL", ours, ref, ours / ref),
              flush=True)
        if not ok:
            lines = [l for l in our_out.splitlines() if l.strip()]
            print("    " + (lines[-1] if lines else "(no output) exit %s" % our_rc))
            if ns.show:
                print("    --- expected (exit %s):\n%s    --- got (exit %s):\n%s" % (ref_rc, ref_out, our_rc, our_out))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
