# STM stress test: real threads hammering shared state; every check is an invariant (totals,
# counts), never timing, so the output is the same for every thread count and under CPython.
# Usage: stress.py THREADS
import sys
import threading
import stm

nthreads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
failures = []

# 1. Bank: 100 accounts, random transfers in atomic blocks; the total never changes, checked
#    inside a transaction by each thread now and then and at the end.
NACC = 100
accounts = [1000] * NACC
TOTAL = sum(accounts)

def bank(seed):
    x = seed * 7919 + 1
    for i in range(3000):
        x = (x * 1103515245 + 12345) % 2147483648
        a, b = x % NACC, (x // NACC) % NACC
        amount = x % 50
        with stm.atomic:
            if accounts[a] >= amount:
                accounts[a] -= amount
                accounts[b] += amount
        if i % 500 == 0:
            with stm.atomic:
                s = sum(accounts)
            if s != TOTAL:
                failures.append(("bank total inside", s))

# 2. Counters: increments in atomic blocks, on an attribute, a dict entry and a list slot.
class Counter:
    def __init__(self):
        self.count = 0

counter = Counter()
shared_dict = {"hits": 0}
shared_list = [0]

def counters(seed):
    for i in range(4000):
        with stm.atomic:
            counter.count += 1
        with stm.atomic:
            shared_dict["hits"] += 1
            shared_list[0] += 1

# 3. A shared dict and list: writers add distinct keys and items, readers scan them; every
#    reader sees a consistent pair (len(keys) == len(items), both written in one block).
table = {}
items = []

def writer(seed):
    for i in range(1500):
        with stm.atomic:
            table[(seed, i)] = i
            items.append((seed, i))

def reader(seed):
    for i in range(300):
        with stm.atomic:
            n, m = len(table), len(items)
        if n != m:
            failures.append(("dict/list out of step", n, m))

# 4. A shared stack of pairs (x, x + 1) with x even: pushes append a pair, pops take the top
#    pair (sometimes pushing a new one in the same block), readers copy the whole stack. A
#    transaction's appends and pops from the end work on the array the committed list shares
#    with them (runtime/object.h, ListBody::shared_prefix), so a reader or an older version
#    seeing a torn or overwritten pair would show here; what was pushed is what was popped
#    plus what remains.
stack = []
pushed_sum = [0] * 64
popped_sum = [0] * 64

def stack_worker(seed):
    x = seed * 7919 + 3
    for i in range(2000):
        x = (x * 1103515245 + 12345) % 2147483648
        v = (seed * 1000000 + i) * 2
        op = x % 4
        with stm.atomic:
            if op <= 1 or len(stack) < 2:
                stack.append(v)
                stack.append(v + 1)
                pushed_sum[seed] += 2 * v + 1
            else:
                hi = stack.pop()
                lo = stack.pop()
                if lo % 2 != 0 or hi != lo + 1:
                    failures.append(("stack pair torn", lo, hi))
                popped_sum[seed] += lo + hi
                if op == 3:
                    stack.append(v)
                    stack.append(v + 1)
                    pushed_sum[seed] += 2 * v + 1
        if i % 100 == 0:
            with stm.atomic:
                snap = stack[:]
            if len(snap) % 2 != 0:
                failures.append(("stack odd length", len(snap)))
            for k in range(0, len(snap) - 1, 2):
                if snap[k] % 2 != 0 or snap[k + 1] != snap[k] + 1:
                    failures.append(("stack snapshot torn", k, snap[k], snap[k + 1]))
                    break

# 5. A shared dict: inserting a new key works on the arrays the committed dict shares with
#    it (runtime/object.h, DictBody::shared); updates and deletions copy them first. Workers
#    mostly insert, sometimes update or delete one of their own keys; readers check every
#    entry against its key. What was inserted is what was deleted plus what remains. Then a
#    TransactionQueue whose tasks each store one result in one dict.
shared = {}
inserted_sum = [0] * 64
deleted_sum = [0] * 64

def dict_worker(seed):
    x = seed * 7919 + 5
    mine = []
    for i in range(2000):
        x = (x * 1103515245 + 12345) % 2147483648
        k = seed * 1000000 + i
        op = x % 8
        with stm.atomic:
            if op == 0 and mine:
                victim = mine.pop()
                del shared[victim]
                deleted_sum[seed] += victim
            elif op == 1 and mine:
                shared[mine[-1]] = (mine[-1], -i)
            else:
                shared[k] = (k, i)
                mine.append(k)
                inserted_sum[seed] += k
        if i % 100 == 0:
            with stm.atomic:
                snap = list(shared.items())
            for key, value in snap:
                if value[0] != key:
                    failures.append(("dict entry torn", key, value))
                    break

results = {}

def store_result(i):
    results[i] = i * i

# 6. A breadth-first walk over the numbers below 6000 (edges n -> 2n, 3n, n + 7) on a
#    TransactionQueue: each task marks its node in one shared `seen` set and adds tasks for
#    the unseen neighbours. Adding a key shares the committed set's table (runtime/set.cpp);
#    every node reachable from 1 is visited exactly once.
LIMIT = 6000
seen = set()
visits = [0] * LIMIT

def visit(n):
    visits[n] += 1
    for m in (2 * n, 3 * n, n + 7):
        if m < LIMIT and m not in seen:
            seen.add(m)
            bfs.add(visit, m)

def run_all(target, n):
    threads = [threading.Thread(target=target, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
        if t.is_alive():
            print("FAIL: a thread did not finish within 120 s")
            sys.exit(1)

run_all(bank, nthreads)
print("bank total", sum(accounts) == TOTAL, sum(accounts))
run_all(counters, nthreads)
print("counters", counter.count == 4000 * nthreads, shared_dict["hits"] == 4000 * nthreads,
      shared_list[0] == 4000 * nthreads)
writers = [threading.Thread(target=writer, args=(k,)) for k in range(nthreads)]
readers = [threading.Thread(target=reader, args=(k,)) for k in range(nthreads)]
for t in writers + readers:
    t.start()
for t in writers + readers:
    t.join(120)
print("dict/list", len(table) == 1500 * nthreads, len(items) == 1500 * nthreads,
      sorted(items) == sorted(table))
run_all(stack_worker, nthreads)
print("stack", sum(pushed_sum) == sum(popped_sum) + sum(stack), len(stack) % 2 == 0)
run_all(dict_worker, nthreads)
print("dict", sum(shared) == sum(inserted_sum) - sum(deleted_sum),
      all(v[0] == k for k, v in shared.items()))
queue = stm.TransactionQueue()
for i in range(5000):
    queue.add(store_result, i)
queue.run(nthreads)
print("results dict", len(results) == 5000, sum(results.values()) == sum(i * i for i in range(5000)))
bfs = stm.TransactionQueue()
seen.add(1)
bfs.add(visit, 1)
bfs.run(nthreads)
reachable = {1}
frontier = [1]
while frontier:
    n = frontier.pop()
    for m in (2 * n, 3 * n, n + 7):
        if m < LIMIT and m not in reachable:
            reachable.add(m)
            frontier.append(m)
print("set walk", seen == reachable, all(visits[n] == (1 if n in reachable else 0) for n in range(LIMIT)))
print("failures", failures)
