# collections.py: the `collections` module for stmjit: deque, defaultdict, OrderedDict,
# namedtuple and Counter, written in the subset stmjit supports.

__all__ = ["deque", "defaultdict", "OrderedDict", "namedtuple", "Counter", "ChainMap"]

_sentinel = object()


class deque:
    # Two plain lists: _f holds the left part reversed (its end is the leftmost item) and
    # _b the right part in order, so appends and pops at both ends are list appends/pops.
    # When one side runs dry, half of the other side moves over (amortised O(1)).
    __slots__ = ("_f", "_b", "_maxlen", "__weakref__")

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._f = []
        self._b = []
        if iterable != ():
            self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _items(self):
        f = self._f
        if f:
            return f[::-1] + self._b
        return self._b[:]

    def _fill_front(self):
        b = self._b
        k = (len(b) + 1) // 2
        self._f = b[k - 1::-1]
        del b[:k]

    def _fill_back(self):
        f = self._f
        k = (len(f) + 1) // 2
        self._b = f[k - 1::-1]
        del f[:k]

    def append(self, x):
        m = self._maxlen
        if m is not None and len(self._f) + len(self._b) >= m:
            if m == 0:
                return
            self.popleft()
        self._b.append(x)

    def appendleft(self, x):
        m = self._maxlen
        if m is not None and len(self._f) + len(self._b) >= m:
            if m == 0:
                return
            self.pop()
        self._f.append(x)

    def pop(self):
        b = self._b
        if b:
            return b.pop()
        if not self._f:
            raise IndexError("pop from an empty deque")
        self._fill_back()
        return self._b.pop()

    def popleft(self):
        f = self._f
        if f:
            return f.pop()
        if not self._b:
            raise IndexError("pop from an empty deque")
        self._fill_front()
        return self._f.pop()

    def extend(self, iterable):
        if iterable is self:
            iterable = self._items()
        if self._maxlen is None:
            self._b.extend(iterable)
        else:
            for x in iterable:
                self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = self._items()
        if self._maxlen is None:
            self._f.extend(iterable)
        else:
            for x in iterable:
                self.appendleft(x)

    def clear(self):
        self._f = []
        self._b = []

    def copy(self):
        d = type(self)(maxlen=self._maxlen) if type(self) is not deque else deque((), self._maxlen)
        d._b = self._items()
        return d

    __copy__ = copy

    def count(self, x):
        n = 0
        for y in self._items():
            if y is x or y == x:
                n += 1
        return n

    def index(self, x, start=0, stop=None):
        items = self._items()
        n = len(items)
        if start < 0:
            start = max(0, start + n)
        if stop is None:
            stop = n
        elif stop < 0:
            stop += n
        for i in range(start, min(stop, n)):
            y = items[i]
            if y is x or y == x:
                return i
        raise ValueError("%r is not in deque" % (x,))

    def insert(self, i, x):
        n = len(self._f) + len(self._b)
        if self._maxlen is not None and n >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        items = self._items()
        items.insert(i, x)
        self._f = []
        self._b = items

    def remove(self, x):
        items = self._items()
        for i in range(len(items)):
            y = items[i]
            if y is x or y == x:
                del items[i]
                self._f = []
                self._b = items
                return
        raise ValueError("%r is not in deque" % (x,))

    def reverse(self):
        self._f, self._b = self._b, self._f

    def rotate(self, n=1):
        size = len(self._f) + len(self._b)
        if size <= 1:
            return
        n %= size
        if n == 0:
            return
        if n <= 8 or size - n <= 8:
            if n <= size - n:
                for _ in range(n):
                    self.appendleft(self.pop())
            else:
                for _ in range(size - n):
                    self.append(self.popleft())
            return
        items = self._items()
        self._f = []
        self._b = items[-n:] + items[:-n]

    def __len__(self):
        return len(self._f) + len(self._b)

    def __bool__(self):
        return len(self._f) + len(self._b) > 0

    def _index(self, i):
        if not isinstance(i, int):
            if hasattr(type(i), "__index__"):
                i = type(i).__index__(i)
            else:
                raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)
        n = len(self._f) + len(self._b)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        if type(i) is int:
            f = self._f
            nf = len(f)
            if 0 <= i < nf:
                return f[nf - 1 - i]
            if i >= nf:
                b = self._b
                if i - nf < len(b):
                    return b[i - nf]
            elif i >= -len(self._b):
                return self._b[i]
        i = self._index(i)
        nf = len(self._f)
        if i < nf:
            return self._f[nf - 1 - i]
        return self._b[i - nf]

    def __setitem__(self, i, x):
        i = self._index(i)
        nf = len(self._f)
        if i < nf:
            self._f[nf - 1 - i] = x
        else:
            self._b[i - nf] = x

    def __delitem__(self, i):
        i = self._index(i)
        nf = len(self._f)
        if i < nf:
            del self._f[nf - 1 - i]
        else:
            del self._b[i - nf]

    def __contains__(self, x):
        return x in self._f or x in self._b

    def __iter__(self):
        f = self._f
        b = self._b
        n = len(f) + len(b)
        i = len(f) - 1
        while i >= 0:
            if self._f is not f or self._b is not b or len(f) + len(b) != n:
                raise RuntimeError("deque mutated during iteration")
            yield f[i]
            i -= 1
        i = 0
        while i < len(b):
            if self._f is not f or self._b is not b or len(f) + len(b) != n:
                raise RuntimeError("deque mutated during iteration")
            yield b[i]
            i += 1
        if self._f is not f or self._b is not b or len(f) + len(b) != n:
            raise RuntimeError("deque mutated during iteration")

    def __reversed__(self):
        for x in self._items()[::-1]:
            yield x

    def __repr__(self):
        name = type(self).__name__
        if self._maxlen is None:
            return "%s(%r)" % (name, self._items())
        return "%s(%r, maxlen=%d)" % (name, self._items(), self._maxlen)

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() == other._items()

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() != other._items()

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() < other._items()

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() <= other._items()

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() > other._items()

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() >= other._items()

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        d = self.copy()
        d.extend(other)
        return d

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        d = self.copy()
        d._f = []
        d._b = []
        d.extend(self._items() * n)
        return d

    __rmul__ = __mul__

    def __imul__(self, n):
        items = self._items() * n
        self._f = []
        self._b = []
        self.extend(items)
        return self


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        dict.__init__(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        f = self.default_factory
        if f is None:
            raise KeyError(key)
        v = f()
        self[key] = v
        return v

    def __repr__(self):
        f = self.default_factory
        fr = "None" if f is None else repr(f)
        return "%s(%s, %s)" % (type(self).__name__, fr, dict.__repr__(self))

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        d = self.copy()
        d.update(other)
        return d

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        d = type(self)(self.default_factory, other)
        d.update(self)
        return d


class OrderedDict(dict):
    # A dict already remembers insertion order; this adds the reordering operations and
    # order-sensitive equality between OrderedDicts.
    def move_to_end(self, key, last=True):
        v = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, v)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, v)
            for k, w in rest:
                dict.__setitem__(self, k, w)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        if last:
            key = next(reversed(self))
        else:
            key = next(iter(self))
        return key, dict.pop(self, key)

    def __repr__(self):
        if not self:
            return "%s()" % type(self).__name__
        return "%s(%r)" % (type(self).__name__, list(self.items()))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for k in iterable:
            d[k] = value
        return d

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        d = type(self)(self)
        d.update(other)
        return d


_KEYWORDS = frozenset(["False", "None", "True", "and", "as", "assert", "async", "await",
                       "break", "class", "continue", "def", "del", "elif", "else", "except",
                       "finally", "for", "from", "global", "if", "import", "in", "is",
                       "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
                       "while", "with", "yield"])


def _field_getter(i):
    def get(self):
        return self[i]
    return property(get)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = [str(n) for n in field_names]
    typename = str(typename)
    if rename:
        seen = set()
        for i in range(len(field_names)):
            n = field_names[i]
            if (not n.isidentifier() or n in _KEYWORDS or n.startswith("_") or n in seen):
                field_names[i] = "_%d" % i
            seen.add(field_names[i])
    for n in [typename] + field_names:
        if not n.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: %r" % (n,))
        if n in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a keyword: %r" % (n,))
    seen = set()
    for n in field_names:
        if n.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: %r" % (n,))
        if n in seen:
            raise ValueError("Encountered duplicate field name: %r" % (n,))
        seen.add(n)
    fields = tuple(field_names)
    nfields = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > nfields:
            raise TypeError("Got more default values than field names")
        for i in range(len(defaults)):
            field_defaults[fields[nfields - len(defaults) + i]] = defaults[i]

    # __new__ is built with exec so that its signature (and so every argument error
    # message) is exactly that of a function with the field names as parameters.
    params = []
    for i in range(nfields):
        n = fields[i]
        if n in field_defaults:
            params.append("%s=_defaults[%r]" % (n, n))
        else:
            params.append(n)
    arg_tuple = "(" + "".join([n + ", " for n in fields]) + ")"
    src = "def __new__(_cls, %s):\n    return _tuple_new(_cls, %s)\n" % (", ".join(params), arg_tuple)
    env = {"_tuple_new": tuple.__new__, "_defaults": field_defaults}
    exec(src, env)
    new = env["__new__"]
    new.__qualname__ = typename + ".__new__"
    new.__doc__ = "Create new instance of %s(%s)" % (typename, ", ".join(fields))

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != nfields:
            raise TypeError("Expected %d arguments, got %d" % (nfields, len(result)))
        return result

    def _replace(self, **kwds):
        vals = []
        for n in fields:
            if n in kwds:
                vals.append(kwds.pop(n))
            else:
                vals.append(self[fields.index(n)])
        if kwds:
            raise ValueError("Got unexpected field names: %r" % list(kwds))
        return tuple.__new__(type(self), vals)

    def __repr__(self):
        return type(self).__name__ + "(" + ", ".join(["%s=%r" % (fields[i], self[i]) for i in range(nfields)]) + ")"

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    ns = {
        "__doc__": "%s(%s)" % (typename, ", ".join(fields)),
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": new,
        "_make": classmethod(_make),
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for i in range(nfields):
        ns[fields[i]] = _field_getter(i)
    cls = type(typename, (tuple,), ns)
    if module is None:
        try:
            import sys
            module = sys._getframe(1).f_globals.get("__name__", "__main__")
        except Exception:
            module = "__main__"
    cls.__module__ = module
    return cls


class Counter(dict):
    def __init__(self, iterable=None, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = list(self.items())
        items.sort(key=_second, reverse=True)
        if n is None:
            return items
        if n < 0:
            n = 0
        return items[:n]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                get = self.get
                for elem in iterable:
                    self[elem] = get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return "%s()" % type(self).__name__
        d = {}
        for k, v in self.most_common():
            d[k] = v
        return "%s(%r)" % (type(self).__name__, d)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for c in (self, other):
            for e in c:
                if self[e] != other[e]:
                    return False
        return True

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for c in (self, other):
            for e in c:
                if not self[e] <= other[e]:
                    return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for c in (self, other):
            for e in c:
                if not self[e] >= other[e]:
                    return False
        return True

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self.items() if not c > 0]:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _second(pair):
    return pair[1]


class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for m in reversed(self.maps):
            for k in m:
                d[k] = None
        return iter(d)

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def __bool__(self):
        for m in self.maps:
            if m:
                return True
        return False

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join([repr(m) for m in self.maps]))

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def new_child(self, m=None):
        if m is None:
            m = {}
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,))
