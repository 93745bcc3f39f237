# Variable annotations at module and class level fill __annotations__; in functions they are not evaluated.
x: int = 3
y: "str"
if x:
    z: list = []
print(__annotations__, x)
class C:
    a: int
    b: float = 1.5
    def m(self):
        q: int = 5
        return q
print(C.__annotations__, C.b, C().m(), "a" in C.__dict__)
def f():
    w: undefined_name = 1
    return w
print(f())
def g(a: int, b: "text" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True
print(g.__annotations__, g(1))
def h(x, y=2):
    pass
print(h.__annotations__)
h.__annotations__["x"] = str
print(h.__annotations__, (lambda q: q).__annotations__)
def outer():
    T = tuple
    def inner(v: T) -> T:
        return v
    return inner.__annotations__
print(outer())
class K:
    def m(self, other: "K") -> "K":
        return self
print(K.m.__annotations__)
