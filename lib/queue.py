"""queue: thread-safe FIFO, LIFO and priority queues (CPython 3.11's interface), written for
stmjit over threading.Condition.

One lock guards a queue; three conditions on it say "an item arrived", "room appeared" and
"every task is done". Subclasses change the storage by overriding _init, _qsize, _put, _get.
"""
import threading
from collections import deque
from heapq import heappush, heappop
from time import monotonic as _time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Raised by get(block=False) / get_nowait() when the queue is empty.'


class Full(Exception):
    'Raised by put(block=False) / put_nowait() when the queue is full.'


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


def _wait(cond, ready, block, timeout, error):
    """With cond's lock held: returns once ready() is true, or raises `error` when the caller
    does not block or the timeout ends first."""
    if not block:
        if not ready():
            raise error
        return
    _check_timeout(timeout)
    if timeout is None:
        while not ready():
            cond.wait()
        return
    deadline = _time() + timeout
    while not ready():
        left = deadline - _time()
        if left <= 0:
            raise error
        cond.wait(left)


class Queue:
    """A FIFO queue holding at most `maxsize` items (no limit if maxsize <= 0)."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        with self.mutex:
            if self.unfinished_tasks <= 0:
                raise ValueError('task_done() called too many times')
            self.unfinished_tasks -= 1
            if self.unfinished_tasks == 0:
                self.all_tasks_done.notify_all()

    def join(self):
        with self.mutex:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.mutex:
            if self.maxsize > 0:
                _wait(self.not_full, lambda: self._qsize() < self.maxsize, block, timeout, Full)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.mutex:
            _wait(self.not_empty, self._qsize, block, timeout, Empty)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # Storage (overridden by subclasses); called with the mutex held.
    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    def __class_getitem__(cls, item):
        return cls


class _ListQueue(Queue):
    def _init(self, maxsize):
        self.queue = []


class PriorityQueue(_ListQueue):
    """Gets the smallest item first (a heap)."""

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(_ListQueue):
    """Gets the most recently added item first (a stack)."""

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking."""

    def __init__(self):
        self._items = deque()
        self._cond = threading.Condition(threading.Lock())

    def put(self, item, block=True, timeout=None):
        with self._cond:
            self._items.append(item)
            self._cond.notify()

    def put_nowait(self, item):
        self.put(item, block=False)

    def get(self, block=True, timeout=None):
        with self._cond:
            _wait(self._cond, lambda: len(self._items) > 0, block, timeout, Empty)
            return self._items.popleft()

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._items) == 0

    def qsize(self):
        return len(self._items)

    def __class_getitem__(cls, item):
        return cls
