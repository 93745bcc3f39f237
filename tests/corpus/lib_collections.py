# lib_collections.py: deque, defaultdict, OrderedDict, namedtuple and Counter from lib/collections.py.
from collections import deque, defaultdict, OrderedDict, namedtuple, Counter
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2]); print(d, list(d), list(reversed(d)))
d.rotate(2); print(d); d.rotate(-3); print(d); d.rotate(20); print(d)
m = deque(range(10), maxlen=3); print(m, m.maxlen); m.append(10); m.appendleft(5); print(m)
q = deque()
for i in range(50):
    q.append(i)
    if i % 3: q.popleft()
    if i % 7 == 0: q.appendleft(-i)
    if i % 11 == 0 and q: q.pop()
print(q, 5 in q, q.count(-7), q.index(40) if 40 in q else None)
d[1] = 'x'; del d[0]; print(d, d == deque(list(d)), d != deque())
d.remove('x'); d.insert(1, 'y'); d.reverse(); print(d, d.copy(), d + deque([0]), d * 2)
d.clear(); print(d, bool(d))
try: d.pop()
except IndexError as e: print('IndexError', e)
try: deque([1])[5]
except IndexError as e: print('IndexError', e)
try: deque([1]).remove(3)
except ValueError as e: print('ValueError', e)
dd = defaultdict(list); dd['a'].append(1); dd['b']; print(dd, dd['a'], isinstance(dd, dict), len(dd))
di = defaultdict(int)
for ch in 'mississippi': di[ch] += 1
print(di, dict(di), sorted(di.items()))
try: defaultdict(None)['x']
except KeyError as e: print('KeyError', e)
try: defaultdict(5)
except TypeError as e: print('TypeError', e)
od = OrderedDict(); od['a'] = 1; od['b'] = 2; od['c'] = 3
od.move_to_end('a'); print(od); od.move_to_end('c', last=False); print(od, list(od))
print(od.popitem(), od.popitem(last=False), od, OrderedDict(), od == OrderedDict(b=2))
try: OrderedDict().popitem()
except KeyError as e: print('KeyError', e)
P = namedtuple('Point', 'x y')
p = P(1, y=2); print(p, p.x, p.y, p[0], p[-1], len(p), p == (1, 2), hash(p) == hash((1, 2)), isinstance(p, tuple))
a, b = p; print(a, b, P._fields, p._asdict(), p._replace(x=9), P._make([5, 6]), list(p))
R = namedtuple('R', ['a', 'b', 'c'], defaults=[3, 4]); print(R(1), R(1, 2, 5), R._field_defaults, type(p).__name__)
S = namedtuple('S', 'a, def, _x', rename=True); print(S._fields)
class PP(P):
    def norm(self): return self.x ** 2 + self.y ** 2
print(PP(3, 4).norm(), PP(3, 4))
for bad in [lambda: p._replace(z=1), lambda: namedtuple('A', 'x x'), lambda: namedtuple('A', 'class'), lambda: namedtuple('A', '_a'), lambda: namedtuple('1A', 'a'), lambda: P._make([1])]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
try: p.x = 5
except AttributeError as e: print('AttributeError')
c = Counter('abracadabra'); print(c, c['a'], c['z'], c.most_common(2), sorted(c.elements()), c.total())
c.update('aaz'); c.subtract({'b': 5}); print(c, c.most_common())
c2 = Counter(a=1, b=2, q=3); print(c + c2, c - c2, c | c2, c & c2, +c, -c)
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1, 3: 0}), Counter(), Counter({'x': 0}) == Counter())
c3 = Counter(a=3); c3 += Counter(a=-5, b=1); print(c3); del c3['zz']; print(c3)
