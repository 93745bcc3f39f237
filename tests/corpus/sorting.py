# Sorting: list.sort and sorted with key and reverse, stability, mixed numbers, strings,
# tuples, records, and the error for unorderable values.
records = [("bob", 25, "b"), ("alice", 30, "a"), ("carol", 25, "c"), ("dave", 30, "d"), ("eve", 22, "e"), ("frank", 25, "f")]
by_age = sorted(records, key=lambda r: r[1])
print([r[0] for r in by_age])
by_age_desc = sorted(records, key=lambda r: r[1], reverse=True)
print([r[0] for r in by_age_desc])
two_pass = sorted(sorted(records, key=lambda r: r[0]), key=lambda r: r[1])
print([r[0] for r in two_pass])
print(sorted(records)[0], sorted(records, reverse=True)[0])
words = ["banana", "Apple", "cherry", "apple", "Banana", "fig", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [3, 1.5, -2, 10, 0, 2.5, -7.25, 1]
nums.sort()
print(nums)
nums.sort(key=abs, reverse=True)
print(nums)
equal_keys = [(i % 3, i) for i in range(12)]
print(sorted(equal_keys, key=lambda p: p[0]))
print(sorted(equal_keys, key=lambda p: p[0], reverse=True))


class Item:
    def __init__(self, name, price):
        self.name = name
        self.price = price

    def __lt__(self, other):
        return self.price < other.price

    def __repr__(self):
        return "%s:%s" % (self.name, self.price)


items = [Item("a", 3), Item("b", 1), Item("c", 3), Item("d", 2), Item("e", 1)]
print(sorted(items), sorted(items, reverse=True), min(items), max(items))
big = [(i * 7919) % 1000 for i in range(500)]
big_sorted = sorted(big)
print(big_sorted[:10], big_sorted[-5:], all(big_sorted[i] <= big_sorted[i + 1] for i in range(len(big_sorted) - 1)))
print(sorted([]), sorted([1]), sorted((3, 2, 1)), sorted({"b": 1, "a": 2}), sorted(range(5), key=lambda x: -x))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
