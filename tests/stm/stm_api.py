# Checks the stm / transaction API: nested atomic blocks, TransactionQueue (tasks adding
# tasks, no lost updates, an exception re-raised by run(), run() again after more add()s)
# and the transaction module's names. Runs under stmjit and, through the fallback in
# lib/stm.py, under CPython and PyPy (tests/stm/run_fallback.py); prints the same lines.
import sys
import time

import stm
import transaction
from stm import atomic, is_atomic, hint_commit_soon, getsegmentlimit, TransactionQueue

NTHREADS = 4
if len(sys.argv) > 1:
    NTHREADS = int(sys.argv[1])


def check(cond, what):
    if not cond:
        raise AssertionError("stm_api: " + what)
    print("ok:", what)


# --- atomic ---
check(not is_atomic(), "is_atomic() false outside atomic")
with atomic:
    check(is_atomic(), "is_atomic() true inside atomic")
    with atomic:
        check(is_atomic(), "is_atomic() true in a nested atomic")
        hint_commit_soon()
    check(is_atomic(), "still atomic after the inner block")
check(not is_atomic(), "not atomic after the outer block")
try:
    with atomic:
        raise KeyError("inside")
except KeyError:
    pass
check(not is_atomic(), "an exception leaves the atomic block")
n = getsegmentlimit()
check(isinstance(n, int) and n >= 1, "getsegmentlimit() is a positive int")


# --- tasks adding tasks: a binary tree of tasks, each a read-modify-write of one counter ---
class Counter:
    def __init__(self):
        self.value = 0
        self.seen = []


def grow(q, counter, depth, label):
    check_atomic = is_atomic()
    v = counter.value
    time.sleep(0)               # lets another thread run between the read and the write
    counter.value = v + 1
    counter.seen.append(label)
    if not check_atomic:
        counter.seen.append("NOT ATOMIC")
    if depth > 0:
        q.add(grow, q, counter, depth - 1, label * 2)
        q.add(grow, q, counter, depth - 1, label * 2 + 1)


q = TransactionQueue()
counter = Counter()
q.add(grow, q, counter, 7, 1)
q.run(NTHREADS)
check(counter.value == 255, "255 tasks from one: no lost update (%d)" % counter.value)
check(sorted(counter.seen) == list(range(1, 256)), "every task ran once, inside atomic")
check(q.number_of_transactions_in_last_run() == 255, "number_of_transactions_in_last_run")
check(len(q) == 0, "queue empty after run")


# --- keyword arguments, run() again after more add()s ---
results = []


def put(x, scale=1):
    results.append(x * scale)


for i in range(10):
    q.add(put, i, scale=10)
q.run(NTHREADS)
for i in range(5):
    q.add(put, i)
q.run(NTHREADS)
check(sorted(results) == sorted([i * 10 for i in range(10)] + list(range(5))),
      "kwargs, and a second run after more add()s")


# --- an exception stops the run and is re-raised by run() ---
class Boom(Exception):
    pass


def fail(i):
    if i == 13:
        raise Boom("task %d failed" % i)


for i in range(40):
    q.add(fail, i)
try:
    q.run(NTHREADS)
    check(False, "run() re-raises")
except Boom as e:
    check(str(e) == "task 13 failed", "run() re-raises the task's exception")
check(len(q) == 0, "queued tasks dropped after a failure")
results = []
q.add(put, 7)
q.run(NTHREADS)
check(results == [7], "the queue works again after a failure")

# run() inside an atomic block is refused
try:
    with atomic:
        q.run(NTHREADS)
    check(False, "run() inside atomic refused")
except stm.TransactionError:
    check(True, "run() inside atomic refused")

# a task's own exception inside nested atomic blocks
def nested():
    with atomic:
        with atomic:
            raise ValueError("deep")


q.add(nested)
try:
    q.run(NTHREADS)
except ValueError as e:
    check(str(e) == "deep" and not is_atomic(), "exception from nested atomic in a task")


# --- the transaction module ---
total = []
transaction.set_num_threads(NTHREADS)
for i in range(20):
    transaction.add(total.append, i)
transaction.run()
check(sorted(total) == list(range(20)), "transaction.add/run")
check(transaction.number_of_transactions_in_last_run() == 20,
      "transaction.number_of_transactions_in_last_run")
check(transaction.atomic is atomic and transaction.TransactionQueue is TransactionQueue,
      "transaction re-exports stm")
with transaction.signals_enabled:
    pass
check(transaction.stmdict is dict and transaction.stmset is set, "stmdict/stmset")
print("stm_api: all ok")
