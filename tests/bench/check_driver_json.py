#!/usr/bin/env python3
"""Checks the JSON the benchmark driver's smoke run wrote (ctest bench/driver_json, after
bench/driver_smoke): every workload has an ok 1-thread and 2-thread stmjit run with a
speedup, STM statistics from stmjit, and the machine-ceiling row (stmjit-procs: 2
independent processes) with a positive time and a speedup computed from stmjit's 1-thread
time. Usage: check_driver_json.py RESULTS.json"""
import json
import sys


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    problems = []
    if data.get("failures"):
        problems.append("driver reported failures: %s" % data["failures"])
    for name in ("richards", "render"):
        prog = data.get("programs", {}).get(name)
        if prog is None:
            problems.append("%s: missing" % name)
            continue
        by_key = {(c["runner"], c["threads"]): c for c in prog["configs"]}
        one = by_key.get(("stmjit", 1))
        for key in (("stmjit", 1), ("stmjit", 2), ("stmjit-procs", 2)):
            c = by_key.get(key)
            if c is None or c["status"] != "ok" or not c["median_s"] or c["median_s"] <= 0:
                problems.append("%s: no successful %s/%d run" % ((name,) + key))
            elif not c["speedup_vs_1_thread"]:
                problems.append("%s: %s/%d has no speedup" % ((name,) + key))
        procs = by_key.get(("stmjit-procs", 2))
        if procs and one and procs["median_s"] and one["median_s"]:
            if procs["processes"] != 2:
                problems.append("%s: ceiling ran %s processes, not 2" % (name, procs["processes"]))
            expected = 2 * one["median_s"] / procs["median_s"]
            if abs(procs["speedup_vs_1_thread"] - expected) > 1e-9:
                problems.append("%s: ceiling speedup %.3f, expected %.3f"
                                % (name, procs["speedup_vs_1_thread"], expected))
            if procs["output"] != one["output"]:
                problems.append("%s: the ceiling's processes printed other output" % name)
        stats = by_key.get(("stmjit", 2), {}).get("stm_stats_median") or {}
        if not isinstance(stats.get("commits"), (int, float)) or stats["commits"] <= 0:
            problems.append("%s: no STM commit count from stmjit at 2 threads" % name)
    for p in problems:
        print("check_driver_json: " + p)
    print("check_driver_json: %s" % ("FAILED" if problems else "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
