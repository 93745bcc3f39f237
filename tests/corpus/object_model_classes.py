# Classes: MRO, attributes, methods, class attributes, inheritance, type() queries.
class A:
    kind = "a"

    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B+" + super().who()


class C(A):
    kind = "c"

    def who(self):
        return "C+" + super().who()


class D(B, C):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y

    def who(self):
        return "D+" + super().who()


d = D(1, 2)
print(d.x, d.y, d.get(), d.who(), d.kind)
print([k.__name__ for k in D.__mro__])
print(D.__bases__, D.__name__, D.__qualname__, D.__module__)
print(type(d), type(d) is D, isinstance(d, A), issubclass(D, C), issubclass(A, D))
print(type(1), type("s"), type(None), type(type), type(len), repr(A))
A.kind = "changed"
print(d.kind, B("q").kind, C(0).kind)
d.kind = "own"
print(d.kind, D.kind)
del d.kind
print(d.kind)


class Many:
    def __init__(self):
        for i in range(12):
            setattr(self, "f%d" % i, i * i)


m = Many()
print(m.f0, m.f7, m.f11, sorted(m.__dict__.items())[:3])
del m.f3
print(hasattr(m, "f3"), m.f4, getattr(m, "nope", "default"))
print(m.__class__.__name__)


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1


for _ in range(5):
    Counter()
print(Counter.count)


class Outer:
    class Inner:
        pass

    def method(self):
        return 1


print(Outer.Inner.__qualname__, Outer.method.__qualname__, Outer.method.__name__)
print(Outer().method.__func__ is Outer.method, Outer().method.__self__.__class__.__name__)
o = Outer()
print(o.method == o.method, o == o, o != Outer(), hash(o) == hash(o))
X = type("X", (A,), {"extra": 5})
print(X(3).get(), X.extra, X.__name__, [c.__name__ for c in X.__mro__])


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = Slotted()
s.b = 2
print(s.a, s.b)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Eq) and self.v == other.v


print(Eq(1) == Eq(1), Eq(1) != Eq(2), Eq.__hash__)
try:
    hash(Eq(1))
except TypeError as e:
    print("TypeError:", e)


class WithGetattr:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "virtual " + name


w = WithGetattr()
print(w.real, w.other)


class Base:
    def __init_subclass__(cls):
        cls.registered = True


class Sub(Base):
    pass


print(Sub.registered)
