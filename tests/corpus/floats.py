# Floats: shortest round-trip repr, corner values, arithmetic and conversions.
print(0.1 + 0.2, 0.1 * 3, 1 / 3, 2 / 3, 10 / 4, 1e16, 1e15, 1e-5, 1e-4, 0.0001)
print(-0.0, 0.0, -0.0 == 0.0, 1e22, 1e23, 1.5e300 * 1.5e300, -1e308 * 10)
print(123456789.0, 1234567890123456789.0, 0.5, 2.5e-10, 100.0, 1e100, 3.14159)
print(float("inf"), float("-inf"), float("nan"), float("1.5"), float(" -2.25 "), float(7))
inf = float("inf")
nan = float("nan")
print(inf > 1e308, -inf < -1e308, nan == nan, nan != nan, inf == inf, inf - inf)
print(repr(1.0), str(1.0), repr(-2.5), str(1e-7), repr(123.456), str(0.3))
print(7.0 // 2, -7.0 // 2, 7.0 % 2, -7.0 % 2, 7.5 % -2, -7.5 // 2.5, 2.0 ** 0.5, 2 ** 0.5)
print(1.0 + 2, 3 * 0.5, 10 / 2, 9 / 3, 2 ** -2, 1.5 ** 2, (-8.0) ** 2)
print(int(3.9), int(-3.9), int(2.0), int(-0.5), float(3), 3.0 == 3, 0.5 < 1)
print(2.675 * 100, 267.49999999999997, 1.1 * 1.1, 0.7 + 0.1, 4.35 * 100)
print(abs(-2.5), abs(-0.0), max(1.5, 2), min(1, 0.5), sum([0.1] * 10))
print(1e308 * 10, -1e308 * 10, 5e-324, 5e-324 / 2, 2.2250738585072014e-308)
vals = [0.1, 0.25, 1 / 7, 100.0 / 3, 1e-300, 12345.6789, -0.001]
for v in vals:
    print(v, v * 2, v / 3, -v)
x = 1.0
for i in range(20):
    x = x * 1.1 + 0.01
print(x)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    5.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError", e)
print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0), 1.0 in [1], {1: "a"}[1.0])
print(f"{0.1 + 0.2}", "%s %r" % (0.1, 0.2), str(-0.0), str(inf), str(nan))
