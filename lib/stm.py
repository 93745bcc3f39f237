"""stm: atomic blocks and a transaction queue, on stmjit and (as a fallback) on any Python.

    from stm import atomic, is_atomic, hint_commit_soon, getsegmentlimit, TransactionQueue

    with atomic:            # the block runs as one transaction: no other thread sees it
        ...                 # half done; re-entrant (nested `with atomic:` is one block)

    q = TransactionQueue()
    for item in work:
        q.add(process, item)        # f(*args, **kwargs) later, as one transaction
    q.run()                         # runs every task (and the tasks they add) on
                                    # getsegmentlimit() threads; returns when all are done

On stmjit the four primitives come from the native module `_stm`: `atomic` is a
re-entrant context-manager object, `is_atomic()` says whether the calling thread is inside
one, `hint_commit_soon()` asks for the current transaction to end at the next safe point
and `getsegmentlimit()` is the number of cores transactions can run on.

Elsewhere (CPython, PyPy, or stmjit without `_stm`) they fall back to plain Python: `atomic`
holds one global re-entrant lock, so atomic blocks of different threads never overlap
(code outside atomic blocks still runs concurrently with them); `is_atomic()` is true while
the calling thread holds it; `hint_commit_soon()` does nothing; `getsegmentlimit()` is
os.cpu_count(). If there is no threading module at all, atomic blocks still nest and
TransactionQueue.run() runs everything in the calling thread (asking for more than one
thread is then an error).

TransactionQueue is pure Python on top of either. Every task runs inside `with atomic:`,
so the result is as if the tasks had run one after another in some order (not
necessarily the order of add()). A task may add() tasks; they belong to the same run().
If a task raises, the run stops: the tasks still queued are dropped, the workers finish
the task they are in and run() re-raises the first exception in its caller. run() may be
called again after more add()s.

The queue is laid out so that STM sees few conflicts: every worker thread has its own
list of tasks (tasks it adds go there; an idle worker takes from the others' lists), its
own counters and its own `busy` flag, so tasks that share no data share no writes.
"""
import os

try:
    from _stm import atomic, is_atomic, hint_commit_soon, getsegmentlimit
    NATIVE = True
except ImportError:
    NATIVE = False

try:
    import threading as _threading
except ImportError:
    _threading = None

import time as _time

__all__ = ["atomic", "is_atomic", "hint_commit_soon", "getsegmentlimit", "TransactionQueue",
           "TransactionError", "NATIVE"]


class TransactionError(Exception):
    """A TransactionQueue used the wrong way (for example run() inside an atomic block)."""


if _threading is not None and hasattr(_threading, "get_ident"):
    _get_ident = _threading.get_ident
elif _threading is not None:
    from _thread import get_ident as _get_ident
else:
    def _get_ident():
        return 0


if not NATIVE:
    class _GlobalAtomic:
        """`with atomic:` in the fallback: one global re-entrant lock for all threads."""

        def __init__(self):
            self._lock = _threading.RLock() if _threading is not None else None
            self._owner = None      # thread ident of the holder, None when free
            self._depth = 0         # nesting depth of the holder

        def __enter__(self):
            if self._lock is not None:
                self._lock.acquire()
            self._owner = _get_ident()
            self._depth += 1
            return self

        def __exit__(self, exc_type, exc, tb):
            if self._depth <= 0 or self._owner != _get_ident():
                raise RuntimeError("atomic: more exits than enters")
            self._depth -= 1
            if self._depth == 0:
                self._owner = None
            if self._lock is not None:
                self._lock.release()
            return False

        def __repr__(self):
            return "<stm.atomic (fallback: one global lock)>"

    atomic = _GlobalAtomic()

    def is_atomic():
        """True while the calling thread is inside `with atomic:`."""
        return atomic._depth > 0 and atomic._owner == _get_ident()

    def hint_commit_soon():
        """Nothing to commit without STM."""
        return None

    def getsegmentlimit():
        """The number of threads worth running: the number of CPUs."""
        n = os.cpu_count()
        if not n or n < 1:
            return 1
        return n


class _Worker:
    """One worker's private state; only its own thread writes it, except when another
    worker takes (steals) a task from `tasks`."""

    def __init__(self, index):
        self.index = index
        self.tasks = []         # (f, args, kwargs); the owner pops from the end
        self.busy = False       # between taking a task and finishing it
        self.done = 0           # tasks finished in this run


class TransactionQueue:
    """Tasks run as transactions on a pool of threads; see the module docstring."""

    def __init__(self):
        self._pending = []          # tasks added outside a run (or by foreign threads)
        self._workers = None        # list of _Worker while running
        self._by_thread = {}        # thread ident -> _Worker while running
        self._failure = None        # [exception] once a task has raised
        self._last_count = 0

    def add(self, f, *args, **kwargs):
        """Queues the call f(*args, **kwargs). Inside a running task of this queue the
        new task joins the current run; otherwise it waits for the next run()."""
        task = (f, args, kwargs)
        if self._workers is not None:
            w = self._by_thread.get(_get_ident())
            if w is not None:
                w.tasks.append(task)
                return
        self._pending.append(task)

    def __len__(self):
        """Number of tasks waiting (outside a run: the tasks the next run() starts with)."""
        n = len(self._pending)
        if self._workers is not None:
            for w in self._workers:
                n += len(w.tasks)
        return n

    def number_of_transactions_in_last_run(self):
        return self._last_count

    def run(self, nthreads=None):
        """Runs every queued task, and every task they add, on `nthreads` threads
        (default getsegmentlimit()); returns when none is left. Re-raises the first
        exception a task raised."""
        if self._workers is not None:
            raise TransactionError("TransactionQueue.run() is already running")
        if is_atomic():
            raise TransactionError("TransactionQueue.run() called inside an atomic block")
        if nthreads is None:
            nthreads = getsegmentlimit() if _threading is not None else 1
        nthreads = int(nthreads)
        if nthreads < 1:
            raise ValueError("nthreads must be at least 1, got %d" % nthreads)
        if nthreads > 1 and _threading is None:
            raise ImportError("stm: TransactionQueue.run(nthreads=%d) needs the threading "
                              "module" % nthreads)
        workers = [_Worker(i) for i in range(nthreads)]
        # Deal the initial tasks round-robin so that neighbouring (often similar) tasks
        # start on different threads.
        pending = self._pending
        self._pending = []
        for i in range(len(pending)):
            workers[i % nthreads].tasks.append(pending[i])
        self._failure = None
        self._by_thread = {_get_ident(): workers[0]}
        self._workers = workers
        threads = []
        try:
            for w in workers[1:]:
                t = _threading.Thread(target=self._thread_main, args=(w,),
                                      name="TransactionQueue-%d" % w.index)
                t.start()
                threads.append(t)
            self._work(workers[0])     # the calling thread is worker 0
        finally:
            for t in threads:
                t.join()
            self._workers = None
            self._by_thread = {}
        count = 0
        for w in workers:
            count += w.done
        self._last_count = count
        failure = self._failure
        self._failure = None
        if failure is not None:
            self._pending = []
            raise failure[0]

    # --- the worker loop ---

    def _take(self, me):
        """Inside atomic: the next task for worker `me`, or None if no list has one."""
        if me.tasks:
            return me.tasks.pop()
        workers = self._workers
        n = len(workers)
        for k in range(1, n):
            other = workers[(me.index + k) % n]
            if other.tasks:
                return other.tasks.pop(0)
        if self._pending:
            return self._pending.pop(0)
        return None

    def _others_busy(self, me):
        for w in self._workers:
            if w is not me and w.busy:
                return True
        return False

    def _thread_main(self, me):
        """Body of worker threads 1..n-1: an error of the queue itself (not of a task)
        must reach run()'s caller too, not die with the thread."""
        try:
            with atomic:
                self._by_thread[_get_ident()] = me
            self._work(me)
        except BaseException as e:
            with atomic:
                if self._failure is None:
                    self._failure = [e]

    def _work(self, me):
        idle_sleep = 0.0001
        while True:
            # Transaction 1: take a task and say so (`busy`), so that an idle worker that
            # finds every list empty knows whether a running task may still add some.
            with atomic:
                if self._failure is not None:
                    return
                task = self._take(me)
                if task is not None:
                    me.busy = True
                elif not self._others_busy(me):
                    return      # nothing queued, nothing running: no task can appear
            if task is None:
                _time.sleep(idle_sleep)
                if idle_sleep < 0.005:
                    idle_sleep *= 2
                continue
            idle_sleep = 0.0001
            # Transaction 2: the task itself, its add()s and the end of `busy`.
            f, args, kwargs = task
            with atomic:
                try:
                    f(*args, **kwargs)
                except BaseException as e:
                    if self._failure is None:
                        self._failure = [e]
                me.busy = False
                me.done += 1
