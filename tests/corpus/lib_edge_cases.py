# Edge cases of the random/struct/array/os modules and bytes: subclasses, re-running __init__,
# argument errors, huge sizes (MemoryError, never a hang), no instance __dict__ on arrays.
import array, struct, random, os, _random
B = type(struct.pack(''))
def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print("ERR", type(e).__name__, e)
b = B([1, 2]); b.__init__([9]); print(b)
class R(random.Random):
    def __init__(self):
        pass
r = R(); print(type(r.random()))
class A(array.array):
    pass
x = A('i', [1, 2]); x.append(3); print(x, type(x).__name__, len(x))
class BB(B):
    pass
y = BB([1]); print(y, len(y), y == B([1]))
a = array.array('d'); print(a, bool(a), a == [], a != [])
t(lambda: array.array('i', [1]) + 1)
t(lambda: struct.pack())
t(lambda: struct.unpack('i'))
t(lambda: struct.calcsize('999999999999999999999999i'))
t(lambda: random.Random().setstate(5))
t(lambda: random.Random().setstate((3, (1,) * 625, None)))
t(lambda: random.Random().setstate((3, tuple([2**40] * 625), None)))
t(lambda: random.getrandbits(2**70))
t(lambda: os.path.join())
t(lambda: os.getenv())
t(lambda: vars(array.array('i')))
t(lambda: B(10**20))
t(lambda: array.array('d', [1]) * -1)
t(lambda: B([1]) * -5)
t(lambda: array.array('i', [1]) * (2**62))
