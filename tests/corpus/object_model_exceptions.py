# Exceptions: hierarchy, messages, args, user subclasses, matching, SystemExit/StopIteration.
def show(e):
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", e.args)


for exc in [ValueError(), ValueError("x"), ValueError("a", 2), KeyError("k"), KeyError(), KeyError(1, 2),
            IndexError(3), ZeroDivisionError("division by zero"), RuntimeError(None)]:
    show(exc)


class MyError(Exception):
    pass


class WithInit(Exception):
    def __init__(self, code, msg):
        self.code = code


class WithSuper(ValueError):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


class WithStr(Exception):
    def __str__(self):
        return "custom str"


show(MyError("m"))
show(WithInit(1, "two"))
show(WithSuper(5))
print(WithSuper(5).code, str(WithStr()), repr(WithStr()))

for cls in [MyError, WithSuper, KeyError]:
    try:
        if cls is WithSuper:
            raise cls(3)
        raise cls("boom")
    except (LookupError, MyError) as e:
        print("caught lookup/my:", type(e).__name__, e)
    except ValueError as e:
        print("caught value:", e, isinstance(e, Exception))

try:
    raise IndexError
except IndexError as e:
    print("bare class:", repr(e), e.args)

try:
    {}["missing"]
except KeyError as e:
    print("KeyError:", e)

try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)

try:
    object().x
except AttributeError as e:
    print("AttributeError:", e)

try:
    int.foo
except AttributeError as e:
    print("AttributeError:", e)

import math
try:
    math.nope
except AttributeError as e:
    print("AttributeError:", e)


class NoInit:
    pass


try:
    NoInit(1)
except TypeError as e:
    print("TypeError:", e)


class BadInit:
    def __init__(self):
        return 5


try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)

print(SystemExit().code, SystemExit(2).code, StopIteration(9).value, StopIteration().value)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError),
      issubclass(RecursionError, RuntimeError), issubclass(KeyboardInterrupt, Exception))
print(OSError(2, "No such file or directory", "f.txt"))
e = ValueError("v")
e.extra = 1
print(e.extra, e.__cause__, e.__context__)
try:
    try:
        1 / 0
    except ZeroDivisionError as inner:
        raise ValueError("outer") from inner
except ValueError as outer:
    print(repr(outer), repr(outer.__cause__))
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
