# dict: insertion order, methods, views, user-defined keys, comprehension, errors.
d = {"one": 1, "two": 2, "three": 3}
print(d, len(d), d["two"], "one" in d, "four" not in d, list(d), list(d.keys()), list(d.values()), list(d.items()))
d["four"] = 4
d["one"] = 100
print(d)
del d["two"]
d["two"] = 22
print(d, d.get("zzz"), d.get("zzz", 0), d.get("one", 0))
print(d.pop("three"), d.pop("nope", "dflt"), d.setdefault("five", 5), d.setdefault("one", -1), d)
print(d.popitem(), d)
d.update({"a": 1, "one": 1})
d.update([("b", 2)])
d.update(c=3)
print(d)
e = dict(d)
e.clear()
print(e, d == dict(d), {1: 2} == {1: 2.0}, {1: 2, 3: 4} == {3: 4, 1: 2}, dict(a=1, b=2), dict([(1, 2), (3, 4)]))
for k in d:
    print(k, d[k], end="; ")
print()
for k, v in d.items():
    print(k, "=", v, end=" ")
print()
squares = {n: n * n for n in range(6) if n % 2 == 0}
print(squares, {k: v for k, v in zip("abc", [1, 2, 3])})
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
mixed = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?"}
print(mixed, mixed[1], mixed[(1, 2)], mixed[None])


class Key:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return hash(self.name.lower())

    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()

    def __repr__(self):
        return "Key(%r)" % self.name


kd = {Key("Alpha"): 1}
kd[Key("ALPHA")] = 2
kd[Key("beta")] = 3
print(kd, kd[Key("alpha")], Key("BETA") in kd)


class Plain:
    pass


p1, p2 = Plain(), Plain()
pd = {p1: "first", p2: "second"}
print(pd[p1], pd[p2], len(pd), p1 == p2, p1 == p1)
big = {}
for i in range(1000):
    big[i * 7919 % 1009] = i
for i in range(0, 1000, 3):
    if i in big:
        del big[i]
print(len(big), list(big)[:10], sum(big.values()))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)
nested = {"a": {"b": {"c": [1, 2]}}}
nested["a"]["b"]["c"].append(3)
print(nested, repr({}), str({"q": "x"}))
