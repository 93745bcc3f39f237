class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", mcls.__name__, name, sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __iter__(cls):
        return iter([1, 2, 3])
    def __len__(cls): return 3
    def __getitem__(cls, k): return k * 10
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)
    def describe(cls): return "I am " + cls.__name__
    def __repr__(cls): return "<Meta class " + cls.__name__ + ">"
class A(metaclass=Meta, tag="x"):
    def __init__(self, v): self.v = v
    def m(self): return 1
class B(A):
    pass
print(type(A).__name__, type(B).__name__, A.tag, B.tag)
print(list(A), len(B), A[4], A.describe(), B.describe())
a = B(5)
print(a.v, isinstance(B, Meta), isinstance(a, A), repr(A), A)
class Base:
    def __init_subclass__(cls, flavor="plain", **kw):
        super().__init_subclass__(**kw)
        cls.flavor = flavor
class C(Base, flavor="spicy"): pass
class D(Base): pass
print(C.flavor, D.flavor)
try:
    class E(flavor=1): pass
except TypeError as e:
    print("TypeError", e)
class M2(type): pass
try:
    class F(A, metaclass=M2): pass
except TypeError as e:
    print("TypeError", e)
X = type("X", (object,), {"q": 7})
print(X.q, X.__name__, type(X))
Y = Meta("Y", (), {})
print(type(Y).__name__)
class Counted(type):
    count = 0
    def __call__(cls, *a, **k):
        Counted.count += 1
        return super().__call__(*a, **k)
class P(metaclass=Counted):
    def __init__(self, x=0): self.x = x
P(); P(x=3)
print(Counted.count)
