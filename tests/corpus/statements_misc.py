# Assorted statements: assert, del (names, items, attributes, slices), pass, global,
# chained and augmented assignment on attributes and subscripts, operator precedence.
x = 5
assert x == 5
assert x > 0, "positive"
try:
    assert x < 0, "x must be negative, got %d" % x
except AssertionError as e:
    print("AssertionError:", e)
y = 10
del y
try:
    y
except NameError as e:
    print("NameError:", e)
lst = [1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)


class Rec:
    pass


r = Rec()
r.n = 1
r.items = [0, 0]
r.map = {}
r.n += 10
r.items[1] += 5
r.map["k"] = r.map.get("k", 0) + 1
r.map["k"] *= 7
print(r.n, r.items, r.map)
a = b = c = 0
a += 1
print(a, b, c)
m = [[1, 2], [3, 4]]
m[1][0] += 100
m[0] *= 2
print(m)
print(2 + 3 * 4 ** 2 // 5 - 1, (2 + 3) * 4, -3 ** 2, not 1 == 2, 1 + 2 == 3 and 4 > 3 or 0, 5 & 3 | 8 ^ 2, 1 << 2 + 1)
print(10 - 4 - 3, 2 ** 2 ** 3, 100 / 10 / 5, 7 % 4 * 3, "a" + "b" * 2, [1] * 2 + [3])
g_counter = 0


def incr():
    global g_counter
    g_counter = g_counter + 1


for _ in range(3):
    incr()
print(g_counter)
if True:
    pass
while False:
    pass


def only_pass():
    pass


class OnlyPass:
    pass


print(only_pass(), OnlyPass.__name__)
i = j = k = "shared"
print(i is j is k)
semi = 1; other = 2
print(semi + other)
long_expr = (1 +
             2 +
             3)
items = [
    "a",
    "b",
]
print(long_expr, items, \
      "backslash continuation")
