#!/usr/bin/env python3
"""Benchmark driver: runs each workload at several thread counts under stmjit (STM),
stmjit --gil, python3 and pypy3.

Every configuration (runner x thread count) runs --runs times; the runs are interleaved
(run 1 of every configuration, then run 2, ...) so that drift of a shared machine hits all
runners alike and the ratios come from runs made side by side. The driver checks that every
configuration printed the same output, then prints per workload: the median wall time,
the speedup over the same runner's 1-thread median, the median CPU time (user + system of
all threads, from wait4) and, for stmjit's STM runs, the commits,
aborts and CPU time lost to aborts that stmjit writes to the file named by
STMJIT_STM_STATS (a JSON object; "-" when it was not written). Then the single-thread
comparison: stmjit vs python3 vs pypy3 median times and peak RSS with their ratios.
Everything (every run's time, RSS and stats, medians, speedups) goes to --json.

The machine's own ceiling is measured alongside (runner "stmjit-procs", unless --no-ceiling):
N independent 1-thread stmjit processes started together, each doing the whole 1-thread
workload; its speedup is N times the 1-thread time over the time the slowest of them took.
Two cores shared with other machines rarely give 2.00x even to processes that share
nothing, so a thread speedup is best read against this ceiling from the same run.

CPython and PyPy get a PYTHONPATH holding only stm.py and transaction.py (symlinks into
lib/, made in a temporary directory), so they use the same stm fallback as stmjit without
lib/'s other modules shadowing their standard library.

Usage: tools/bench.py [--runs N] [--threads 1,2,4] [--only NAME] [--runners LIST]
                      [--stmjit PATH] [--json PATH] [--timeout S] [--small] [--no-ceiling]
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# Workloads: name, script, a description of the size, and the arguments for a thread count.
# The total work is the same at every thread count (about a second under CPython).
# --small sizes are for trying the driver out quickly, not for measuring.
def richards_args(threads, small):
    return ["4" if small else "30", str(threads)]


def render_args(threads, small):
    return ["--threads", str(threads)] + (["48", "36"] if small else ["160", "120"])


WORKLOADS = [
    ("richards", "bench/richards.py", "30 iterations", richards_args),
    ("render", "bench/render.py", "160x120, one task per row on a TransactionQueue", render_args),
]

RUNNER_NAMES = ["stmjit", "stmjit-gil", "python3", "pypy3"]
STM_RUNNER = "stmjit"      # the runner whose runs report STM statistics
CEILING_RUNNER = "stmjit-procs"   # N independent 1-thread stmjit processes at once


def stm_pythonpath():
    """A fresh temporary directory holding only stm.py and transaction.py (symlinks to
    lib/, or copies where symlinks are not possible). The caller removes it."""
    path = tempfile.mkdtemp(prefix="stmjit-stmpath-")
    for name in ("stm.py", "transaction.py"):
        src = os.path.join(ROOT, "lib", name)
        dst = os.path.join(path, name)
        try:
            os.symlink(src, dst)
        except OSError:
            shutil.copyfile(src, dst)
    return path


def real_python3():
    """CPython itself rather than a wrapper such as a pyenv shim, whose own start-up cost
    would be charged to CPython."""
    python3 = shutil.which("python3")
    if not python3:
        return None
    real = subprocess.run([python3, "-c", "import sys; print(sys.executable)"],
                          capture_output=True, text=True).stdout.strip()
    return real or python3


def accepts_gil_flag(stmjit):
    """Whether `stmjit run --gil FILE` is understood (it exits 2 with a usage otherwise)."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write("print('ok')\n")
    try:
        p = subprocess.run([stmjit, "run", "--gil", f.name], capture_output=True, text=True,
                           timeout=30)
        return p.returncode == 0 and p.stdout == "ok\n"
    except (OSError, subprocess.TimeoutExpired):
        return False
    finally:
        os.unlink(f.name)


def runs_threads(cmd, env):
    """Whether the runner can start a thread (stmjit's threading module may not exist yet:
    then its multi-thread configurations are skipped with a note instead of failing)."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write("import threading\nbox = []\nt = threading.Thread(target=box.append, "
                "args=(1,))\nt.start()\nt.join()\nprint(box)\n")
    try:
        e = dict(os.environ)
        e.update(env)
        p = subprocess.run(cmd + [f.name], capture_output=True, text=True, timeout=60, env=e)
        return p.returncode == 0 and p.stdout == "[1]\n"
    except (OSError, subprocess.TimeoutExpired):
        return False
    finally:
        os.unlink(f.name)


def find_runners(stmjit_path, wanted, pythonpath):
    """(name, command prefix, extra environment) of each runner that is available; a
    missing one is skipped with a note on stderr."""
    runners = []
    notes = []
    py_env = {"PYTHONPATH": pythonpath}
    if os.access(stmjit_path, os.X_OK):
        if "stmjit" in wanted:
            runners.append(("stmjit", [stmjit_path, "run"], {}))
        if "stmjit-gil" in wanted:
            if accepts_gil_flag(stmjit_path):
                runners.append(("stmjit-gil", [stmjit_path, "run", "--gil"], {}))
            else:
                notes.append("stmjit-gil skipped: %s does not accept `run --gil` yet"
                             % stmjit_path)
    else:
        notes.append("stmjit skipped: %s not found or not executable (build it with "
                     "tools/build.sh)" % stmjit_path)
    if "python3" in wanted:
        python3 = real_python3()
        if python3:
            runners.append(("python3", [python3], py_env))
        else:
            notes.append("python3 skipped: not installed")
    if "pypy3" in wanted:
        pypy3 = shutil.which("pypy3")
        if pypy3:
            runners.append(("pypy3", [pypy3], py_env))
        else:
            notes.append("pypy3 skipped: not installed")
    threaded = []
    for name, cmd, env in runners:
        if not runs_threads(cmd, env):
            notes.append("%s: cannot start a thread (no working threading module); its runs "
                         "with more than 1 thread are skipped" % name)
            threaded.append(False)
        else:
            threaded.append(True)
    for note in notes:
        print("bench: " + note, file=sys.stderr)
    return [r + (t,) for r, t in zip(runners, threaded)], notes


def vm_version(cmd):
    args = cmd[:1] + ["--version"]
    try:
        p = subprocess.run(args, capture_output=True, text=True, timeout=30)
        return (p.stdout.strip() or p.stderr.strip()).splitlines()[0]
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return "?"


def run_measured(cmd, timeout, env):
    """Runs cmd; returns (exit status, stdout, stderr, wall seconds, peak RSS in KiB,
    CPU seconds (user + system, all threads)).

    The child is reaped with os.wait4 so that its own peak RSS (ru_maxrss) is known.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env)
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
    return (code, b"".join(chunks["out"]), err, wall, usage.ru_maxrss,
            usage.ru_utime + usage.ru_stime)


def run_concurrently(cmd, copies, timeout, env):
    """Starts `copies` instances of cmd at once; returns the first failure's
    (status, stdout, stderr, ...) or, if all succeed, the slowest one's result with the CPU
    time summed and the largest peak RSS (the same tuple as run_measured)."""
    results = [None] * copies

    def one(i):
        results[i] = run_measured(cmd, timeout, env)

    workers = [threading.Thread(target=one, args=(i,)) for i in range(copies)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    for r in results:
        if r[0] != 0:
            return r
    slowest = max(results, key=lambda r: r[3])
    outputs = set(r[1] for r in results)
    out = slowest[1] if len(outputs) == 1 else b"(the copies printed different outputs)"
    return (0, out, slowest[2], slowest[3], max(r[4] for r in results),
            sum(r[5] for r in results))


def read_stats(path):
    """The STM statistics stmjit wrote at exit, or None if it wrote nothing usable."""
    try:
        with open(path) as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


STAT_KEYS = ("commits", "aborts", "abort_cpu_seconds", "wait_cpu_seconds", "inevitable")


def median_stats(stats):
    """Per key, the median over the runs that reported it; None if no run reported any."""
    reported = [s for s in stats if s is not None]
    if not reported:
        return None
    out = {}
    for key in STAT_KEYS:
        values = [s[key] for s in reported if isinstance(s.get(key), (int, float))]
        if values:
            out[key] = statistics.median(values)
    return out


def default_thread_counts():
    n = os.cpu_count() or 1
    if n <= 8:
        counts = list(range(1, n + 1))
    else:
        counts = []
        k = 1
        while k < n:
            counts.append(k)
            k *= 2
        counts.append(n)
    counts.append(2 * n)     # oversubscribed
    return counts


def parse_thread_counts(text):
    counts = []
    for part in text.split(","):
        part = part.strip()
        if part:
            k = int(part)
            if k < 1:
                raise argparse.ArgumentTypeError("thread counts must be at least 1")
            if k not in counts:
                counts.append(k)
    if not counts:
        raise argparse.ArgumentTypeError("no thread counts in %r" % text)
    return sorted(counts)


def fmt_time(t):
    return "-" if t is None else "%.3fs" % t


def fmt_ratio(a, b):
    return "-" if a is None or b is None or b == 0 else "%.2fx" % (a / b)


def fmt_mb(kib):
    return "-" if kib is None else "%.1f MB" % (kib / 1024.0)


def fmt_count(stats, key):
    if not stats or key not in stats:
        return "-"
    v = stats[key]
    return "%d" % v if v == int(v) else "%.1f" % v


def fmt_secs(stats, key):
    if not stats or key not in stats:
        return "-"
    return "%.3fs" % stats[key]


def describe_width(config):
    """'2 threads', or for the machine-ceiling rows '2 processes' (each 1-thread)."""
    if config["copies"] > 1:
        return "%d processes" % config["copies"]
    return "%d thread%s" % (config["threads"], "" if config["threads"] == 1 else "s")


def run_workload(name, script, size, make_args, runners, thread_counts, args, stats_dir,
                 failures):
    """Runs every configuration of one workload --runs times, interleaved; returns its
    results (a dict for the JSON file)."""
    configs = []
    for runner, cmd, extra_env, threaded in runners:
        for threads in thread_counts:
            env = dict(os.environ)
            env.pop("PYTHONPATH", None)
            env.pop("STMJIT_STM_STATS", None)
            env.update(extra_env)
            configs.append({
                "runner": runner, "threads": threads,
                "command": cmd + [script] + make_args(threads, args.small),
                "env": env, "status": "ok" if threads == 1 or threaded else
                "skipped (cannot start threads)", "times": [], "cpu": [], "rss": [], "stats": [],
                "outputs": set(), "copies": 1,
            })
        if runner == STM_RUNNER and not args.no_ceiling:
            template = configs[-1]      # this runner's env; the command is replaced
            for threads in thread_counts:
                if threads > 1:
                    configs.append(dict(template, runner=CEILING_RUNNER, status="ok",
                                        threads=threads, copies=threads, times=[], cpu=[],
                                        rss=[], stats=[], outputs=set(),
                                        command=cmd + [script] + make_args(1, args.small)))
    for i in range(args.runs):
        for c in configs:
            if c["status"] != "ok":
                continue
            env = c["env"]
            stats_path = None
            if c["runner"] == STM_RUNNER:
                stats_path = os.path.join(stats_dir, "%s-%d-%d.json" % (name, c["threads"], i))
                if os.path.exists(stats_path):
                    os.unlink(stats_path)
                env = dict(env)
                env["STMJIT_STM_STATS"] = stats_path
            if c["copies"] > 1:
                code, out, err, wall, maxrss, cpu = run_concurrently(
                    c["command"], c["copies"], args.timeout, env)
            else:
                code, out, err, wall, maxrss, cpu = run_measured(c["command"], args.timeout,
                                                                 env)
            if code != 0:
                c["status"] = "exit %d" % code
                sys.stderr.write("bench: %s under %s with %s failed (exit %d):\n%s\n"
                                 % (name, c["runner"], describe_width(c), code,
                                    err.decode(errors="replace")[-2000:]))
                continue
            c["times"].append(wall)
            c["cpu"].append(cpu)
            c["rss"].append(maxrss)
            c["outputs"].add(out)
            if stats_path is not None:
                c["stats"].append(read_stats(stats_path))
        print("  %-9s run %d/%d done" % (name, i + 1, args.runs), file=sys.stderr, flush=True)

    # Outputs: each configuration must be stable, and all must agree.
    reference = None
    for c in configs:
        out_text = None
        if c["status"] == "ok":
            if len(c["outputs"]) != 1:
                c["status"] = "output differs between runs"
            else:
                out_text = next(iter(c["outputs"])).decode(errors="replace")
                if reference is None:
                    reference = (c, out_text)
                elif out_text != reference[1]:
                    c["status"] = "output differs from %s/%d threads" % (
                        reference[0]["runner"], reference[0]["threads"])
                    sys.stderr.write("bench: %s under %s/%d printed:\n%s\n%s/%d printed:\n%s\n"
                                     % (name, c["runner"], c["threads"], out_text,
                                        reference[0]["runner"], reference[0]["threads"],
                                        reference[1]))
        c["output"] = out_text
        if c["status"] != "ok" and not c["status"].startswith("skipped"):
            failures.append("%s under %s with %s: %s"
                            % (name, c["runner"], describe_width(c), c["status"]))

    prog = {"script": script, "size": "small" if args.small else size, "configs": []}
    one_thread = {}
    for c in configs:
        ok = c["status"] == "ok" and c["times"]
        c["median_s"] = statistics.median(c["times"]) if ok else None
        c["peak_rss_kib"] = max(c["rss"]) if ok else None
        if c["threads"] == 1:
            one_thread[c["runner"]] = c["median_s"]
    for c in configs:
        base = one_thread.get(STM_RUNNER if c["copies"] > 1 else c["runner"])
        # The ceiling's copies each do the whole 1-thread work, so N of them finishing in
        # the 1-thread time is an N-fold speedup.
        c["speedup"] = c["copies"] * base / c["median_s"] if base and c["median_s"] else None
        c["stats_median"] = median_stats(c["stats"]) if c["runner"] == STM_RUNNER else None
        prog["configs"].append({
            "runner": c["runner"], "threads": c["threads"], "command": c["command"],
            "processes": c["copies"],
            "status": c["status"], "times": c["times"], "median_s": c["median_s"],
            "speedup_vs_1_thread": c["speedup"], "cpu_s": c["cpu"],
            "median_cpu_s": statistics.median(c["cpu"]) if c["median_s"] else None, "peak_rss_kib_per_run": c["rss"],
            "peak_rss_kib": c["peak_rss_kib"],
            "stm_stats_per_run": c["stats"] if c["runner"] == STM_RUNNER else None,
            "stm_stats_median": c["stats_median"], "output": c["output"],
        })
    return prog


def print_thread_table(name, prog, runs):
    print()
    print("%s (%s): median wall time of %d runs, speedup over the same runner at 1 thread"
          % (name, prog["size"], runs))
    print("%-11s %7s %9s %8s %9s %9s %8s %10s %10s %10s" % (
        "runner", "threads", "time", "speedup", "CPU", "commits", "aborts", "abort CPU",
        "wait CPU", "inevitable"))
    for c in prog["configs"]:
        if c["status"] != "ok":
            print("%-11s %7d %s" % (c["runner"], c["threads"], c["status"]))
            continue
        s = c["stm_stats_median"]
        stm = c["runner"] == STM_RUNNER
        print(("%-11s %7d %9s %8s %9s %9s %8s %10s %10s %10s" % (
            c["runner"], c["threads"], fmt_time(c["median_s"]),
            "-" if c["speedup_vs_1_thread"] is None else "%.2fx" % c["speedup_vs_1_thread"],
            fmt_time(c["median_cpu_s"]),
            fmt_count(s, "commits") if stm else "",
            fmt_count(s, "aborts") if stm else "",
            fmt_secs(s, "abort_cpu_seconds") if stm else "",
            fmt_secs(s, "wait_cpu_seconds") if stm else "",
            fmt_count(s, "inevitable") if stm else "")).rstrip())
    if any(c["processes"] > 1 for c in prog["configs"]):
        print("(%s: that many independent 1-thread stmjit processes at once, each doing the "
              "whole 1-thread work; its speedup is the machine's ceiling for the threads)"
              % CEILING_RUNNER)


def print_single_thread_tables(results):
    """The stmjit vs python3 vs pypy3 comparison at 1 thread (same invocation)."""
    def one(prog, runner, key):
        for c in prog["configs"]:
            if c["runner"] == runner and c["threads"] == 1:
                return c[key]
        return None

    cols = ["stmjit", "stmjit-gil", "python3", "pypy3"]
    header = "%-10s %11s %11s %11s %11s %15s %13s" % (
        "program", "stmjit", "stmjit-gil", "python3", "pypy3", "stmjit/python3",
        "stmjit/pypy3")
    print()
    print("single thread: median wall time (%d runs each)" % results["runs"])
    print(header)
    single = {}
    for name, prog in results["programs"].items():
        t = {r: one(prog, r, "median_s") for r in cols}
        m = {r: one(prog, r, "peak_rss_kib") for r in cols}
        single[name] = {
            "median_s": t, "peak_rss_kib": m,
            "ratio_stmjit_python3": t["stmjit"] / t["python3"]
            if t["stmjit"] and t["python3"] else None,
            "ratio_stmjit_pypy3": t["stmjit"] / t["pypy3"] if t["stmjit"] and t["pypy3"] else None,
            "rss_ratio_stmjit_python3": m["stmjit"] / m["python3"]
            if m["stmjit"] and m["python3"] else None,
        }
        print("%-10s %11s %11s %11s %11s %15s %13s" % (
            name, fmt_time(t["stmjit"]), fmt_time(t["stmjit-gil"]), fmt_time(t["python3"]),
            fmt_time(t["pypy3"]), fmt_ratio(t["stmjit"], t["python3"]),
            fmt_ratio(t["stmjit"], t["pypy3"])))
    print()
    print("single thread: peak RSS (largest over the runs)")
    print(header)
    for name in results["programs"]:
        m = single[name]["peak_rss_kib"]
        print("%-10s %11s %11s %11s %11s %15s %13s" % (
            name, fmt_mb(m["stmjit"]), fmt_mb(m["stmjit-gil"]), fmt_mb(m["python3"]),
            fmt_mb(m["pypy3"]), fmt_ratio(m["stmjit"], m["python3"]),
            fmt_ratio(m["stmjit"], m["pypy3"])))
    return single


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")),
                    help="runs per configuration (default 5, or $BENCH_RUNS)")
    ap.add_argument("--threads", type=parse_thread_counts, default=None,
                    help="comma-separated thread counts (default 1..cores, plus 2*cores)")
    ap.add_argument("--stmjit", default=os.path.join(ROOT, "build", "stmjit"))
    ap.add_argument("--only", action="append",
                    help="run only this workload (repeatable, or comma-separated)")
    ap.add_argument("--runners", default=",".join(RUNNER_NAMES),
                    help="comma-separated subset of %s" % ",".join(RUNNER_NAMES))
    ap.add_argument("--json", default=os.path.join(ROOT, "bench", "results", "latest.json"))
    ap.add_argument("--timeout", type=int, default=600, help="seconds allowed per run")
    ap.add_argument("--no-ceiling", action="store_true",
                    help="skip the machine-ceiling runs (N independent 1-thread processes)")
    ap.add_argument("--small", action="store_true",
                    help="tiny sizes, to try the driver out (not a measurement)")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    thread_counts = args.threads or default_thread_counts()
    if 1 not in thread_counts:
        thread_counts = [1] + thread_counts     # speedups are relative to 1 thread
    only = None
    if args.only:
        only = set()
        for o in args.only:
            only.update(x for x in o.split(",") if x)
        unknown = only - set(w[0] for w in WORKLOADS)
        if unknown:
            ap.error("unknown workload(s): %s" % ", ".join(sorted(unknown)))
    wanted = [r for r in args.runners.split(",") if r]
    for r in wanted:
        if r not in RUNNER_NAMES:
            ap.error("unknown runner %r (choose from %s)" % (r, ", ".join(RUNNER_NAMES)))

    pythonpath = stm_pythonpath()
    stats_dir = tempfile.mkdtemp(prefix="stmjit-stats-")
    try:
        runners, notes = find_runners(args.stmjit, wanted, pythonpath)
        workloads = [w for w in WORKLOADS if only is None or w[0] in only]
        results = {
            "date": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "runs": args.runs,
            "thread_counts": thread_counts,
            "runners": {name: {"command": cmd, "version": vm_version(cmd),
                               "env": env, "threads_work": threaded}
                        for name, cmd, env, threaded in runners},
            "notes": notes,
            "programs": {},
        }
        failures = []
        print("bench: %d runs of each of %s at %s threads, on %d cores"
              % (args.runs, ", ".join(r[0] for r in runners),
                 ",".join(str(t) for t in thread_counts), os.cpu_count() or 1), flush=True)
        for name, script, size, make_args in workloads:
            results["programs"][name] = run_workload(name, script, size, make_args, runners,
                                                     thread_counts, args, stats_dir, failures)
    finally:
        shutil.rmtree(pythonpath, ignore_errors=True)
        shutil.rmtree(stats_dir, ignore_errors=True)

    for name, prog in results["programs"].items():
        print_thread_table(name, prog, args.runs)
    results["single_thread"] = print_single_thread_tables(results)
    for note in notes:
        print("note: " + note)
    if not any(c["stm_stats_per_run"] and any(c["stm_stats_per_run"])
               for prog in results["programs"].values() for c in prog["configs"]):
        print("note: no STM statistics (stmjit wrote nothing to $STMJIT_STM_STATS)")

    results["failures"] = failures
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")
    print("\nresults written to %s" % os.path.relpath(args.json, ROOT))
    if failures or ("stmjit" in wanted and "stmjit" not in results["runners"]):
        print("bench: FAILED: %s" % ("; ".join(failures) or "stmjit missing"), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
