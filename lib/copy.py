# copy.py: the `copy` module for stmjit: shallow and deep copies of built-in containers and
# of instances (honouring __copy__/__deepcopy__, __getstate__/__setstate__, __getnewargs__
# and __slots__), with the memo dict that makes deepcopy handle shared and cyclic objects.

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

# Immutable (or identity-only) objects that both copy and deepcopy return unchanged.
_atomic = (type(None), int, float, bool, str, type, range, type(len), type(lambda: 0),
           type(Ellipsis), type(NotImplemented))


def _slot_names(cls):
    names = []
    for base in cls.__mro__:
        slots = base.__dict__.get("__slots__")
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for n in slots:
            if n in ("__dict__", "__weakref__"):
                continue
            if n.startswith("__") and not n.endswith("__"):
                n = "_%s%s" % (base.__name__.lstrip("_"), n)
            if n not in names:
                names.append(n)
    return names


def _get_state(x, cls):
    getstate = getattr(cls, "__getstate__", None)
    if getstate is not None and "__getstate__" in _own_names(cls):
        return getstate(x)
    d = getattr(x, "__dict__", None)
    slots = _slot_names(cls)
    if slots:
        sd = {}
        for n in slots:
            try:
                sd[n] = getattr(x, n)
            except AttributeError:
                pass
        return (d if d else None, sd)
    if d:
        return d
    return None


def _own_names(cls):
    # Attribute names defined by user classes in the MRO (built-in bases excluded).
    names = set()
    for base in cls.__mro__:
        if base.__module__ == "builtins":
            continue
        names.update(base.__dict__)
    return names


def _set_state(y, state):
    if state is None:
        return
    if hasattr(y, "__setstate__") and "__setstate__" in _own_names(type(y)):
        y.__setstate__(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        y.__dict__.update(state)
    if slotstate:
        for k in slotstate:
            setattr(y, k, slotstate[k])


def _reconstruct(x, memo, deep):
    cls = type(x)
    if cls.__module__ == "builtins" or not hasattr(cls, "__mro__"):
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    own = _own_names(cls)
    if "__reduce_ex__" in own:
        return _from_reduce(x, x.__reduce_ex__(4), memo, deep)
    if "__reduce__" in own:
        return _from_reduce(x, x.__reduce__(), memo, deep)
    getnewargs = getattr(cls, "__getnewargs__", None)
    if getnewargs is not None:
        args = getnewargs(x)
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    elif isinstance(x, tuple):
        args = tuple(x)
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, args)
    elif isinstance(x, (int, float, str, frozenset)):
        base = int if isinstance(x, int) else float if isinstance(x, float) else str if isinstance(x, str) else frozenset
        y = cls.__new__(cls, base(x))
    else:
        y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    state = _get_state(x, cls)
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)
    if isinstance(x, list):
        for item in list.__iter__(x):
            y.append(deepcopy(item, memo) if deep else item)
    elif isinstance(x, dict):
        for k, v in dict.items(x):
            if deep:
                y[deepcopy(k, memo)] = deepcopy(v, memo)
            else:
                y[k] = v
    elif isinstance(x, set):
        for item in set.__iter__(x):
            y.add(deepcopy(item, memo) if deep else item)
    return y


def _from_reduce(x, rv, memo, deep):
    if isinstance(rv, str):
        return x
    func = rv[0]
    args = rv[1]
    state = rv[2] if len(rv) > 2 else None
    listiter = rv[3] if len(rv) > 3 else None
    dictiter = rv[4] if len(rv) > 4 else None
    if deep:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for k, v in dictiter:
            if deep:
                y[deepcopy(k, memo)] = deepcopy(v, memo)
            else:
                y[k] = v
    return y


def copy(x):
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    cp = getattr(cls, "__copy__", None)
    if cp is not None:
        return cp(x)
    if isinstance(x, type):
        return x
    return _reconstruct(x, None, False)


def _keep_alive(x, memo):
    # Remember x so its id cannot be reused by a new object while the memo is alive.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic or isinstance(x, type):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # A cyclic tuple may have been copied while copying its own items.
        if d in memo:
            return memo[d]
        same = True
        for i in range(len(x)):
            if items[i] is not x[i]:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set or cls is frozenset:
        y = cls([deepcopy(a, memo) for a in x])
    else:
        hook = getattr(x, "__deepcopy__", None)
        if hook is not None and not isinstance(x, type):
            y = hook(memo)
        else:
            y = _reconstruct(x, memo, True)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y
