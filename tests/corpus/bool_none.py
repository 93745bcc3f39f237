# Truth values: bool, None, truthiness of containers, and/or/not returning operands.
print(True, False, None, type(True).__name__, type(None).__name__)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("a"), bool([]), bool([0]))
print(bool(()), bool((0,)), bool({}), bool({0: 0}), bool(set()), bool(None), bool(range(0)))
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" or [] or 0, [] and 1)
print(not 0, not 1, not None, not [], not "x", not not 3)
print(True == 1, False == 0, True is True, None is None, None == 0, None is not None)
print(True + 1, True & False, True | False, True ^ True, -True, ~True)
print(isinstance(True, int), issubclass(bool, int), str(True), repr(False))
x = None
print(x is None, x == None, x != None)


def side(tag, value):
    print("eval", tag)
    return value


print(side("a", 0) and side("b", 1))
print(side("c", 1) or side("d", 2))
print(side("e", 1) and side("f", 0) or side("g", 3))
r = side("h", []) or side("i", None)
print(r)
print(1 if [] else 2, "yes" if "s" else "no", (lambda: None)() is None)
