# Decorators: function decorators (with and without arguments), stacked decorators,
# @staticmethod, @classmethod, @property with setter, class-level helpers.
calls = []


def logged(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    return wrapper


def repeat(times):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate


@logged
def add(a, b):
    return a + b


@repeat(3)
@logged
def greet(name):
    return "hi " + name


print(add(1, 2), greet("bo"), calls)


class Temperature:
    scale = "C"
    made = 0

    def __init__(self, degrees):
        self._degrees = degrees
        Temperature.made += 1

    @property
    def degrees(self):
        return self._degrees

    @degrees.setter
    def degrees(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._degrees = value

    @property
    def fahrenheit(self):
        return self._degrees * 9 / 5 + 32

    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def describe(cls):
        return "%s scale, %d made" % (cls.scale, cls.made)


class Kelvin(Temperature):
    scale = "K"


t = Temperature(100)
print(t.degrees, t.fahrenheit, Temperature.convert(0), t.convert(37))
t.degrees = 20
print(t.degrees, t.fahrenheit)
try:
    t.degrees = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError", e)
f = Temperature.from_fahrenheit(212)
k = Kelvin.from_fahrenheit(32)
print(f.degrees, type(f).__name__, k.degrees, type(k).__name__, Temperature.describe(), Kelvin.describe(), k.describe())


def tag(label):
    def deco(cls):
        cls.label = label
        return cls
    return deco


@tag("tagged")
class Widget:
    pass


print(Widget.label, Widget().label)


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper


@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)


print(slow_fib(80))
