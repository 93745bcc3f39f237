# Lock and RLock: acquire/release, timeouts, context managers, a lock released by another
# thread, and counters incremented under a lock by 4 threads (the total is exact).
import threading
import _thread

lock = threading.Lock()
print(type(lock).__name__, lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(True, 0.01), lock.acquire(timeout=0))
lock.release()
print(lock.locked(), repr(lock).startswith("<unlocked _thread.lock object at 0x"))
with lock:
    print("inside", lock.locked(), repr(lock).startswith("<locked _thread.lock"))
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
for args, kwargs in [((False, 1), {}), ((), {"timeout": -5}), ((1, 2, 3), {}), ((), {"bogus": 1})]:
    try:
        lock.acquire(*args, **kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    _thread.LockType()
except TypeError as e:
    print("TypeError:", e)

# A lock released by another thread (a plain lock has no owner).
handoff = threading.Lock()
handoff.acquire()


def releaser():
    handoff.release()


t = threading.Thread(target=releaser)
t.start()
print("reacquired:", handoff.acquire(True, 10))
t.join(10)
handoff.release()

# RLock: re-entrant, owned.
r = threading.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
print(repr(r).startswith("<locked _thread.RLock object owner="), "count=2" in repr(r))
r.release()
r.release()
print(r._is_owned(), repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0"))
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
with r:
    with r:
        print("nested with")
r.acquire()
outcome = []


def foreign_release():
    try:
        r.release()
    except RuntimeError as e:
        outcome.append(str(e))
    outcome.append(r.acquire(False))


t = threading.Thread(target=foreign_release)
t.start()
t.join(10)
r.release()
print(outcome)

# Counters: 4 threads, each 25000 increments under the lock.
counter = 0
counter_lock = threading.Lock()


def bump(n):
    global counter
    for _ in range(n):
        with counter_lock:
            counter += 1


threads = [threading.Thread(target=bump, args=(25000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join(60)
print("counter:", counter, [t.is_alive() for t in threads])

# The same with an RLock taken twice per increment, and explicit acquire/release.
tally = {"n": 0}
rl = threading.RLock()


def bump_r(n):
    for _ in range(n):
        rl.acquire()
        with rl:
            tally["n"] += 2
        rl.release()


threads = [threading.Thread(target=bump_r, args=(5000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join(60)
print("tally:", tally["n"])
