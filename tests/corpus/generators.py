# Generators: yield, yield from, return values, generator expressions, laziness, exhaustion.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(n):
    for i in count_up(n):
        yield i * i


print(list(count_up(5)), list(squares(5)), sum(squares(100)))


def trace_gen():
    print("  started")
    yield 1
    print("  resumed")
    yield 2
    print("  finishing")


g = trace_gen()
print("created")
print(next(g))
print(next(g))
print(next(g, "exhausted"))
print(next(g, "still exhausted"))


def with_return():
    yield "a"
    return "result"


def delegate():
    r = yield from with_return()
    yield "got " + r
    yield from [1, 2]
    yield from range(3, 5)


print(list(delegate()))
try:
    gen = with_return()
    next(gen)
    next(gen)
except StopIteration as e:
    print("StopIteration value:", e.value)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)
gexp = (x * 2 for x in range(5) if x != 2)
print(type(gexp).__name__, next(gexp), list(gexp), list(gexp))
print(sum(x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]), any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]))


def pairs(items):
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            yield a, b


print(list(pairs("abcd")))


def tree_walk(tree):
    if isinstance(tree, list):
        for child in tree:
            yield from tree_walk(child)
    else:
        yield tree


print(list(tree_walk([1, [2, [3, 4], [[5]]], 6])))


def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  cleanup ran")


for v in gen_with_finally():
    print("got", v)


def early_exit():
    for i in range(10):
        if i == 3:
            return
        yield i


print(list(early_exit()), list(zip(count_up(3), "xyz")), dict(zip("ab", count_up(10))))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))


def raises_inside():
    yield 1
    raise ValueError("boom in generator")


try:
    for v in raises_inside():
        print("value", v)
except ValueError as e:
    print("ValueError", e)
