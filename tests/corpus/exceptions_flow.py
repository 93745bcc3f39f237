# Exceptions: try/except/else/finally, return in try, raise class or instance, raise from,
# re-raise, exception chaining attributes, user hierarchies, built-in messages.
def attempt(kind):
    try:
        if kind == 1:
            raise ValueError("bad value")
        if kind == 2:
            raise KeyError
        if kind == 3:
            return "returned from try"
        result = "no error"
    except ValueError as e:
        result = "caught ValueError: " + str(e)
    except (KeyError, IndexError) as e:
        result = "caught %s %r" % (type(e).__name__, e.args)
    else:
        result += " + else"
    finally:
        print("  finally for", kind)
    return result


for k in range(4):
    print(attempt(k))


def finally_overrides():
    try:
        return "try"
    finally:
        print("  finally runs before return")


print(finally_overrides())


def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


print(loop_with_finally())


class AppError(Exception):
    pass


class DbError(AppError):
    def __init__(self, table, msg):
        super().__init__(msg)
        self.table = table


try:
    raise DbError("users", "locked")
except AppError as e:
    print(type(e).__name__, e, e.table, e.args, isinstance(e, Exception))

try:
    try:
        {}["k"]
    except KeyError as e:
        raise AppError("wrapped") from e
except AppError as e:
    print("cause:", type(e.__cause__).__name__, e.__cause__, "| context is cause:", e.__context__ is e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print("context:", type(e.__context__).__name__, e.__cause__)

try:
    try:
        raise IndexError("inner")
    except IndexError:
        print("re-raising")
        raise
except IndexError as e:
    print("outer caught", e)

try:
    raise AppError
except Exception as e:
    print("class raised:", type(e).__name__, e.args, repr(e))


def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    return deep(n - 1)


try:
    deep(50)
except RuntimeError as e:
    print("from deep:", e)

handled = []
for exc in [ZeroDivisionError, IndexError, KeyError, TypeError, AttributeError, NameError, ValueError, StopIteration]:
    try:
        raise exc("m")
    except LookupError as e:
        handled.append(("lookup", type(e).__name__))
    except ArithmeticError as e:
        handled.append(("arith", type(e).__name__))
    except Exception as e:
        handled.append(("other", type(e).__name__))
print(handled)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(RecursionError, RuntimeError), issubclass(Exception, BaseException), issubclass(SystemExit, Exception))

messages = []
nothing = None
half = 1.5
tests = [
    lambda: [][0],
    lambda: {}["missing"],
    lambda: None.attr,
    lambda: int("xyz"),
    lambda: undefined_thing,
    lambda: "a" * "b",
    lambda: 1 / 0,
    lambda: nothing(),
    lambda: [1, 2][half],
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: (1, 2).x,
]
for t in tests:
    try:
        t()
    except Exception as e:
        messages.append("%s: %s" % (type(e).__name__, e))
print("\n".join(messages))
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
e_saved = None
try:
    raise ValueError("kept")
except ValueError as e:
    e_saved = e
print(e_saved, type(e_saved).__name__)
try:
    try:
        raise TypeError("first")
    finally:
        print("  finally during exception")
except TypeError as e:
    print("propagated", e)
