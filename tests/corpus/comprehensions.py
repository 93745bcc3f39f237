# Comprehensions: list/dict/set comprehensions and generator expressions, nesting,
# conditions, their own scope, and use with builtins.
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[row * 3 + col for col in range(3)] for row in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[r[i] for r in matrix] for i in range(3)], [v for row in matrix for v in row])
print({w: len(w) for w in ["apple", "fig", "banana"]})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
print(sorted({x % 4 for x in range(50)}), sorted({c.upper() for c in "hello"}))
print(sum(x for x in range(101)), list(x + 1 for x in (1, 2)), tuple(c for c in "ab"))
x = "outer"
print([x for x in "ab"], x)
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
words = ["Hi", "there", "a", "Longer", "word"]
print([w.lower() for w in words if len(w) > 1], {len(w) for w in words} == {1, 2, 4, 5, 6})
funcs = [lambda v, k=k: v * k for k in range(3)]
print([f(10) for f in funcs])
offset = 100
print([i + offset for i in range(3)], {i: i + offset for i in range(2)})


class Holder:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]


print(Holder.doubled)
gen = (n for n in range(3))
print(list(gen), list(gen))
flat = [c for word in ["ab", "cd"] for c in word if c != "c"]
print(flat, [[]] * 2, [i for i in []], {i: [] for i in range(2)})
primes = [n for n in range(2, 60) if all(n % d != 0 for d in range(2, n))]
print(primes)
