# Threads: target with args/kwargs, a run() override, join, names, daemon flags, the registry
# (current_thread, main_thread, active_count, enumerate), idents and reprs.
import threading

results = []


def work(a, b, scale=1):
    results.append((a + b) * scale)


t1 = threading.Thread(target=work, args=(1, 2))
t2 = threading.Thread(target=work, args=(3, 4), kwargs={"scale": 10}, name="adder")
print(t1.name, "|", t2.name)
print(repr(t1), t1.is_alive(), t1.ident, t1.daemon)
t1.start()
t2.start()
t1.join(10)
t2.join(10)
print(sorted(results), t1.is_alive(), t2.is_alive())
print(type(t1.ident).__name__, type(t1.native_id).__name__)
print(repr(t1).startswith("<Thread(Thread-1 (work), stopped "))


class Squarer(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.value = None

    def run(self):
        self.value = self.n * self.n
        self.me = threading.current_thread()


sq = [Squarer(i) for i in range(5)]
for s in sq:
    s.start()
for s in sq:
    s.join(10)
print([s.value for s in sq], [s.name for s in sq])
print(all(s.me is s for s in sq))

# The registry.
main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon, main.is_alive())
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(threading.get_ident() == main.ident, threading.get_native_id() == main.native_id)

gate = threading.Event()
seen = []


def waiter():
    seen.append(threading.current_thread().name)
    gate.wait(10)


ws = [threading.Thread(target=waiter, name="w%d" % i) for i in range(3)]
for w in ws:
    w.start()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
gate.set()
for w in ws:
    w.join(10)
print(threading.active_count(), sorted(seen))

# Daemon flags: inherited from the creating thread, settable until start.
d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon, repr(d).endswith("initial daemon)>"))
d.daemon = False
d.start()
d.join(10)
try:
    d.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
inherit = []


def spawner():
    inherit.append(threading.Thread(target=lambda: None).daemon)


s = threading.Thread(target=spawner, daemon=True)
s.start()
s.join(10)
print(inherit)

# Errors.
t = threading.Thread(target=lambda: None)
for op in (t.join, threading.current_thread().join):
    try:
        op()
    except RuntimeError as e:
        print("RuntimeError:", e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
t.join(10)
t.name = "renamed"
print(t.name, t.is_alive())
print(threading.Thread(target=len).name, threading.Thread().name)
print(threading.TIMEOUT_MAX > 1e6, threading.ThreadError is RuntimeError)
