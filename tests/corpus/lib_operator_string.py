# lib_operator_string.py: operator and string modules.
import operator as op
from operator import itemgetter, attrgetter, methodcaller
import string
print(op.add(2, 3), op.sub(2, 3), op.mul('a', 3), op.truediv(7, 2), op.floordiv(-7, 2), op.mod(-7, 3), op.pow(2, 10), op.neg(4), op.pos(-4), op.not_(0), op.truth([1]))
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 5), op.rshift(64, 2), op.invert(5), op.inv(0))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l, op.getitem(l, -1), op.contains(l, 9), op.index(7), op.concat([1], [2]), op.concat('a', 'b'), op.is_(None, None), op.abs(-3))
x = [1]; y = op.iadd(x, [2]); print(x, y is x, op.iadd(1, 2), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'))
print(itemgetter(1)('abc'), itemgetter(0, 2)('abc'), itemgetter('k')({'k': 5}), repr(itemgetter(1, 'a')), sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=itemgetter(1)))
class N: pass
n = N(); n.a = N(); n.a.b = 7; n.c = 1
print(attrgetter('c')(n), attrgetter('a.b')(n), attrgetter('c', 'a.b')(n), repr(attrgetter('a.b', 'c')))
print(methodcaller('upper')('abc'), methodcaller('split', ',', 1)('a,b,c'), methodcaller('count', 'a')('banana'), repr(methodcaller('f', 1, k=2)))
print(list(map(op.mul, [1, 2, 3], [4, 5, 6])))
for bad in [lambda: op.index(1.5), lambda: op.concat(1, 2), lambda: itemgetter(5)([1]), lambda: attrgetter('zz')(n), lambda: op.truediv(1, 0)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), repr(string.printable), len(string.printable))
print(string.capwords(' hello   wORLD  foo '), string.capwords('a-b-c', '-'), string.capwords(''))
t = string.Template('$who likes ${what}; $$5')
print(t.substitute(who='tim', what='pie'), t.substitute({'who': 'a', 'what': 'b'}), t.safe_substitute(who='x'))
try: t.substitute(who='x')
except KeyError as e: print('KeyError', e)
try: string.Template('a $ b').substitute()
except ValueError as e: print('ValueError', e)
