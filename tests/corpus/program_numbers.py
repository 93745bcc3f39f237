# Numbers: a Fraction class with operator overloading (incl. reflected ops and hashing),
# big-integer arithmetic, float formatting, matrices as nested lists, a prime sieve.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

class Frac:
    __slots__ = ("n", "d")
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Frac(%d, 0)" % n)
        g = gcd(n, d) * (-1 if d < 0 else 1)
        self.n, self.d = n // g, d // g
    @staticmethod
    def of(x):
        return x if isinstance(x, Frac) else Frac(x) if isinstance(x, int) else NotImplemented
    def __add__(self, o):
        o = Frac.of(o)
        if o is NotImplemented:
            return o
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o):
        return Frac.of(o) - self
    def __mul__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = Frac.of(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __pow__(self, k):
        return Frac(self.n ** k, self.d ** k) if k >= 0 else Frac(self.d ** -k, self.n ** -k)
    def __eq__(self, o):
        o = Frac.of(o)
        return o is not NotImplemented and self.n == o.n and self.d == o.d
    def __hash__(self):
        return hash((self.n, self.d))
    def __lt__(self, o):
        o = Frac.of(o)
        return self.n * o.d < o.n * self.d
    def __gt__(self, o):
        o = Frac.of(o)
        return self.n * o.d > o.n * self.d
    def __le__(self, o):
        return self == o or self < o
    def __float__(self):
        return self.n / self.d
    def __int__(self):
        return int(self.n / self.d)
    def __bool__(self):
        return self.n != 0
    def __repr__(self):
        return f"Frac({self.n}, {self.d})"
    def __str__(self):
        return f"{self.n}/{self.d}" if self.d != 1 else str(self.n)
    def __format__(self, spec):
        return format(float(self), spec)

h = sum(Frac(1, k) for k in range(1, 21))
print(h, float(h), f"{h:.6f}", int(h), repr(Frac(6, -4)))
print(Frac(1, 3) + 1, 2 - Frac(1, 3), 3 * Frac(2, 9), Frac(2, 3) / Frac(4, 9), -Frac(1, 2), Frac(2, 3) ** -2)
print(sorted([Frac(1, 2), Frac(1, 3), Frac(3, 4), 1, Frac(0)]), Frac(1, 2) <= Frac(2, 4), not Frac(0))
print(len({Frac(1, 2), Frac(2, 4), Frac(3, 6)}), {Frac(1, 2): "half"}[Frac(5, 10)], Frac(3) == 3, Frac(1, 2) == "x")
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    Frac(1) + "s"
except TypeError as e:
    print("TypeError:", e)

f = 1
for i in range(1, 31):
    f *= i
print(f, len(str(f)), f % 1000007, f // 10**20, -f // 7, divmod(-f, 10**9), f.bit_length(), hex(f)[:12])
print(2**200 - 3**120, (-2)**63, pow(7, 10**6, 10**9 + 7), 10**18 + 1 == 1000000000000000001, abs(-2**100))
print(int("123456789" * 4) * 3, int("-0x7f", 16), int("777", 8), int("  -42  "), 12345678901234567890 >> 30)
print(round(123.456, 1), round(-2.5), round(3.5), round(1234.5, -2), round(10**20 + 0.5), 1e-7 * 3, 1 / 7)

def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
m = [[1, 1], [1, 0]]
p = identity(2)
for _ in range(50):
    p = matmul(p, m)
print(p, matmul([[0.5, 1.5], [2.0, -1.0]], [[1, 2], [3, 4]]))
grid = [[(r * 7 + c * 3) % 10 for c in range(6)] for r in range(4)]
print("\n".join(" ".join(f"{v:2d}" for v in row) for row in grid))
print([list(col) for col in zip(*grid)][2], max(map(max, grid)), sum(map(sum, grid)), grid[-1][::-2])

def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            flags[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, f in enumerate(flags) if f]
primes = sieve(1000)
print(len(primes), primes[-5:], sum(primes), [p for p in primes if str(p) == str(p)[::-1]][-4:])
