# Printed set order matches CPython's: constant set displays are built like CPython 3.11
# builds them (a frozenset constant merged into a new set), and adds reuse deleted slots.
S4 = {39, 23, 14, 16, 40}
print(S4)
s = {5, 13, 21}
print(s)
s.discard(13)
s.add(29)
print(s)
print({-1, -9, 7, 15, 23}, {(1, 2), (9, 10), (17, 18)}, {1.5, 9.5, 17.5, 2.0}, {1, 2})
x = 9
print({x, 1, 17}, {0, 8, 16, 24, 32, 40, 48, 56, 64})
print({True, 1, 1.0, 2}, {None, 0, 8} - {None})
t = set()
for v in [8, 16, 24, 0]:
    t.add(v)
t.remove(16)
t.add(32)
t.add(40)
print(t, t | {64, 72, 80}, sorted(t))
u = set(range(0, 80, 8))
for v in range(0, 40, 8):
    u.discard(v)
u.update({1, 9, 17})
print(u, len(u))
