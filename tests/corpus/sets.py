# set: construction, membership, algebra, mutation, comprehension (printed in sorted order).
a = {1, 2, 3, 4}
b = set([3, 4, 5, 6])
print(sorted(a), sorted(b), len(a), 3 in a, 7 not in a, sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 9} <= a, a >= {1}, a.issubset({1, 2, 3, 4, 5}), a.issuperset({2}), a.isdisjoint({9}), {1, 2} == {2, 1})
a.add(10)
a.add(1)
a.discard(2)
a.discard(99)
a.remove(3)
print(sorted(a), len(a))
c = a.copy()
c.update([100, 200], {300})
c |= {7}
c -= {100}
c &= {1, 4, 7, 10, 200, 300}
print(sorted(c), sorted(a), sorted(set("hello")), sorted({x % 5 for x in range(20)}))
print(set(), len(set()), bool(set()), {1}, {"only"}, sorted({(1, 2), (0, 5)}), {1, 1, 1} == {1})
p = c.pop()
print(p in c, len(c))
seen = set()
dups = []
for x in [3, 1, 3, 2, 1, 5, 3]:
    if x in seen:
        dups.append(x)
    seen.add(x)
print(dups, sorted(seen), 1.0 in {1}, True in {1})
try:
    set().remove(1)
except KeyError as e:
    print("KeyError", e)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
