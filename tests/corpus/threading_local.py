# threading.local: per-thread attributes, subclasses whose __init__ runs in each thread.
import threading

data = threading.local()
data.x = "main"
seen = {}


def worker(n):
    seen[n] = hasattr(data, "x")
    data.x = n
    data.y = n * 2
    seen[n] = (seen[n], data.x, data.y)


ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join(10)
print(sorted(seen.items()))
print(data.x, hasattr(data, "y"))
try:
    data.missing
except AttributeError as e:
    print("AttributeError:", e)
del data.x
print(hasattr(data, "x"))
print(type(data).__name__, repr(data).startswith("<_thread._local object at 0x"))


class Counter(threading.local):
    created = 0

    def __init__(self, start):
        self.value = start
        Counter.created += 1

    def bump(self):
        self.value += 1
        return self.value


c = Counter(10)
out = []


def use_counter():
    out.append((c.bump(), c.bump()))


ts = [threading.Thread(target=use_counter) for _ in range(3)]
for t in ts:
    t.start()
    t.join(10)
print(out, c.value, Counter.created)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
