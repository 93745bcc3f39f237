# list: methods, indexing, slicing, slice assignment, repetition, comparison, errors.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[::-1], a[::3], a[-3:], a[:-3], a[100:], a[-100:2])
a.append(7)
a.extend([8, 9])
a.insert(0, 0)
a.insert(100, 10)
a.insert(-1, 99)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(9), a.index(5, 2), a.count(1), a.count(42), 5 in a, 42 not in a)
b = a.copy()
b.reverse()
print(b, a == b, a is b, a[:] == a, a[:] is a)
b.sort()
print(b)
b.sort(reverse=True)
print(b)
b.clear()
print(b, len(b), bool(b))

grid = [[0] * 3 for _ in range(3)]
grid[1][2] = 5
alias = [[0] * 3] * 3
alias[1][2] = 5
print(grid, alias, [None] * 4, [1, 2] * 2, 2 * [0], [] * 5)
print([1, 2, 3] + [4], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99], [1, [2, 3]] == [1, [2, 3]])

s = list(range(10))
s[2:5] = ["a", "b"]
print(s)
s[1:1] = [100, 200, 300]
print(s)
s[::2] = [0] * len(s[::2])
print(s)
del s[0]
del s[-2:]
del s[::3]
print(s)
s[:] = []
print(s)
t = [1, 2, 3, 4, 5, 6]
t[-2:] = "xy"
t[0:2] = (7,)
print(t)
n = [5, 3, 8]
n += [1]
n *= 2
print(n)
m = n
m += [0]
print(n is m, n)
nested = [1, [2, [3, [4]]]]
print(nested[1][1][1][0], str(nested), repr([1.5, "s", None, True, (1,)]))
for err in range(5):
    try:
        if err == 0:
            [1][5]
        elif err == 1:
            [].pop()
        elif err == 2:
            [1, 2].remove(3)
        elif err == 3:
            [1].index(2)
        else:
            x = [1, 2, 3]
            x[::2] = [1]
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
total = []
for i in range(5):
    total.append(i * i)
print(total, sum(total), [str(v) for v in total])
