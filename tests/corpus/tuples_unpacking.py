# Tuples and unpacking: chained assignment, tuple/list targets, starred and nested targets.
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t[::-1], (), (5,), tuple([1, 2]), t + (4,), t * 2, 2 in t)
print(t == (1, 2, 3), t < (1, 2, 4), (1, 2) < (1, 2, 0), t.index(2), (1, 1, 2).count(1), repr((None,)))
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
[s, (u, v)] = ["s", ("u", "v")]
print(p, q, r, s, u, v)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
head, *middle, tail = range(6)
lone, *empty = (9,)
print(first, rest, init, last, head, middle, tail, lone, empty)
(m, *ns), o = [1, 2, 3], 4
print(m, ns, o)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
for k, *vs in [(1, 2, 3), (4,)]:
    print(k, vs)
d = {}
d["x"], d["y"] = 10, 20
obj = [0, 0]
obj[0], obj[1] = obj[1] + 5, obj[0] + 6
print(d, obj)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
for bad in range(3):
    try:
        if bad == 0:
            g, h = [1, 2, 3]
        elif bad == 1:
            g, h, j = (1, 2)
        else:
            g, h = 5
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
