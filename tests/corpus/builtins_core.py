# Builtins, part 1: len, range, min, max, sum, abs, int, float, str, repr, bool, list,
# tuple, dict, set, type, isinstance, issubclass, chr, ord, hash, id.
print(len("abc"), len([1, 2]), len(()), len({1: 2}), len({1, 2, 3}), len(range(10)), len(range(0, 10, 3)))
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -2)), list(range(0)), list(range(5, 2)))
r = range(3, 30, 4)
print(r, r[0], r[-1], r[2], 7 in r, 8 in r, len(r), list(r[1:3]), range(5) == range(0, 5))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min([], default="empty"), max([1, -5, 3], key=abs), min("b", "a", key=str.upper))
print(sum([1, 2, 3]), sum([], 10), sum([0.5, 0.25]), sum(range(101)), sum([[1], [2]], []))
print(abs(-3), abs(3.5), abs(-0), abs(True))
print(int("42"), int(" -17 "), int(3.99), int(-3.99), int(True), int("ff", 16), int("0x1F", 16), int("111", 2), int("z", 36), int())
print(float("3.25"), float(2), float("-inf"), float(" 1e3 "), float(), float(True))
print(str(12), str(1.0), str("s"), str([1, "x"]), str((1,)), str(None), str(), repr("q"), repr([1, "q"]), repr(1e100))
print(bool(), bool(0.0), bool("0"), list(), tuple(), dict(), list("ab"), tuple([1, 2]), list((1, 2)), list({"a": 1}))
print(type(1).__name__, type(1.0).__name__, type("").__name__, type([]).__name__, type(()).__name__, type({}).__name__, type(set()).__name__, type(range(1)).__name__, type(len).__name__, type(lambda: 0).__name__)
print(type(3) is int, type(True) is bool, isinstance(3, int), isinstance(True, int), isinstance(3.0, (int, float)), isinstance("s", (list, tuple)), issubclass(bool, int), issubclass(int, (str, object)))
print(chr(65), chr(0x263A), ord("A"), ord("\n"), [ord(c) for c in "az09"], "".join(chr(c) for c in range(97, 102)))
print(hash(1) == 1, hash(-1), hash(0), hash(True), hash(12345), hash(1.0) == hash(1), hash("abc") == hash("abc"), hash((1, "a")) == hash((1, "a")))
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), type(id(a)).__name__)
print(isinstance(int, type), type(int).__name__, int.__name__, str.__name__)
errors = [lambda: int("1.5"), lambda: int("abc", 10), lambda: chr(-1), lambda: ord("ab"), lambda: min([]), lambda: len(5), lambda: sum(["a", "b"]), lambda: float("x1")]
for fn in errors:
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
