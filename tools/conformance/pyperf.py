"""A small stand-in for the `pyperf` module, so pyperformance's pure-Python
benchmark scripts run unmodified (under stmjit, python3 and pypy3) without
pyperf's process spawning and statistics.

Runner.bench_func / bench_time_func call the benchmark once (PYPERF_LOOPS
changes the loop count) and print one deterministic line: the benchmark's
name and, for bench_func, the repr of what the function returned, so the
output can be compared with CPython's. The elapsed time goes to stderr."""

import os
import time

perf_counter = time.perf_counter


class _Namespace:
    pass


class _ArgParser:
    """Records add_argument defaults; parse_args returns them (no real
    command-line parsing: the benchmarks run with their defaults)."""

    def __init__(self):
        self._defaults = {}

    def add_argument(self, *names, **options):
        long_names = [n for n in names if n.startswith("--")]
        name = long_names[0] if long_names else names[0]
        dest = options.get("dest", name.lstrip("-").replace("-", "_"))
        default = options.get("default")
        if options.get("action") == "store_true" and default is None:
            default = False
        self._defaults[dest] = default

    def parse_args(self, args=None):
        namespace = _Namespace()
        for dest, value in self._defaults.items():
            setattr(namespace, dest, value)
        return namespace


def _loops():
    return int(os.environ.get("PYPERF_LOOPS", "1"))


class Runner:
    def __init__(self, add_cmdline_args=None, **kwargs):
        self.metadata = {}
        self.argparser = _ArgParser()
        self.args = None

    def parse_args(self, args=None):
        self.args = self.argparser.parse_args(args)
        return self.args

    def _report(self, name, seconds, result_text):
        print("%s: %d loops%s" % (name, _loops(), result_text))
        if os.environ.get("PYPERF_TIME"):
            import sys
            print("%s: %.6f s" % (name, seconds), file=sys.stderr)

    def bench_func(self, name, func, *args, **kwargs):
        result = None
        t0 = perf_counter()
        for _ in range(_loops()):
            result = func(*args)
        seconds = perf_counter() - t0
        self._report(name, seconds, "" if result is None else " -> %r" % (result,))
        return result

    def bench_time_func(self, name, time_func, *args, **kwargs):
        seconds = time_func(_loops(), *args)
        self._report(name, seconds, "")
        return seconds
