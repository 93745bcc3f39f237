class Ctx:
    def __init__(self, n): self.n = n
    def __enter__(self): print("enter", self.n); return self
    def __exit__(self, t, v, tb): print("exit", self.n, t.__name__ if t else None); return t is KeyError
def w():
    with Ctx(1) as c, Ctx(2):
        return c.n
print(w())
with Ctx(3):
    raise KeyError("swallowed")
print("after")
def make():
    fs = []
    for i in range(3):
        def f(i=i): return i * 10
        fs.append(f)
    return [f() for f in fs]
print(make())
def outer():
    class Local:
        k = 5
        def m(self): return self.k + 1
    return Local().m()
print(outer())
def count():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = count(); c(); print(c())
x = 10
def gl():
    global x
    x += 1
gl(); print(x)
print([1, 2, 3][-1], "abc"[1:], (1, 2) + (3,), {**{"a": 1}, "b": 2}, [*range(3), *"ab"])
print(sorted([(2, "b"), (1, "z"), (2, "a")]), sorted("hello", reverse=True))
def kw(a, b=2, *args, c, d=4, **kw): return (a, b, args, c, d, sorted(kw.items()))
print(kw(1, c=3), kw(1, 2, 3, 4, c=5, e=6))
try:
    kw(1)
except TypeError as e:
    print(e)
print(isinstance(True, int), type(3.0).__name__, (5).__class__, int("-42"), float("1e3"), str(None))
assert 1 + 1 == 2, "math"
try:
    assert False, "msg here"
except AssertionError as e:
    print("assert:", e)
lst = list(range(10)); lst[2:5] = ["x"]; del lst[::3]; print(lst)
print("%s and %r and %d%%" % ("a", "b", 5), "{} {:>4} {name}".format(1, "r", name="n"))
