import sys
def f(*args, **kw):
    return args, sorted(kw.items())
a, b = [1, 2], (3,)
c, d = {"x": 1}, {"y": 2}
print(f(*a, *b, 0, **c, **d), {**c, **d, "z": 3}, {*a, *b}, [*a, *b, *"hi"])
first, *middle, last = range(6)
print(first, middle, last)
(p, q), *rest = [(1, 2), 3, 4]
print(p, q, rest)
for i, (x, *ys) in enumerate([(1, 2, 3), (4,)]):
    print(i, x, ys)
width, prec = 10, 3
print("{:{w}.{p}f}|{:>{w}}|{:^{w}}".format(3.14159, "r", "c", w=width, p=prec), f"{'x'!r:>5}|{3.5!s:<6}|{42:#06x}")
print(f"{width=}", f"{width + prec = }", f"{'nested {}'.format(1)}", f"{{literal}}", f"{3:{'>'}{5}}")
count = 0
def side(v):
    global count
    count += 1
    return v
print(side(1) < side(2) < side(0) < side(5), count)
assert count == 3, "three calls"
try:
    assert count == 4, f"count is {count}"
except AssertionError as e:
    print("AssertionError:", e)
print("to stderr", file=sys.stderr)
print("a", "b", sep="-", end="!\n", flush=True)
data = [("b", 2), ("a", 2), ("c", 1), ("d", 3)]
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
L = list(range(10))
del L[2:8:2]
L[1:3] = ["x", "y", "z"]
L[-1:] = []
print(L, L[::3], L[100:], L[-100:2])
def outer():
    n = 0
    def mid():
        def inner():
            nonlocal n
            n += 10
            return n
        return inner
    g = mid()
    g(); g()
    return n
print(outer())
i = 0
while i < 3:
    i += 1
else:
    print("while-else", i)
for x in []:
    pass
else:
    print("for-else empty")
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise ValueError("v")
    finally:
        print("inner finally")
except ValueError as e:
    print(repr(e), repr(e.__context__))
else:
    print("no")
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen closed")
g = gen()
print(next(g))
g.close()
x = 5
r = "big" if x > 3 else "small" if x > 1 else "tiny"
print(r, [y for y in range(20) if y % 2 if y % 3], [(i, j) for i in range(3) for j in range(i)])
print(dict.fromkeys("abc", 0), list(map(str.upper, ["a", "b"])), "".join(reversed("abc")))
print(divmod(7, -2), 7 // -2, -7 % 3, 2 ** -2, 10 / 4, 7.0 // 2, -7.5 % 2, 0.1 * 3, 1e100, 123e-20)
print(str(0.1 + 0.2), repr(1 / 3), 1.0, 1e16, 1.5e16, 2.0 ** 0.5, float("inf") * 0, -0.0)
print(min(3, 1, 2), max([1, 5], [2, 0]), min("bca"), sum(range(101)), sum([1.5, 2.5], 10))
