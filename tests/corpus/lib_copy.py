# lib_copy.py: copy.copy and copy.deepcopy (memo, cycles, hooks, slots, subclasses).
import copy
a = [1, [2, 3], {'k': [4]}, (5, [6]), {7, 8}, 'str', None]
s = copy.copy(a); d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d == a, d[1] is a[1], d[2]['k'] is a[2]['k'], d[3] is a[3], d[3][1] is a[3][1])
t = (1, 2, 'x'); print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.copy(5), copy.deepcopy('s'))
shared = [0]; pair = [shared, shared]; dp = copy.deepcopy(pair); print(dp[0] is dp[1], dp[0] is shared)
cyc = [1]; cyc.append(cyc); dc = copy.deepcopy(cyc); print(dc[1] is dc, dc is not cyc, len(dc))
dd = {'self': None}; dd['self'] = dd; c2 = copy.deepcopy(dd); print(c2['self'] is c2)
class Pt:
    def __init__(self, x, y): self.x = x; self.y = y
    def __repr__(self): return 'Pt(%r, %r)' % (self.x, self.y)
p = Pt([1], 2); q = copy.copy(p); r = copy.deepcopy(p)
print(q, r, q.x is p.x, r.x is p.x, type(r).__name__, r is p)
class Node:
    def __init__(self): self.children = []; self.parent = None
root = Node(); kid = Node(); kid.parent = root; root.children.append(kid)
r2 = copy.deepcopy(root); print(r2.children[0].parent is r2, r2 is not root)
class Hooked:
    def __init__(self, v): self.v = v
    def __copy__(self): print('copy hook'); return Hooked(self.v + 1)
    def __deepcopy__(self, memo): print('deepcopy hook', type(memo).__name__); return Hooked(self.v * 10)
print(copy.copy(Hooked(1)).v, copy.deepcopy([Hooked(2)])[0].v)
class Sl:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = [1]
s1 = Sl(); s2 = copy.copy(s1); s3 = copy.deepcopy(s1)
print(s2.a is s1.a, s3.a == s1.a, s3.a is s1.a, hasattr(s3, 'b'))
class St:
    def __init__(self): self.v = 1; self.cache = 'big'
    def __getstate__(self): return {'v': self.v}
    def __setstate__(self, st): self.v = st['v']; self.cache = None
print(vars(copy.copy(St())), vars(copy.deepcopy(St())))
class L(list): pass
class D(dict): pass
l = L([1, [2]]); l.tag = 't'; lc = copy.deepcopy(l); print(type(lc).__name__, lc, lc.tag, lc[1] is l[1])
dx = D(a=[1]); dc2 = copy.copy(dx); print(type(dc2).__name__, dc2, dc2['a'] is dx['a'])
memo = {}; x = [1]; y = copy.deepcopy([x, x], memo); print(memo[id(x)] is y[0])
print(copy.copy(len) is len, copy.deepcopy(Pt) is Pt, copy.copy({1, 2}), copy.deepcopy(frozenset([1])))
def gen(): yield 1
for bad in [lambda: copy.copy(gen()), lambda: copy.deepcopy(gen())]:
    try: bad()
    except TypeError as e: print('TypeError', e)
