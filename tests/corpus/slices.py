# Slicing: start/stop/step, negative indexes and steps, out-of-range bounds, slice
# assignment and deletion on lists, slicing of str/tuple/range.
s = list(range(10))
for start, stop, step in [(None, None, None), (2, None, None), (None, 3, None), (-3, None, None), (1, -1, 2), (None, None, -1), (8, 2, -2), (-1, -11, -3), (5, 100, None), (-100, 3, None), (3, 3, None), (7, 2, None), (None, None, 4)]:
    print(start, stop, step, s[start:stop:step], "abcdefghij"[start:stop:step], tuple(s)[start:stop:step])
print(s[-1], s[-10], "xyz"[-2], (1, 2, 3)[-3], range(10)[-2], range(10)[2:8:3], range(10)[::-1])
t = list(range(8))
t[1:3] = []
print(t)
t[0:0] = [-1, -2]
print(t)
t[-1:] = [70, 71, 72]
print(t)
t[::2] = "abcde"
print(t)
t[1::3] = [None] * len(t[1::3])
print(t)
del t[::2]
print(t)
del t[1:]
print(t)
u = [1, 2, 3]
u[5:] = [9]
u[:0] = [0]
print(u)
v = [1, 2, 3, 4, 5]
v[::-1] = v[:]
print(v, v[:] is v, v[::-1][::-1] == v)
w = "hello world"
print(w[::-1], w[-5:], w[:-6], w[6:11], w[::5], w[100:], repr(w[5:5]))
try:
    [1, 2][::0]
except ValueError as e:
    print("ValueError", e)
try:
    v[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
