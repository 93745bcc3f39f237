# Comparing deeply nested containers raises RecursionError at the recursion limit, as in CPython.
a = []
b = []
for i in range(5000):
    a = [a]
    b = [b]
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError", e)
d = {}
for i in range(5000):
    d = {"k": d}
try:
    print(len(str(d)))
except RecursionError as e:
    print("RecursionError", e)
try:
    print(hash(tuple([()] * 3)))
except RecursionError as e:
    print("RecursionError", e)
