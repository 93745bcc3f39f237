# Python subclasses of built-in types: real subclass instances with attributes and overrides.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]

s = Stack([3, 1, 2])
s.push(9)
s.label = "mine"
print(type(s).__name__, s, len(s), s.peek(), s.label, isinstance(s, list), s.__dict__)
s.sort()
print(s, sorted(s, reverse=True), s == [1, 2, 3, 9], s[1:3], type(s[1:3]).__name__)

class Squares(list):
    def __init__(self, n):
        super().__init__(i * i for i in range(n))
print(Squares(5), len(Squares(3)))

class Missing(dict):
    def __missing__(self, key):
        return "no " + str(key)
m = Missing(a=1)
print(m["a"], m["b"], m.get("b"), len(m), "b" in m)

class Counter(dict):
    def __missing__(self, key):
        return 0
    def add(self, key):
        self[key] = self[key] + 1
c = Counter()
for w in "a b a c a b".split():
    c.add(w)
print(sorted(c.items()), type(c).__name__)

class Logged(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print("get", k)
        return super().__getitem__(k)
lg = Logged()
lg["x"] = 1
print(lg["x"], lg)

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return "Point(%d, %d)" % self
p = Point(3, 4)
print(p, p.x, p[1], len(p), p == (3, 4), hash(p) == hash((3, 4)), type(p).__name__)
a, b = p
print(a + b, {p: "here"}[(3, 4)])

class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, n.shout(), n + "by", len(n), n == "bob", repr(n), type(n).__name__, isinstance(n, str))

class Flag(int):
    def describe(self):
        return "flag %d" % self
f = Flag(5)
print(f, f + 1, f * 2, f == 5, f.describe(), type(f).__name__, type(f + 1).__name__, {5: "five"}[f])

class Meters(float):
    def __str__(self):
        return "%gm" % self
print(str(Meters(2.5)), Meters(2.5) * 2, repr(Meters(1.0)))

class Tags(set):
    pass
t = Tags([1, 2, 2, 3])
t.add(4)
print(sorted(t), type(t).__name__, 2 in t, len(t))

class Bag(list):
    def __len__(self):
        return 42
    def __iter__(self):
        return iter(["overridden"])
    def __contains__(self, x):
        return True
bag = Bag([1, 2])
print(len(bag), list(bag), "anything" in bag)

try:
    class Bad(range):
        pass
except TypeError as e:
    print("TypeError:", e)
