# heapq.py: the `heapq` module for stmjit: a binary min-heap on a plain list. The sift
# strategy (push: bubble up; pop/replace/heapify: walk the hole down to a leaf along the
# smaller children, then bubble the item up) is the one CPython uses, so every operation
# leaves exactly the same list layout as CPython does. Only `<` is used to compare items.

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest",
           "nsmallest", "heappushpop"]


def _up(heap, top, pos):
    # Move heap[pos] towards the root (not above `top`) while it is smaller than its parent.
    item = heap[pos]
    while pos > top:
        parent = (pos - 1) >> 1
        p = heap[parent]
        if item < p:
            heap[pos] = p
            pos = parent
        else:
            break
    heap[pos] = item


def _down(heap, pos):
    # Sink the hole at pos to a leaf by promoting the smaller child, then put the item back.
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _up(heap, start, pos)


def heappush(heap, item):
    if type(heap) is not list and not isinstance(heap, list):
        raise TypeError("heappush() argument 1 must be list, not %s" % type(heap).__name__)
    heap.append(item)
    _up(heap, 0, len(heap) - 1)


def heappop(heap):
    if not isinstance(heap, list):
        raise TypeError("heappop() argument must be list, not %s" % type(heap).__name__)
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _down(heap, 0)
        return top
    return last


def heapreplace(heap, item):
    if not isinstance(heap, list):
        raise TypeError("heapreplace() argument 1 must be list, not %s" % type(heap).__name__)
    if not heap:
        raise IndexError("index out of range")
    top = heap[0]
    heap[0] = item
    _down(heap, 0)
    return top


def heappushpop(heap, item):
    if not isinstance(heap, list):
        raise TypeError("heappushpop() argument 1 must be list, not %s" % type(heap).__name__)
    if heap and heap[0] < item:
        top = heap[0]
        heap[0] = item
        _down(heap, 0)
        return top
    return item


def heapify(x):
    if not isinstance(x, list):
        raise TypeError("heapify() argument must be list, not %s" % type(x).__name__)
    for i in range(len(x) // 2 - 1, -1, -1):
        _down(x, i)


# Max-heap helpers (CPython has them privately; merge(reverse=True) needs them).
def _up_max(heap, top, pos):
    item = heap[pos]
    while pos > top:
        parent = (pos - 1) >> 1
        p = heap[parent]
        if p < item:
            heap[pos] = p
            pos = parent
        else:
            break
    heap[pos] = item


def _down_max(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _up_max(heap, start, pos)


def _heapify_max(x):
    for i in range(len(x) // 2 - 1, -1, -1):
        _down_max(x, i)


def merge(*iterables, key=None, reverse=False):
    # Entries are [sort value, source number, value, iterator]; the source number breaks
    # ties so equal items come out in the order of their iterables (a stable merge).
    entries = []
    n = 0
    for it in iterables:
        it = iter(it)
        for v in it:
            entries.append([v if key is None else key(v), -n if reverse else n, v, it])
            break
        n += 1
    return _merge(entries, key, reverse)


def _merge(entries, key, reverse):
    if reverse:
        _heapify_max(entries)
        down = _down_max
    else:
        heapify(entries)
        down = _down
    while entries:
        e = entries[0]
        yield e[2]
        got = False
        for v in e[3]:
            got = True
            break
        if got:
            e[2] = v
            e[0] = v if key is None else key(v)
            down(entries, 0)
        else:
            last = entries.pop()
            if entries:
                entries[0] = last
                down(entries, 0)


def nsmallest(n, iterable, key=None):
    # Same result as sorted(iterable, key=key)[:n]: keep the n best in a max-heap of
    # [key, arrival order, item] entries (the order keeps it stable and items uncompared).
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        if key is None:
            r = min(it, default=sentinel)
        else:
            r = min(it, default=sentinel, key=key)
        return [] if r is sentinel else [r]
    if n <= 0:
        return []
    heap = []
    order = 0
    for item in iterable:
        k = item if key is None else key(item)
        if order < n:
            heap.append([k, order, item])
            if order == n - 1:
                _heapify_max(heap)
        elif k < heap[0][0]:
            heap[0] = [k, order, item]
            _down_max(heap, 0)
        order += 1
    heap.sort()
    return [e[2] for e in heap]


def nlargest(n, iterable, key=None):
    # Same result as sorted(iterable, key=key, reverse=True)[:n], stable for equal keys.
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        if key is None:
            r = max(it, default=sentinel)
        else:
            r = max(it, default=sentinel, key=key)
        return [] if r is sentinel else [r]
    if n <= 0:
        return []
    heap = []
    order = 0
    for item in iterable:
        k = item if key is None else key(item)
        if order < n:
            heap.append([k, -order, item])
            if order == n - 1:
                heapify(heap)
        elif heap[0][0] < k:
            heap[0] = [k, -order, item]
            _down(heap, 0)
        order += 1
    heap.sort(reverse=True)
    return [e[2] for e in heap]
