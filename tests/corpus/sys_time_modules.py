# sys and time: argv, path, stdout/stderr objects, recursion limit, exit via SystemExit,
# and the non-timing-dependent uses of time (monotonicity, types, sleep).
import sys
import time

print(sys.argv, len(sys.argv), type(sys.path).__name__, len(sys.path) > 0)
print(hasattr(sys.stdout, "write"), hasattr(sys.stderr, "write"))
old = sys.getrecursionlimit() if hasattr(sys, "getrecursionlimit") else 1000
sys.setrecursionlimit(5000)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(3000))
sys.setrecursionlimit(old)
try:
    sys.exit(5)
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit", e.code)
t0 = time.time()
p0 = time.perf_counter()
n0 = time.perf_counter_ns()
time.sleep(0.02)
t1 = time.time()
p1 = time.perf_counter()
n1 = time.perf_counter_ns()
print(type(t0).__name__, type(p0).__name__, type(n0).__name__, t0 > 1600000000, p1 > p0, n1 > n0, p1 - p0 >= 0.015, n1 - n0 >= 15000000, t1 >= t0)
time.sleep(0)
print("done")
