#!/usr/bin/env python3
"""Runs tests/stm/stm_api.py under CPython (and PyPy, if installed) through lib/stm.py's
pure-Python fallback, with 1, 2 and 4 worker threads; each run must print stm_api.out.

The interpreter gets the PYTHONPATH tools/bench.py gives it: a temporary directory holding
only stm.py and transaction.py, so lib/'s other modules cannot shadow the standard library.

Usage: run_fallback.py [PYTHON...]   (default: this interpreter, plus pypy3 if installed)
"""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from bench import stm_pythonpath  # noqa: E402


def main():
    pythons = sys.argv[1:] or [sys.executable] + ([shutil.which("pypy3")]
                                                  if shutil.which("pypy3") else [])
    with open(os.path.join(HERE, "stm_api.out")) as f:
        expected = f.read()
    path = stm_pythonpath()
    failures = 0
    try:
        env = dict(os.environ)
        env["PYTHONPATH"] = path
        for python in pythons:
            # The fallback must be in use, and the standard library must not be shadowed.
            probe = subprocess.run(
                [python, "-c", "import stm, collections, os; print(stm.NATIVE, "
                 "os.path.dirname(stm.__file__) == %r, not os.path.realpath("
                 "collections.__file__).startswith(%r))"
                 % (path, os.path.join(ROOT, "lib") + os.sep)],
                capture_output=True, text=True, env=env)
            if probe.stdout.strip() != "False True True":
                print("FAIL %s: probe printed %r, stderr:\n%s"
                      % (python, probe.stdout, probe.stderr))
                failures += 1
            for n in (1, 2, 4):
                p = subprocess.run([python, os.path.join(HERE, "stm_api.py"), str(n)],
                                   capture_output=True, text=True, env=env, timeout=120)
                if p.returncode != 0 or p.stdout != expected:
                    print("FAIL %s with %d threads (exit %d):\n%s%s"
                          % (python, n, p.returncode, p.stdout, p.stderr))
                    failures += 1
                else:
                    print("ok   %s with %d threads" % (python, n))
    finally:
        shutil.rmtree(path, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
