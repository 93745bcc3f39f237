# Floats at the edges of stmjit's immediate range (runtime/value.h: magnitudes from about
# 5.9e-39 to 3.4e38 and both zeros are stored in the Value word, the rest in boxes): values,
# signs, hashes, dict keys, arithmetic crossing the edge, subclasses and conversions must be
# the same whichever way a float is stored.
import math
import struct

edges = [0.0, -0.0, 1.5, -2.25, 1e300, 1e-300, float('inf'), float('-inf'), float('nan'),
         5e-324, 3.4e38, 3.5e38, 2.0 ** -127, -(2.0 ** -127), 2.0 ** -126, 2.0 ** 128,
         2.0 ** 127, 2.0 ** 129, 1 / 3, -1e-38, 1.7976931348623157e308]
for x in edges:
    print(repr(x), x == x, hash(x) == hash(float(repr(x))) if x == x else "nan",
          math.copysign(1.0, x), x * 2, x / 3, -x, abs(x), x < 1.0, bool(x))

# Arithmetic that leaves the range and comes back.
big = 2.0 ** 120
print(big * big, big * big / big, (big * big) / (big * big), big * 2 ** 10 / 2 ** 10 == big)
tiny = 2.0 ** -120
print(tiny * tiny, tiny * tiny / tiny, tiny * tiny * 2.0 ** 240 == 1.0)
acc = 1.0
for i in range(200):
    acc *= 3.0
for i in range(200):
    acc /= 3.0
print(acc, acc == 1.0 or abs(acc - 1.0) < 1e-12)

# Zeros: equal, same hash, different sign; one dict key.
print(0.0 == -0.0, hash(0.0) == hash(-0.0), math.copysign(1, -0.0), {0.0: 1, -0.0: 2})
print(str(-0.0), repr(0.0 * -1), -0.0 + 0.0, -0.0 - 0.0)

# Floats and ints as dict keys and set members, equal values together.
d = {1.5: 'a', 2: 'b', 1e300: 'c', 2.0 ** -127: 'd'}
print(d[1.5], d[2.0], 1.5 in d, 1e300 in d, d[2.0 ** -127], len({1.0, 1, True, 1e0}))

# Subclasses stay boxed instances of their class; arithmetic gives plain floats.
class F(float):
    def describe(self):
        return "F(%r)" % float(self)

for v in (2.5, 1e300, 0.0):
    f = F(v)
    print(type(f).__name__, f.describe(), f + 1, type(f + 1).__name__, f == v, hash(f) == hash(v))
print(isinstance(1.5, float), type(1.5) is float, type(1e300) is float, (1.5).__class__)

# Methods and conversions.
print((1.5).is_integer(), (2.0).as_integer_ratio(), (1e300).is_integer(), (0.5).real, (0.5).imag)
print(sorted([3.5, -1.0, 1e300, 2.0, -0.0, 5e-324]), max(1.5, 2), min(1e-300, 1e300))
print(f"{1.5:.3f}", "%g" % 2.5, "%e" % 1e300, str(1e16), int(2.9), int(-1e20), round(2.675, 2))
print(struct.pack('<d', 1.5), struct.unpack('<d', struct.pack('<d', 2.0 ** -127)))
print(float('1.5'), float('-0'), float(' 3e38 '), float(10 ** 40), 7.0 // 2, 7.5 % 2,
      divmod(7.5, 2), 2.0 ** 0.5, math.sqrt(1e300), math.floor(-2.5))
print(sum([0.1] * 10), sum([1e300, 1e300, -1e300]), 1e308 * 10, -1e308 * 10)
