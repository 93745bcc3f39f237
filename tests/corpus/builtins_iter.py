# Builtins, part 2: sorted, reversed, enumerate, zip, any, all, iter, next, getattr,
# setattr, hasattr, and iteration over the built-in containers.
data = [5, 3, 8, 1, 9, 2]
print(sorted(data), sorted(data, reverse=True), sorted("hello"), sorted(data, key=lambda v: -v), data)
print(list(reversed(data)), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(list(enumerate("abc")), list(enumerate(["x", "y"], 1)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(3), range(10, 13), "xyz")), dict(zip("ab", [1, 2])))
print(any([]), all([]), any([0, "", None, 1]), all([1, "a", [0]]), any(x > 2 for x in data), all(x > 0 for x in data))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "end"))
it2 = iter("ab")
print(list(it2), list(it2))
d = {"b": 2, "a": 1}
print(list(iter(d)), [k for k in d], sorted(d), sorted(d.items()), sorted(d, key=d.get))
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
for a, b in zip(range(3), reversed(range(3))):
    print(a, b, end=" ")
print()


class Obj:
    pass


o = Obj()
setattr(o, "color", "red")
print(getattr(o, "color"), hasattr(o, "color"), hasattr(o, "size"), getattr(o, "size", 0), o.color)
try:
    getattr(o, "size")
except AttributeError as e:
    print("AttributeError", e)
print(getattr("abc", "upper")(), getattr([], "append") is not None, hasattr(1, "real"))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration from next")
pairs = [(1, "b"), (0, "a"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), max(pairs), min(pairs, key=lambda p: (p[1], -p[0])))
print(list(range(3)) + list(reversed(range(3))), [x for x in zip("ab", "cd", "ef")])
