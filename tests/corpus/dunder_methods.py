# Dunder methods: arithmetic and reflected operators, rich comparisons, hash, len, bool,
# item access, containment, iteration, call, repr/str, default identity semantics.
class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)

    def __str__(self):
        return "<%s,%s>" % (self.x, self.y)

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        return V(self.x + o, self.y + o)

    def __radd__(self, o):
        return V(o + self.x, o + self.y)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    def __rmul__(self, k):
        return V(k * self.x, k * self.y)

    def __truediv__(self, k):
        return V(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)

    def __mod__(self, k):
        return V(self.x % k, self.y % k)

    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)

    def __neg__(self):
        return V(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x and self.y == o.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)

    def __le__(self, o):
        return (self.x, self.y) <= (o.x, o.y)

    def __bool__(self):
        return self.x != 0 or self.y != 0


a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, b - a, a * 3, 3 * a, b / 2, b // 2, b % 2, a ** 2, -a, +a, abs(b))
print(repr(a), str(a), [a, b], (a,), {"k": a}, "%s %r" % (a, a), f"{a} {a!r}")
print(a == V(1, 2), a != V(1, 2), a == b, a < b, a <= b, a > b, b >= a, sorted([b, a, V(0, 9)]))
print(bool(V(0, 0)), bool(a), "yes" if V(0, 0) else "no", len({a, V(1, 2), b}), V(1, 2) in [b, a])
x = V(1, 1)
x += V(1, 1)
x *= 5
x -= V(1, 0)
print(x)


class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, v):
        return v in self.items

    def __iter__(self):
        return iter(self.items)

    def __call__(self, *args):
        return "called with %r" % (args,)


bag = Bag(1, 2, 3)
bag[0] = 10
del bag[1]
print(len(bag), bag[0], bag[-1], 3 in bag, 2 in bag, list(bag), [v * 2 for v in bag], bag(1, "x"), bool(bag), bool(Bag()))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(4)), sum(Countdown(10)), [i for i in Countdown(3)], max(Countdown(5)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


print(list(Seq()), 20 in Seq())


class Plain:
    pass


p, q = Plain(), Plain()
print(p == p, p == q, p != q, hash(p) == hash(p), p in [q, p], len({p, q, p}))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, o):
        return isinstance(o, Money) and o.cents == self.cents

    def __gt__(self, o):
        return self.cents > o.cents

    def __repr__(self):
        return "Money(%d)" % self.cents


print(Money(5) == Money(5), Money(5) != Money(6), Money(1) < Money(2), Money(3) > Money(2), sorted([Money(3), Money(1)]))
try:
    hash(Money(1))
except TypeError as e:
    print("TypeError", e)
try:
    Plain() < Plain()
except TypeError as e:
    print("TypeError", e)
try:
    Plain() + 1
except TypeError as e:
    print("TypeError", e)
try:
    len(Plain())
except TypeError as e:
    print("TypeError", e)
try:
    Plain()()
except TypeError as e:
    print("TypeError", e)
