# itertools.py: the `itertools` module for stmjit. Each function checks its arguments
# eagerly (as CPython's C types do) and then returns a generator that produces the items in
# exactly CPython's order.

__all__ = ["accumulate", "chain", "combinations", "combinations_with_replacement", "compress",
           "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise",
           "permutations", "product", "repeat", "starmap", "takewhile", "tee", "zip_longest"]


class count:
    __slots__ = ("_n", "_step")

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float)):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return "count(%r)" % (self._n,)
        return "count(%r, %r)" % (self._n, self._step)


class repeat:
    __slots__ = ("_obj", "_times")

    def __init__(self, object, times=None):
        if times is not None:
            if not isinstance(times, int):
                raise TypeError("'%s' object cannot be interpreted as an integer" % type(times).__name__)
            if times < 0:
                times = 0
        self._obj = object
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        t = self._times
        if t is None:
            return self._obj
        if t <= 0:
            raise StopIteration
        self._times = t - 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return "repeat(%r)" % (self._obj,)
        return "repeat(%r, %d)" % (self._obj, self._times)


def _cycle(it):
    saved = []
    for x in it:
        yield x
        saved.append(x)
    if not saved:
        return
    while True:
        for x in saved:
            yield x


def cycle(iterable):
    return _cycle(iter(iterable))


def _accumulate(it, func, initial):
    if initial is not None:
        total = initial
        yield total
    else:
        total = None
        got = False
        for total in it:
            got = True
            break
        if not got:
            return
        yield total
    if func is None:
        for x in it:
            total = total + x
            yield total
    else:
        for x in it:
            total = func(total, x)
            yield total


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _chain(iterables):
    for it in iterables:
        for x in it:
            yield x


def chain(*iterables):
    return _chain(iterables)


def _from_iterable(iterable):
    return _chain(iter(iterable))


chain.from_iterable = _from_iterable


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        for x in it:
            if not x:
                yield x
    else:
        for x in it:
            if not predicate(x):
                yield x


def filterfalse(predicate, iterable):
    return _filterfalse(predicate, iter(iterable))


class groupby:
    # The group iterators share the underlying iterator; advancing groupby itself skips the
    # rest of the current group and leaves older group iterators exhausted.
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._state = 0      # 0: nothing read yet, 1: a lookahead item is held, 2: exhausted
        self._currkey = None
        self._currvalue = None
        self._tgtkey = None
        self._id = None

    def __iter__(self):
        return self

    def _step(self):
        try:
            v = next(self._it)
        except StopIteration:
            self._state = 2
            return False
        self._currvalue = v
        self._currkey = v if self._keyfunc is None else self._keyfunc(v)
        self._state = 1
        return True

    def __next__(self):
        self._id = object()
        if self._state == 0:
            self._step()
        elif self._state == 1 and self._tgtkey is not None:
            tgt = self._tgtkey[0]
            while self._currkey == tgt:
                if not self._step():
                    break
        if self._state == 2:
            raise StopIteration
        self._tgtkey = (self._currkey,)
        return (self._currkey, self._grouper(self._currkey, self._id))

    def _grouper(self, tgtkey, id):
        while self._id is id and self._state == 1 and self._currkey == tgtkey:
            yield self._currvalue
            self._step()


def _islice(it, start, stop, step):
    i = 0
    nxt = start
    if stop is None:
        for x in it:
            if i == nxt:
                yield x
                nxt += step
            i += 1
        return
    if start >= stop:
        # Nothing to give, but CPython still consumes the items before `stop`.
        for x in it:
            i += 1
            if i >= stop:
                break
        return
    for x in it:
        if i == nxt:
            yield x
            nxt += step
            if nxt >= stop:
                # Consume up to stop like CPython? It stops right after the last item.
                return
        i += 1


def islice(iterable, *args):
    n = len(args)
    if n == 0:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if n > 3:
        raise TypeError("islice expected at most 4 arguments, got %d" % (n + 1))
    if n == 1:
        start, stop, step = None, args[0], None
    elif n == 2:
        start, stop, step = args[0], args[1], None
    else:
        start, stop, step = args
    if stop is not None and (not isinstance(stop, int) or stop < 0):
        raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    if start is None:
        start = 0
    elif not isinstance(start, int) or start < 0:
        raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    if step is None:
        step = 1
    elif not isinstance(step, int) or step < 1:
        raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(iter(iterable), start, stop, step)


def _starmap(function, it):
    for args in it:
        yield function(*args)


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


class _TeeLink:
    __slots__ = ("value", "next")

    def __init__(self):
        self.next = None


class _tee:
    # Each tee iterator walks a shared singly linked list of the items read so far.
    def __init__(self, it, link):
        self._it = it
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._it)
            link.value = value
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._it, self._link)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee(it, _TeeLink())
    result = [first]
    for i in range(1, n):
        result.append(first.__copy__())
    return tuple(result)


def _zip_longest(its, fillvalue):
    n = len(its)
    active = n
    while True:
        row = []
        for i in range(n):
            it = its[i]
            if it is None:
                row.append(fillvalue)
                continue
            got = False
            for v in it:
                got = True
                row.append(v)
                break
            if not got:
                active -= 1
                if active == 0:
                    return
                its[i] = None
                row.append(fillvalue)
        yield tuple(row)


def zip_longest(*iterables, fillvalue=None):
    its = [iter(x) for x in iterables]
    if not its:
        return iter(())
    return _zip_longest(its, fillvalue)


def _product(pools):
    n = len(pools)
    for p in pools:
        if not p:
            return
    idx = [0] * n
    while True:
        yield tuple([pools[i][idx[i]] for i in range(n)])
        i = n - 1
        while i >= 0:
            idx[i] += 1
            if idx[i] < len(pools[i]):
                break
            idx[i] = 0
            i -= 1
        if i < 0:
            return


def product(*iterables, repeat=1):
    if not isinstance(repeat, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(repeat).__name__)
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(x) for x in iterables] * repeat
    return _product(pools)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    # Lexicographic order of index tuples: pick the rightmost position that can take a
    # larger unused index, bump it, and fill the rest with the smallest unused indices.
    idx = list(range(r))
    while True:
        yield tuple([pool[i] for i in idx])
        used = set(idx)
        pos = r - 1
        while pos >= 0:
            used.discard(idx[pos])
            cand = idx[pos] + 1
            while cand < n and cand in used:
                cand += 1
            if cand < n:
                idx[pos] = cand
                used.add(cand)
                fill = 0
                for j in range(pos + 1, r):
                    while fill in used:
                        fill += 1
                    idx[j] = fill
                    used.add(fill)
                break
            pos -= 1
        if pos < 0:
            return


def permutations(iterable, r=None):
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    elif not isinstance(r, int):
        raise TypeError("Expected int as r")
    elif r < 0:
        raise ValueError("r must be non-negative")
    return _permutations(pool, r)


def _combinations(pool, r, repl):
    n = len(pool)
    if repl:
        if n == 0 and r > 0:
            return
        idx = [0] * r
    else:
        if r > n:
            return
        idx = list(range(r))
    while True:
        yield tuple([pool[i] for i in idx])
        i = r - 1
        if repl:
            while i >= 0 and idx[i] == n - 1:
                i -= 1
            if i < 0:
                return
            v = idx[i] + 1
            for j in range(i, r):
                idx[j] = v
        else:
            while i >= 0 and idx[i] == i + n - r:
                i -= 1
            if i < 0:
                return
            idx[i] += 1
            for j in range(i + 1, r):
                idx[j] = idx[j - 1] + 1


def combinations(iterable, r):
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(r).__name__)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations(tuple(iterable), r, False)


def combinations_with_replacement(iterable, r):
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(r).__name__)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations(tuple(iterable), r, True)


def _pairwise(it):
    for a in it:
        for b in it:
            yield (a, b)
            a = b
        return


def pairwise(iterable):
    return _pairwise(iter(iterable))
