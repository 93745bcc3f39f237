#!/usr/bin/env python3
"""Benchmark driver: runs each workload several times under stmjit, python3 and pypy3.

For every program it records the wall time and peak RSS of each run, checks that every VM
printed the same output, and reports medians and the stmjit/python3 and stmjit/pypy3
ratios measured in this same invocation. Results also go to bench/results/latest.json.

Usage: tools/bench.py [--runs N] [--stmjit PATH] [--only NAME] [--json PATH]
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (name, script, arguments). The arguments size each run at roughly a second under CPython.
WORKLOADS = [
    ("richards", "bench/richards.py", ["30"]),
    ("render", "bench/render.py", ["160", "120"]),
]


def find_vms(stmjit_path):
    """Command prefixes of the VMs to compare; a missing VM other than stmjit is skipped."""
    vms = []
    if os.access(stmjit_path, os.X_OK):
        vms.append(("stmjit", [stmjit_path, "run"]))
    else:
        print("bench: %s not found or not executable (build it with tools/build.sh)" % stmjit_path,
              file=sys.stderr)
    # Run CPython directly rather than through a wrapper such as a pyenv shim, whose own
    # start-up cost would be charged to CPython.
    python3 = shutil.which("python3")
    if python3:
        real = subprocess.run([python3, "-c", "import sys; print(sys.executable)"],
                              capture_output=True, text=True).stdout.strip()
        vms.append(("python3", [real or python3]))
    pypy3 = shutil.which("pypy3")
    if pypy3:
        vms.append(("pypy3", [pypy3]))
    else:
        print("bench: pypy3 not installed; skipping it", file=sys.stderr)
    return vms


def vm_version(cmd):
    args = cmd[:1] + ["--version"]
    try:
        p = subprocess.run(args, capture_output=True, text=True, timeout=30)
        return (p.stdout.strip() or p.stderr.strip()).splitlines()[0]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return "?"


def run_measured(cmd, timeout):
    """Runs cmd; returns (exit status, stdout, stderr, wall seconds, peak RSS in KiB).

    The child is reaped with os.wait4 so that its own peak RSS (ru_maxrss) is known.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = start + timeout
    # Drain the pipes in the background so a chatty child cannot block on a full pipe.
    chunks = {"out": [], "err": []}

    def drain(stream, key):
        for block in iter(lambda: stream.read(65536), b""):
            chunks[key].append(block)

    readers = [threading.Thread(target=drain, args=(proc.stdout, "out")),
               threading.Thread(target=drain, args=(proc.stderr, "err"))]
    for r in readers:
        r.start()
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid != 0:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            timed_out = True
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.002)
    wall = time.perf_counter() - start
    for r in readers:
        r.join()
    proc.stdout.close()
    proc.stderr.close()
    code = -1 if timed_out else os.waitstatus_to_exitcode(status)
    proc.returncode = code  # already reaped; keeps Popen from waiting again
    err = b"".join(chunks["err"])
    if timed_out:
        err += b"\n(timed out after %ds)" % timeout
    return code, b"".join(chunks["out"]), err, wall, usage.ru_maxrss


def fmt_time(t):
    return "-" if t is None else "%.3fs" % t


def fmt_ratio(a, b):
    return "-" if a is None or b is None or b == 0 else "%.2fx" % (a / b)


def fmt_mb(kib):
    return "-" if kib is None else "%.1f MB" % (kib / 1024.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    ap.add_argument("--stmjit", default=os.path.join(ROOT, "build", "stmjit"))
    ap.add_argument("--only", action="append", help="run only this workload (repeatable)")
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "results", "latest.json"))
    ap.add_argument("--timeout", type=int, default=600, help="seconds allowed per run")
    args = ap.parse_args()

    vms = find_vms(args.stmjit)
    workloads = [w for w in WORKLOADS if not args.only or w[0] in args.only]
    results = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "runs": args.runs,
        "vms": {name: {"command": cmd, "version": vm_version(cmd)} for name, cmd in vms},
        "programs": {},
    }
    failures = []

    for name, script, wargs in workloads:
        prog = {"script": script, "args": wargs, "vms": {}}
        reference = None
        for vm, cmd in vms:
            times, rss, outputs, status = [], [], set(), "ok"
            for i in range(args.runs):
                code, out, err, wall, maxrss = run_measured(cmd + [script] + wargs, args.timeout)
                if code != 0:
                    status = "exit %d" % code
                    sys.stderr.write("bench: %s %s failed (exit %d):\n%s\n"
                                     % (vm, name, code, err.decode(errors="replace")[-2000:]))
                    break
                times.append(wall)
                rss.append(maxrss)
                outputs.add(out)
            out_text = outputs.pop().decode(errors="replace") if len(outputs) == 1 else None
            if status == "ok" and out_text is None:
                status = "output differs between runs"
            if status == "ok":
                if reference is None:
                    reference = (vm, out_text)
                elif out_text != reference[1]:
                    status = "output differs from %s" % reference[0]
                    sys.stderr.write("bench: %s %s printed:\n%s\n%s printed:\n%s\n"
                                     % (vm, name, out_text, reference[0], reference[1]))
            if status != "ok":
                failures.append("%s under %s: %s" % (name, vm, status))
            prog["vms"][vm] = {
                "status": status,
                "times": times,
                "median_s": statistics.median(times) if status == "ok" else None,
                "peak_rss_kib": max(rss) if status == "ok" and rss else None,
                "output": out_text,
            }
            print("  %-9s %-8s %s" % (name, vm, status if status != "ok" else
                                       "median %s over %d runs" % (fmt_time(prog["vms"][vm]["median_s"]),
                                                                   len(times))), flush=True)
        results["programs"][name] = prog

    # Side-by-side table.
    def med(prog, vm):
        return prog["vms"].get(vm, {}).get("median_s")

    def peak(prog, vm):
        return prog["vms"].get(vm, {}).get("peak_rss_kib")

    print()
    header = "%-10s %10s %10s %10s %15s %13s" % ("program", "stmjit", "python3", "pypy3",
                                                 "stmjit/python3", "stmjit/pypy3")
    print("median wall time (%d runs each)" % args.runs)
    print(header)
    for name, prog in results["programs"].items():
        s, c, p = med(prog, "stmjit"), med(prog, "python3"), med(prog, "pypy3")
        prog["ratio_stmjit_python3"] = s / c if s and c else None
        prog["ratio_stmjit_pypy3"] = s / p if s and p else None
        print("%-10s %10s %10s %10s %15s %13s" % (name, fmt_time(s), fmt_time(c), fmt_time(p),
                                                   fmt_ratio(s, c), fmt_ratio(s, p)))
    print()
    print("peak RSS (largest over the runs)")
    print(header)
    for name, prog in results["programs"].items():
        s, c, p = peak(prog, "stmjit"), peak(prog, "python3"), peak(prog, "pypy3")
        prog["rss_ratio_stmjit_python3"] = s / c if s and c else None
        print("%-10s %10s %10s %10s %15s %13s" % (name, fmt_mb(s), fmt_mb(c), fmt_mb(p),
                                                   fmt_ratio(s, c), fmt_ratio(s, p)))

    results["failures"] = failures
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")
    print("\nresults written to %s" % os.path.relpath(args.json, ROOT))
    if failures or "stmjit" not in results["vms"]:
        print("bench: FAILED: %s" % ("; ".join(failures) or "stmjit missing"), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
