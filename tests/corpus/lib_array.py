# array.array: every typecode, CPython's OverflowError/TypeError texts on stores, indexing,
# slicing (get, set, delete), append/extend/insert/pop/remove/index/count/reverse, +, *, ==, <,
# repr, tolist, tobytes/frombytes, iteration.
import array
def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
for tc in 'bBhHiIlLqQfd':
    a = array.array(tc, [1])
    for v in [0, 127, 255, 300, -300, 70000, -70000, 2**31, 2**40, -2**40, 2**63 - 1, 2**63, -2**63, -2**63-1, 2**64 - 1, 2**64, 'x', 1.5, True]:
        try:
            a[0] = v
            print(tc, a[0], a)
        except Exception as e:
            print(tc, v, type(e).__name__, e)
    print(tc, a.itemsize, a.typecode)
for a in [(1,), ('z',), ('ii',), ('i', 'abc'), ('i', 5), ('d', ['x']), ('i', array.array('d', [1.0])), ('d', array.array('i', [1, 2])), ('i', (x * x for x in range(4)))]:
    t(array.array, *a)
a = array.array('i', [1, 2, 3])
for f in [lambda: a[5], lambda: a.__setitem__(5, 1), lambda: a['x'], lambda: a + [1], lambda: a + array.array('d'), lambda: a.append('x'), lambda: a.extend(array.array('d')), lambda: a.extend(5), lambda: a.index(9), lambda: a.remove(9), lambda: array.array('i').pop(), lambda: a.pop(9), lambda: a < array.array('d', [5.0]), lambda: hash(a), lambda: a.extend([1, 'x'])]:
    t(f)
print(a)
print(repr(array.array('d', [1, 2.5])), repr(array.array('i')), str(array.array('b', [1])), array.array('f', [0.1])[0], array.typecodes)
a = array.array('h', range(10))
print(a[2:5], a[::-1], a[::3], a[-3:], len(a), list(a), 5 in a, 50 in a, a.count(3), a.index(4), a.tolist())
a[2:5] = array.array('h', [9, 9]); print(a)
a[::2] = array.array('h', [0] * 5); print(a)
t(a.__setitem__, slice(0, 10, 2), array.array('h', [1]))
t(a.__setitem__, slice(0, 2), [1, 2])
del a[0]; print(a)
del a[::2]; print(a)
del a[1:3]; print(a)
a.append(7); a.extend([8, 9]); a.extend(array.array('h', [10])); a.insert(0, -1); a.insert(100, 11); a.insert(-1, 12); print(a)
print(a.pop(), a.pop(0), a); a.remove(9); a.reverse(); print(a)
b = array.array('d', [1.5, -2.0]) * 2
print(b, 2 * b, b + b, b == array.array('f', [1.5, -2.0, 1.5, -2.0]), b != b, b < array.array('d', [2.0]), array.array('i', [1, 2]) == array.array('d', [1.0, 2.0]))
print(array.array('Q', [2**64 - 1]), array.array('L', [2**63]), array.array('f', [1e40, 0.1, -1.25]), array.array('b', []))
x = array.array('i', [1, 2])
x += array.array('i', [3]); print(x)
x *= 2; print(x)
print(type(x), array.array, array.ArrayType is array.array, isinstance(x, array.array))
s = 0
for v in array.array('d', [0.5] * 10):
    s += v
print(s)
c = array.array('I', [1, 2, 3]); c2 = array.array('I', c); c2[0] = 99; print(c, c2)
print(array.array('i', [1, 2]).tobytes(), array.array('h', array.array('h', [1]).tobytes()))
y = array.array('h'); y.frombytes(array.array('h', [5, -6]).tobytes()); print(y)
