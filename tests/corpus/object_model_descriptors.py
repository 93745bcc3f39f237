# Descriptors: property (decorator and call forms), staticmethod, classmethod, super, __set_name__.
class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c

    def _get_f(self):
        return self._c * 9 / 5 + 32

    fahrenheit = property(_get_f)


t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
print(type(Temp.celsius).__name__, Temp.celsius.fget.__name__, Temp.fahrenheit.fset)


class Util:
    factor = 10

    @staticmethod
    def double(x):
        return 2 * x

    @classmethod
    def make(cls, n):
        return cls.factor * n

    def plain(self):
        return "plain"


class SubUtil(Util):
    factor = 100


print(Util.double(4), Util().double(5), Util.make(2), Util().make(3), SubUtil.make(1))
print(Util.plain(Util()), Util().plain())
f = staticmethod(len)
print(type(f).__name__, f.__func__ is len)


class Shape:
    def __init__(self, name):
        self.name = name

    def describe(self):
        return "shape " + self.name

    @classmethod
    def create(cls):
        return cls("made by " + cls.__name__)


class Square(Shape):
    def __init__(self, name, side=1):
        super().__init__(name)
        self.side = side

    def describe(self):
        return super().describe() + " with side " + str(self.side)

    @classmethod
    def create(cls):
        obj = super().create()
        obj.side = 7
        return obj


print(Square("sq", 3).describe())
print(Square.create().describe())
print(super(Square, Square("x")).describe())


class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError("expected int")
        setattr(obj, self.name, value)


class Point:
    x = Typed()
    y = Typed()

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y, p._x, type(Point.x).__name__)
try:
    p.x = "no"
except TypeError as e:
    print("TypeError:", e)


class Lazy:
    def __init__(self, func):
        self.func = func

    def __get__(self, obj, objtype=None):
        value = self.func(obj)
        setattr(obj, self.func.__name__, value)
        return value


class Data:
    calls = 0

    @Lazy
    def expensive(self):
        Data.calls += 1
        return 42


dd = Data()
print(dd.expensive, dd.expensive, Data.calls)
