# math: constants and the common functions (results as CPython prints them).
import math

print(math.pi, math.e, math.inf, -math.inf, math.isnan(math.nan), math.tau)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.0), math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), type(math.floor(1.5)).__name__)
print(math.trunc(-3.7), math.fabs(-3), math.isinf(math.inf), math.isinf(1e308), math.isfinite(1.0))
print(math.gcd(12, 18), math.gcd(0, 5), math.factorial(20), math.isclose(0.1 + 0.2, 0.3), math.hypot(3, 4))
print(math.pow(2, 10), math.pow(2.0, 0.5), math.exp(0), math.log(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), math.atan2(1, 1) * 4 == math.pi, math.degrees(math.pi), math.radians(180) == math.pi)
print(abs(math.sin(math.pi / 6) - 0.5) < 1e-15, math.tan(0.0), math.asin(1.0) * 2 == math.pi)
print(math.floor(10 ** 20 + 0.5), math.ceil(1e15 + 0.5), sum([0.1] * 10))
for v in [0.5, 1.5, 2.5, -0.5, 1e10]:
    print(v, math.floor(v), math.ceil(v), math.sqrt(abs(v)))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError", e)
from math import sqrt, pi as PI
print(sqrt(81), PI == math.pi)
