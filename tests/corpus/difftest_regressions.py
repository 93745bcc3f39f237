# Divergences the differential tester (tests/difftest) found, kept as regression tests.
import math

# math.hypot / math.dist round like CPython 3.11 (scaled, extended-precision sum of squares),
# not like the C library's hypot.
print(math.hypot(0.5, (-716.9) % 2.5))
print(math.hypot(3, 4), math.hypot(), math.hypot(-2.5), math.hypot(1e-310, 3e-310), math.hypot(1e308, 1e308))
print(math.hypot(float('inf'), float('nan')), math.hypot(float('nan'), 1.0))
print(math.dist((1, 2), [4, 6]), math.dist([0.1, 0.2, 0.3], (0.4, 0.5, 0.6)), math.dist((), ()))
for args in [((1, 2), (1,)), (1, (2,)), ((1,),)]:
    try:
        print(math.dist(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# '%' with a non-tuple argument that has __getitem__ (a list, a dict): leftover arguments are
# not an error, and a lone %s formats the whole argument.
print(repr('' % [1]), repr('x' % {'a': 1}), '%s' % [1, 2], '%(a)s' % {'a': 3})
for fmt, arg in [('%s %s', [1]), ('%s %s', {'a': 1}), ('x', 5), ('x', (1,)), ('%(a)s', [1])]:
    try:
        print(repr(fmt % arg))
    except TypeError as e:
        print('TypeError', e)

# str() keywords
print(repr(str()), str(object=5), str(object=[1]))
for call in [lambda: str(sep='x'), lambda: str(1, sep=2), lambda: str(1, 2, 3, 4), lambda: str(1, object=2)]:
    try:
        print(call())
    except TypeError as e:
        print('TypeError', e)

# round(x, n) with n < 0 rounds the exact value once (x / 10**k rounded twice).
print(round(8.08143242117966e+122 // 2.5, -2), round(150.0, -2), round(250.0, -2), round(-250.0, -2))
print(round(149.99999999999997, -2), round(2.5e22, -22), round(5e-324, -1), round(1e308, -308))
try:
    print(round(1.7e308, -308))
except OverflowError as e:
    print('OverflowError', e)
