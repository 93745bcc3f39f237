# struct: pack/unpack/calcsize/unpack_from/iter_unpack for every code and byte order, CPython's
# range and type errors, native alignment; and the minimal bytes type that struct returns.
import struct
def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
for fmt in ['b','B','h','H','i','I','l','L','q','Q','n','N','<b','<B','<h','<H','<i','<I','<l','<L','<q','<Q','>i','!H','=l']:
    for v in [0, 1, -1, 127, 200, -200, 70000, -70000, 2**31, 2**32 - 1, 2**40, -2**40, 2**63 - 1, 2**63, -2**63, -2**63-1, 2**64 - 1, 2**64]:
        t(struct.pack, fmt, v)
        try:
            p = struct.pack(fmt, v)
            print(struct.unpack(fmt, p))
        except Exception as e:
            pass
for fmt, v in [('b', 1.5), ('f', 1e300), ('<f', 1e300), ('d', 'x'), ('b', 'x'), ('?', []), ('?', 5), ('3s', 'ab'), ('c', 'ab'), ('f', 1.1), ('>d', -2.5), ('<f', 3), ('e', 1.0)]:
    t(struct.pack, fmt, v)
for a in [('bb', 1), ('b', 1, 2), ('q!', 1), ('b',), ('2', 1), ('b 2h', 1, 2, 3)]:
    t(struct.pack, *a)
t(struct.unpack, 'i', struct.pack('h', 1))
t(struct.unpack, 'i', 'abcd')
t(struct.calcsize, 'z')
t(struct.calcsize, 5)
print(struct.error.__mro__, struct.error.__name__, struct.error.__module__)
for f in ['bid', '@bq', '=bq', '3x2h', '2s', 'b 2h', 'bi0q', '?', 'bhiq', '<bhiq', 'ci', 'xd', '5s3c', '']:
    print(repr(f), struct.calcsize(f))
p = struct.pack('<hxi3s?d', -2, 7, struct.pack('3B', 65, 66, 67), True, 0.1)
print(p, len(p), struct.unpack('<hxi3s?d', p))
p = struct.pack('>Q2f', 2**64 - 1, 1.5, -0.25)
print(p, struct.unpack('>Q2f', p))
p = struct.pack('@bq', 1, 2)
print(p, struct.unpack('@bq', p))
print(struct.unpack_from('<h', struct.pack('<3h', 1, 2, 3), 2), struct.unpack_from('<h', struct.pack('<3h', 1, 2, 3), offset=4))
t(struct.unpack_from, '<i', struct.pack('<3h', 1, 2, 3), 4)
print(list(struct.iter_unpack('<h', struct.pack('<3h', 1, -2, 3))))
print(struct.unpack('<f', struct.pack('<f', 0.1)), struct.pack('4s', struct.pack('2b', 1, 2)), struct.pack('1s', struct.pack('2b', 1, 2)))
print(struct.pack('c', struct.pack('b', 120)), struct.unpack('2c', struct.pack('2b', 120, 0)))
B = type(struct.pack(''))
print(B, B.__name__)
def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
print(repr(B([0, 1, 39, 34, 92, 9, 10, 13, 127, 128, 255, 65])), repr(B([39])), repr(B([39, 34])), repr(B([34])))
for a in [(-1,), ([256],), (['a'],), ('abc',), (1.5,), ([1.0],), ('héllo', 'utf-8'), ('abc', 'ascii'), ('é', 'ascii'), ('é', 'latin-1')]:
    t(B, *a)
b = B([1, 2, 3])
for k in [3, -4, 'a', 0, -1]:
    t(lambda: b[k])
t(lambda: b + [1])
t(lambda: b < 1)
t(lambda: 300 in b)
t(lambda: 'a' in b)
print(b == [1, 2, 3], b[::-1], b[1:], str(b), b.hex(), B(2), B(), len(b), list(b), 2 in b, b[1:] in b)
print(b + B(1), b * 2, 2 * b, b == B([1, 2, 3]), b != B([1, 2]), B([1, 2]) < b, b <= b, b > B([1]), sorted([B([3]), B([1, 2]), B([1])]))
print({b: 1}[B([1, 2, 3])], B(B([5, 6])), B(range(65, 70)).decode(), B([104, 195, 169]).decode('utf-8'))
t(B([255]).decode)
t(B([200]).decode, 'ascii')
print(struct.unpack('<e', struct.pack('<e', 0.1)), struct.pack('>e', 65504.0), struct.unpack('e', struct.pack('e', -2.5)))
t(struct.pack, 'e', 1e6)
print(isinstance(b, B), type(b) is B, bool(B()), bool(b))
for x in b:
    print(x, end=' ')
print()

# struct.Struct
s = struct.Struct("<hI2s")
print(s.size, s.format, type(s).__name__)
p = s.pack(-3, 70000, struct.pack("2b", 65, 66))
print(p, s.unpack(p), s.unpack_from(p + p, 8), s.unpack_from(p, offset=0), list(s.iter_unpack(p + p)))
def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
t(struct.Struct, "z")
t(s.pack, 1)
t(s.unpack, struct.pack("b", 1))
t(struct.Struct, 5)
print(struct.Struct(format=">d").pack(1.5), struct.Struct("").size)
