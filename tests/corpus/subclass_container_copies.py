# A dict, set or list subclass instance starts from the base type's value; afterwards the two
# are independent: changing one never shows in the other (they may share arrays at first).
class D(dict):
    pass

class S(set):
    pass

class L(list):
    pass

d = D({1: 2, 3: 4})
d[5] = 6
d[1] = 7
del d[3]
print(sorted(d.items()), type(d).__name__, len(d))
for i in range(20):
    d[100 + i] = i
print(len(d), d[119], 3 in d)

s = S({1, 2, 3})
s.add(4)
s.discard(1)
for i in range(20):
    s.add(100 + i)
print(len(s), 1 in s, 119 in s, type(s).__name__)

base = {10: 1}
e = D(base)
e[11] = 2
base[12] = 3
print(sorted(e.items()), sorted(base.items()))

seed = {1, 2}
t = S(seed)
t.add(3)
seed.add(4)
print(sorted(t), sorted(seed))

items = [1, 2, 3]
m = L(items)
m.append(4)
items.append(5)
m[0] = 9
print(m, items)
