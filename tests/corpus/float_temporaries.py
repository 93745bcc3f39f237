# Float temporaries: the interpreter writes the result of float arithmetic into the box of an
# intermediate result that nothing else references (interpreter/opcodes.h, kLeftTemp...).
# Every value that could be wrongly shared or overwritten is printed after the fact.
# stmjit stores floats near 1.0 (up to about 3.4e38) as immediate values, which have no box to
# reuse, so the last part of this file runs the same shapes again with values near 1e200.
import threading


def chains(a, b, c):
    dot = a * b + b * c + c * a
    poly = ((a * 2.0 + 1.0) * a - 3.0) * a / 4.0
    neg = -(a * b) - -(b * c) + +(c * a)
    mixed = (a * 3 + 2) * (7 - b) / 2 + (1 + c) * 2
    return dot, poly, neg, mixed


print(chains(1.5, -2.25, 0.125))
print(chains(3.0, 0.0, -0.0))
print(chains(1e308, 10.0, 1e-308))
x = 0.1
print(x * 3 + x * 7 - x, -(x * x) * -(x * x), (x + 1) * (x + 2) * (x + 3))
i, j = 7, 2
print(i / j + i / j, (i / j) * (j / i), i * j + 0.5, -(i / j), (i * j) - (i * j))   # int/float mixes
print(2 ** 0.5 * 2 ** 0.5 + 1, (x % 0.03) * 10 + 1, (7.5 // 2) * 2 + x)


class Cached:
    """__mul__ / __neg__ / __pos__ return floats stored in the instance."""

    def __init__(self, v):
        self.stored = v
        self.neg = -v

    def __mul__(self, o):
        return self.stored

    def __neg__(self):
        return self.neg

    def __pos__(self):
        return self.stored


def cached_results():
    c = Cached(2.5)
    r1 = c * 3.0 + 1.0            # consumes the stored float: it must not change
    r2 = -c - 10.0
    r3 = (c * 1.0) * 4.0 + (c * 1.0)
    r4 = -(c * 1.0) + 0.5
    r5 = +c * 2.0
    print(r1, r2, r3, r4, r5, c.stored, c.neg)
    v = 6.0
    r6 = +v * 2.0                 # unary + of a variable returns that very float
    r7 = -(+v) + 1.0
    print(r6, r7, v)


cached_results()


class Keeper:
    """__radd__ / __rsub__ / __rmul__ keep the float they receive."""

    def __init__(self):
        self.kept = []

    def __radd__(self, o):
        self.kept.append(o)
        return o

    def __rsub__(self, o):
        self.kept.append(o)
        return 100.0

    def __rmul__(self, o):
        self.kept.append(o)
        return self


def keeper_results(a, b):
    k = Keeper()
    r = (a * b + k) * 2.0 + 1.0       # __radd__ keeps a*b and returns it: the later ops must copy
    s = (a - b - k) * 3.0
    t = (a * a) * k
    u = -(a * b + k) + (a * b + k)
    print(r, s, t is k, u, k.kept)
    print([v * 1.0 for v in k.kept])


keeper_results(1.5, 4.0)


def divisions(a, b, z):
    try:
        r = a * b + (a + b) / z
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    left = a * b
    try:
        r = (a * b) / (z * 1.0) + 1.0
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        r = (a * b) % (z * 2.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        r = -(a * b) // (z - 0.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print(left, a, b, z)
    try:
        vals = []
        for d in (2.0, 1.0, 0.0, 4.0):
            vals.append(a * b / d + a * b / d)
    except ZeroDivisionError:
        print("partial", vals)


divisions(3.0, 2.0, 0.0)


class F(float):
    def __add__(self, o):
        return F(float(self) + o + 0.5)

    def __repr__(self):
        return "F(%r)" % float(self)


def subclasses():
    f = F(2.0)
    r1 = f * 3.0 + 1.0        # float.__mul__ of a subclass gives a plain float
    r2 = (f + 1.0) * 2.0      # F.__add__ returns an F: never reused
    r3 = (f + 1.0) + (f + 2.0)
    r4 = -f + f
    g = F(1.0) + 1.0
    h = g * 1.0 + 0.0
    print(r1, r2, type(r2).__name__, r3, type(r3).__name__, r4, f, g, h, type(h).__name__)


subclasses()


def inplace(a, b):
    x = 1.25
    y = x
    x += a * b                 # x's old box is y's: it must not change
    x -= a * b
    x *= a * b
    print(x, y)
    z = 3.0
    w = z
    z += z * z
    print(z, w)
    lst = [1.0, 2.0]
    alias = lst[0]
    lst[0] += a * b
    lst[1] *= -(a + b)
    print(lst, alias)

    class O:
        pass

    o = O()
    o.v = 2.0
    keep = o.v
    o.v += a * a + b * b
    o.v /= a * 2.0
    print(o.v, keep)


inplace(1.5, 2.0)


def gen(a, b):
    total = a * b + (yield a * b)
    total = total * 2.0 + (yield total)
    second = (a + b) * (yield from inner(a))
    yield total, second


def inner(a):
    v = yield a + 1.0
    return v * 1.0


def generators():
    g = gen(2.0, 3.0)
    first = next(g)
    print(first)
    saved = g.send(10.0)       # total = 6.0 + 10.0; then yields total
    print(saved)
    print(g.send(5.0))         # total = 32.0 + 5.0; then inner yields 3.0
    print(g.send(4.0), first, saved)
    vals = list((v * 2.0 + v) * 0.5 for v in (1.0, 2.0, 3.0))
    print(vals)


generators()


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def scaled(self, k):
        return Vec(self.x * k + 0.0, self.y * k - 0.0)


def containers(a, b, boxed):
    # Whether two equal floats are one object is up to the VM; for boxed values (see the top)
    # two results are two boxes in CPython and stmjit alike, and one box would be a reuse bug.
    lst = [a * b + 1.0, a * b + 1.0, -(a * b), (a + b) * (a - b)]
    print(lst, lst[0] == lst[1], boxed and lst[0] is lst[1])
    lst2 = [a * b + k for k in (0.0, 1.0, 2.0)]
    print(lst2)
    t = (a * a + b, a * a + b)
    print(t, boxed and t[0] is t[1])
    d = {"s": a * b - b, "t": (a * b - b) * 2.0}
    print(d)
    v = Vec(a * 2.0 + 1.0, b * 2.0 - 1.0)
    w = v.scaled(a * b + 0.5)
    print(v.x, v.y, w.x, w.y, v.dot(w), w.dot(v) + v.dot(v))
    vs = [Vec(i * 0.5 + 0.25, i * 1.5 - 0.25) for i in range(4)]
    acc = 0.0
    for p in vs:
        acc = acc + p.x * p.y + p.y * p.x
    print(acc, [(p.x, p.y) for p in vs])
    same = a * b
    pair = (same, same)
    r = pair[0] * 2.0 + pair[1]          # the same float twice: neither is a temporary
    print(r, pair, same)
    q = same
    s1 = q * q + q * q
    print(s1, q, same)


containers(1.5, 2.5, False)


def conditionals(a, b, c):
    t = a * b
    r = t + t * 2.0
    s = (a * b if c else a + b) + 1.0
    w = (a * b) + (a * c if a > 0 else b * c)
    o = (a * b or c * 1.0) * 2.0 + (c * 1.0 and a * a)
    cmp = a * b < c * 2.0, a * b + 1.0 == (a + 1.0) * b - b + b, -(a * b) <= a * -b < c
    print(r, t, s, w, o, cmp)


conditionals(2.0, 3.0, 4.0)
conditionals(-2.0, 3.0, 0.0)


def calls_in_right(a, b):
    def f(v):
        return v * 0.5

    r = a * b + f(a * b)                 # a call between the left temporary and its consumer
    s = (a + b) * (f(a) + f(b)) - (a * b) * f(2.0)
    u = a * b + sum([a * k for k in (1.0, 2.0)])
    print(r, s, u)


calls_in_right(3.0, 5.0)


def errors(a):
    try:
        r = a * 2.0 + None
    except TypeError as e:
        print("TypeError:", e)
    try:
        r = a * 2.0 + undefined_name * 3.0
    except NameError as e:
        print("NameError:", e)
    try:
        r = -(a * 2.0) + [][0]
    except IndexError as e:
        print("IndexError:", e)
    print(a)


errors(1.5)


# Threads: float chains with calls between temporaries and their consumers, under a shared
# counter that makes transactions conflict (aborted transactions restart mid-loop).
counter = [0]
lock = threading.Lock()


def bump(v):
    counter[0] += 1
    return v * 0.25


def work(seed, out):
    acc = 0.0
    x = seed * 0.5
    for n in range(3000):
        y = x * 1.5 + bump(x) * 2.0 - (x * x) * 0.125
        acc = acc + y * y / (n + 1.0) + -(y * 0.5) + (x + y) * (x - y) / (1.0 + x * x)
        x = (x * 0.75 + 0.1) * 1.01
    out.append((seed, acc))


results = []
threads = [threading.Thread(target=work, args=(s, results)) for s in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results), counter[0])


a = 2.0
b = 0.5
print(a * b + a * b, -(a * b) * (a - b), a, b)   # module level (names, not fast locals)


# The same shapes with values near 1e200: boxed floats, whose boxes temporaries do reuse.
print(chains(1.5e100, -2.25e100, 0.125e100))
keeper_results(1.5e100, 4.0e100)
divisions(3.0e200, 2.0e100, 0.0)
inplace(1.5e100, 2.0e100)
containers(1.5e100, 2.5e100, True)
conditionals(2.0e100, 3.0e100, 4.0e100)
calls_in_right(3.0e100, 5.0e100)
