"""transaction: the stm module under PyPy-STM's older name.

Everything in `stm` (atomic, is_atomic, hint_commit_soon, getsegmentlimit,
TransactionQueue, TransactionError), plus what PyPy's transaction module offered besides:

    add(f, *args, **kwargs)   queue a task on the module's default TransactionQueue
    run()                     run the default queue (on set_num_threads() threads)
    set_num_threads(n)        thread count for run(); default getsegmentlimit()
    number_of_transactions_in_last_run()
    signals_enabled           a context manager (a no-op here)
    stmdict, stmset, hashtable  = dict, set, dict (containers STM could make conflict-free)
    local                     threading.local, when the threading module has it
    time, clock               time.time, time.perf_counter
"""
from stm import *
from stm import NATIVE

import time as _time

try:
    from threading import local
except ImportError:
    pass

stmdict = dict
stmset = set
hashtable = dict
time = _time.time
clock = _time.perf_counter


class _SignalsEnabled:
    """`with signals_enabled:` (PyPy let signal handlers run inside atomic blocks)."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        return False


signals_enabled = _SignalsEnabled()

_queue = TransactionQueue()
_num_threads = None


def set_num_threads(n):
    """Sets the number of threads the module-level run() uses."""
    global _num_threads
    n = int(n)
    if n < 1:
        raise ValueError("'n' must be at least 1, got %d" % n)
    _num_threads = n


def add(f, *args, **kwargs):
    """Queues f(*args, **kwargs) on the default queue (see stm.TransactionQueue.add)."""
    _queue.add(f, *args, **kwargs)


def run():
    """Runs every task of the default queue, and the tasks they add."""
    _queue.run(_num_threads)


def number_of_transactions_in_last_run():
    return _queue.number_of_transactions_in_last_run()
