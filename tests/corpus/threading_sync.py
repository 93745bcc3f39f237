# Condition (wait with timeout, wait_for, notify(n), notify_all), Event, Semaphore,
# BoundedSemaphore, Barrier (action, abort, reset, timeout) and Timer.
import threading

# Condition: a consumer waits for items a producer adds.
cond = threading.Condition()
items = []
got = []


def consumer(n):
    for _ in range(n):
        with cond:
            cond.wait_for(lambda: items, 10)
            got.append(items.pop(0))


c = threading.Thread(target=consumer, args=(50,))
c.start()
for i in range(50):
    with cond:
        items.append(i)
        cond.notify()
c.join(10)
print(got == list(range(50)), c.is_alive())

# notify(n) wakes n waiters, notify_all the rest.
cv = threading.Condition(threading.Lock())
state = {"go": 0, "woke": 0, "ready": 0}


def sleeper():
    with cv:
        state["ready"] += 1
        cv.notify_all()
        while state["go"] == 0:
            cv.wait(10)
        state["go"] -= 1
        state["woke"] += 1
        cv.notify_all()   # tell the main thread (the other sleepers go back to waiting)


sleepers = [threading.Thread(target=sleeper) for _ in range(5)]
for s in sleepers:
    s.start()
with cv:
    cv.wait_for(lambda: state["ready"] == 5, 10)
    state["go"] = 2
    cv.notify(2)
with cv:
    cv.wait_for(lambda: state["woke"] == 2, 10)
    print("after notify(2):", state["woke"])
    state["go"] = 3
    cv.notify_all()
for s in sleepers:
    s.join(10)
print("after notify_all:", state["woke"])
with cv:
    print(cv.wait(0.01), cv.wait_for(lambda: False, 0.01))
for op in (cv.wait, cv.notify):
    try:
        op()
    except RuntimeError as e:
        print("RuntimeError:", e)
print(repr(threading.Condition(threading.Lock())).startswith("<Condition(<unlocked _thread.lock object"))

# Event.
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01), ev.wait(-1))
flags = []


def setter():
    flags.append(ev.wait(10))


ts = [threading.Thread(target=setter) for _ in range(3)]
for t in ts:
    t.start()
ev.set()
for t in ts:
    t.join(10)
print(flags, ev.is_set(), ev.wait())
ev.clear()
print(ev.is_set(), repr(ev).endswith(": unset>"))

# Semaphore: at most 2 workers inside at once.
sem = threading.Semaphore(2)
inside = {"now": 0, "max": 0, "done": 0}
guard = threading.Lock()


def limited():
    for _ in range(20):
        with sem:
            with guard:
                inside["now"] += 1
                inside["max"] = max(inside["max"], inside["now"])
            x = 0
            for i in range(200):
                x += i
            with guard:
                inside["now"] -= 1
                inside["done"] += 1


ts = [threading.Thread(target=limited) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join(30)
print("semaphore:", inside["done"], inside["max"] <= 2, inside["now"])
s0 = threading.Semaphore(0)
print(s0.acquire(False), s0.acquire(timeout=0.01))
s0.release(3)
print(s0.acquire(), s0.acquire(), s0.acquire(), s0.acquire(blocking=False))
for bad in (lambda: threading.Semaphore(-1), lambda: s0.acquire(False, 1), lambda: s0.release(0)):
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
print(repr(b).endswith(": value=2/2>"), repr(s0).endswith(": value=0>"))

# Barrier: every party gets a distinct index; the action runs once per round.
rounds = []
barrier = threading.Barrier(3, action=lambda: rounds.append("round"))
indexes = []
ilock = threading.Lock()


def party():
    for _ in range(4):
        i = barrier.wait(10)
        with ilock:
            indexes.append(i)


ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join(30)
print(sorted(indexes), len(rounds), barrier.parties, barrier.n_waiting, barrier.broken)
lone = threading.Barrier(2)
try:
    lone.wait(0.01)
except threading.BrokenBarrierError:
    print("broken by timeout:", lone.broken)
lone.reset()
print("after reset:", lone.broken, lone.n_waiting)
errs = []


def aborted():
    try:
        lone.wait(10)
    except threading.BrokenBarrierError:
        errs.append("broken")


t = threading.Thread(target=aborted)
t.start()
while lone.n_waiting == 0:
    pass
lone.abort()
t.join(10)
print(errs, lone.broken, issubclass(threading.BrokenBarrierError, RuntimeError))

# Timer: one fires, one is cancelled.
fired = []
t1 = threading.Timer(0.01, fired.append, args=["fired"])
t2 = threading.Timer(10, fired.append, args=["cancelled"])
t1.start()
t2.start()
t2.cancel()
t1.join(10)
t2.join(10)
print(fired, t1.is_alive(), t2.is_alive())
