# lib_functools.py: functools from lib/functools.py.
from functools import *
import functools
from operator import add, mul
print(reduce(add, [1, 2, 3, 4]), reduce(mul, range(1, 6), 10), reduce(lambda a, b: a + [b], 'abc', []))
try: reduce(add, [])
except TypeError as e: print('TypeError', e)
def power(base, exp, mod=None): return pow(base, exp, mod) if mod else base ** exp
sq = partial(power, exp=2); cube = partial(power, exp=3); p2 = partial(power, 2)
print(sq(5), cube(2), p2(10), partial(p2, 3)(), partial(p2, 3).args, sq.keywords, sq.func is power)
print(repr(partial(max, 1, key=abs)))
calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@lru_cache(maxsize=2)
def sqr(x): return x * x
for v in [1, 2, 1, 3, 2, 1, 1]: sqr(v)
print(sqr.cache_info(), sqr.cache_info().hits, sqr.__name__)
@lru_cache
def ident(x, y=0): return (x, y)
print(ident(1), ident(1), ident(1, y=2), ident(1, y=2), ident.cache_info())
@cache
def fact(n): return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact.cache_info())
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k) + 1
    return inner
@deco
def answer(x):
    "Return x."
    return x
print(answer(41), answer.__name__, answer.__wrapped__.__name__)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(2) >= V(2), V(3) <= V(2), sorted([V(3), V(1), V(2)], key=lambda x: x.v)[0].v, max([V(3), V(5), V(2)]).v)
@total_ordering
class W:
    def __init__(self, v): self.v = v
    def __ge__(self, o): return self.v >= o.v
print(W(1) < W(2), W(1) > W(2), W(2) <= W(2), W(3) >= W(4))
try:
    @total_ordering
    class Z: pass
except ValueError as e: print('ValueError', e)
def cmp(a, b): return (a > b) - (a < b)
print(sorted([5, 2, 8, 1], key=cmp_to_key(cmp)), sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(b) - len(a))))
class C:
    def __init__(self): self.n = 0
    @cached_property
    def val(self):
        self.n += 1
        return 42
c = C(); print(c.val, c.val, c.n)
try: hash(cmp_to_key(cmp)(1))
except TypeError as e: print('TypeError')
try: partial(5)
except TypeError as e: print('TypeError', e)
