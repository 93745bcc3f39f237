# _thread directly: start_new_thread with args and kwargs, allocate_lock handshakes,
# get_ident, _count, RLock, error, stack_size, and the argument errors.
import _thread

results = []
done = _thread.allocate_lock()
ready = _thread.allocate_lock()
go = _thread.allocate_lock()


def worker(name, times, sep="-"):
    ready.release()          # tell the main thread we are running
    go.acquire()             # wait for its go-ahead
    results.append(sep.join([name] * times))
    results.append(_thread.get_ident() != main_ident)
    done.release()


main_ident = _thread.get_ident()
for lk in (done, ready, go):
    lk.acquire()
ident = _thread.start_new_thread(worker, ("ab", 3), {"sep": "+"})
print(type(ident).__name__)
ready.acquire()
print("worker is running, results so far:", results)
go.release()
done.acquire()
print(results)

# A chain of handshakes: each thread passes a token to the next.
n = 8
locks = [_thread.allocate_lock() for _ in range(n + 1)]
for lk in locks:
    lk.acquire()
order = []


def relay(i):
    locks[i].acquire()
    order.append(i)
    locks[i + 1].release()


for i in reversed(range(n)):
    _thread.start_new_thread(relay, (i,))
locks[0].release()
print(locks[n].acquire(True, 10), order)

# Three threads blocked on one gate, all released at once.
gate = _thread.allocate_lock()
gate.acquire()
finished = _thread.allocate_lock()
finished.acquire()
left = [3]
count_lock = _thread.allocate_lock()


def blocked():
    gate.acquire()
    gate.release()
    with count_lock:
        left[0] -= 1
        if left[0] == 0:
            finished.release()


for _ in range(3):
    _thread.start_new_thread(blocked, ())
gate.release()
print(finished.acquire(True, 10))

r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release()
r.release()
print(_thread.error is RuntimeError, _thread.stack_size(), _thread.TIMEOUT_MAX)
print(_thread.stack_size(1 << 20), _thread.stack_size(0), _thread.stack_size())
for bad in [lambda: _thread.start_new_thread(1, ()), lambda: _thread.start_new_thread(print, [1]),
            lambda: _thread.start_new_thread(print, (), 1), lambda: _thread.start_new_thread(print),
            lambda: _thread.stack_size(100), lambda: _thread.allocate_lock().release()]:
    try:
        bad()
    except (TypeError, ValueError, RuntimeError) as e:
        print(type(e).__name__ + ":", e)
