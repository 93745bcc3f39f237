# operator.py: the `operator` module for stmjit: the Python operators as plain functions plus
# itemgetter/attrgetter/methodcaller, written in the subset stmjit supports.

__all__ = ["abs", "add", "and_", "attrgetter", "concat", "contains", "countOf", "delitem",
           "eq", "floordiv", "ge", "getitem", "gt", "iadd", "iand", "iconcat", "ifloordiv",
           "ilshift", "imod", "imul", "index", "indexOf", "inv", "invert", "ior", "ipow",
           "irshift", "is_", "is_not", "isub", "itemgetter", "itruediv", "ixor", "le",
           "length_hint", "lshift", "lt", "methodcaller", "mod", "mul", "ne", "neg", "not_",
           "or_", "pos", "pow", "rshift", "setitem", "sub", "truediv", "truth", "xor"]

_abs = abs


def lt(a, b): return a < b
def le(a, b): return a <= b
def eq(a, b): return a == b
def ne(a, b): return a != b
def ge(a, b): return a >= b
def gt(a, b): return a > b
def not_(a): return not a
def truth(a): return True if a else False
def is_(a, b): return a is b
def is_not(a, b): return a is not b
def abs(a): return _abs(a)
def add(a, b): return a + b
def and_(a, b): return a & b
def floordiv(a, b): return a // b
def inv(a): return ~a
invert = inv
def lshift(a, b): return a << b
def mod(a, b): return a % b
def mul(a, b): return a * b
def neg(a): return -a
def or_(a, b): return a | b
def pos(a): return +a
def pow(a, b): return a ** b
def rshift(a, b): return a >> b
def sub(a, b): return a - b
def truediv(a, b): return a / b
def xor(a, b): return a ^ b


def index(a):
    if isinstance(a, int):
        return a
    conv = getattr(type(a), "__index__", None)
    if conv is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(a).__name__)
    return conv(a)


def _is_seq(a):
    return hasattr(a, "__getitem__") and not isinstance(a, dict)


def concat(a, b):
    if not _is_seq(a):
        raise TypeError("'%s' object can't be concatenated" % type(a).__name__)
    return a + b


def contains(a, b): return b in a


def countOf(a, b):
    n = 0
    for x in a:
        if x is b or x == b:
            n += 1
    return n


def indexOf(a, b):
    i = 0
    for x in a:
        if x is b or x == b:
            return i
        i += 1
    raise ValueError("sequence.index(x): x not in sequence")


def getitem(a, b): return a[b]


def setitem(a, b, c):
    a[b] = c


def delitem(a, b):
    del a[b]


def length_hint(obj, default=0):
    try:
        return len(obj)
    except TypeError:
        pass
    hint = getattr(type(obj), "__length_hint__", None)
    if hint is None:
        return default
    val = hint(obj)
    if val is NotImplemented:
        return default
    return val


def iadd(a, b):
    a += b
    return a


def iand(a, b):
    a &= b
    return a


def iconcat(a, b):
    if not _is_seq(a):
        raise TypeError("'%s' object can't be concatenated" % type(a).__name__)
    a += b
    return a


def ifloordiv(a, b):
    a //= b
    return a


def ilshift(a, b):
    a <<= b
    return a


def imod(a, b):
    a %= b
    return a


def imul(a, b):
    a *= b
    return a


def ior(a, b):
    a |= b
    return a


def ipow(a, b):
    a **= b
    return a


def irshift(a, b):
    a >>= b
    return a


def isub(a, b):
    a -= b
    return a


def itruediv(a, b):
    a /= b
    return a


def ixor(a, b):
    a ^= b
    return a


class itemgetter:
    __slots__ = ("_items", "_item", "_single")

    def __init__(self, item, *items):
        self._single = not items
        self._item = item
        self._items = (item,) + items

    def __call__(self, obj):
        if self._single:
            return obj[self._item]
        return tuple([obj[i] for i in self._items])

    def __repr__(self):
        return "operator.itemgetter(%s)" % ", ".join([repr(i) for i in self._items])


def _resolve(obj, name):
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


class attrgetter:
    __slots__ = ("_attrs",)

    def __init__(self, attr, *attrs):
        names = (attr,) + attrs
        for n in names:
            if not isinstance(n, str):
                raise TypeError("attribute name must be a string")
        self._attrs = names

    def __call__(self, obj):
        if len(self._attrs) == 1:
            return _resolve(obj, self._attrs[0])
        return tuple([_resolve(obj, n) for n in self._attrs])

    def __repr__(self):
        return "operator.attrgetter(%s)" % ", ".join([repr(a) for a in self._attrs])


class methodcaller:
    __slots__ = ("_name", "_args", "_kwargs")

    def __init__(self, name, *args, **kwargs):
        if not isinstance(name, str):
            raise TypeError("method name must be a string")
        self._name = name
        self._args = args
        self._kwargs = kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._name)]
        for a in self._args:
            parts.append(repr(a))
        for k in self._kwargs:
            parts.append("%s=%r" % (k, self._kwargs[k]))
        return "operator.methodcaller(%s)" % ", ".join(parts)


__lt__ = lt; __le__ = le; __eq__ = eq; __ne__ = ne; __ge__ = ge; __gt__ = gt
__add__ = add; __sub__ = sub; __mul__ = mul; __truediv__ = truediv; __floordiv__ = floordiv
__mod__ = mod; __pow__ = pow; __neg__ = neg; __pos__ = pos; __abs__ = abs; __not__ = not_
__and__ = and_; __or__ = or_; __xor__ = xor; __lshift__ = lshift; __rshift__ = rshift
__inv__ = inv; __invert__ = invert; __getitem__ = getitem; __setitem__ = setitem
__delitem__ = delitem; __contains__ = contains; __index__ = index; __concat__ = concat
__iadd__ = iadd
