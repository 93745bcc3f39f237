# Producers and consumers through a bounded queue.Queue with task_done/join: every item is
# consumed exactly once (totals and sorted results, never timing).
import queue
import threading

q = queue.Queue(maxsize=8)
consumed = []
clock = threading.Lock()
STOP = object()


def producer(base, n):
    for i in range(n):
        q.put(base + i)


def consumer():
    while True:
        item = q.get(timeout=30)
        try:
            if item is STOP:
                return
            with clock:
                consumed.append(item * item)
        finally:
            q.task_done()


producers = [threading.Thread(target=producer, args=(k * 1000, 200)) for k in range(3)]
consumers = [threading.Thread(target=consumer, name="consumer-%d" % k) for k in range(4)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join(60)
q.join()   # every item produced so far has been processed
print("after join:", len(consumed), q.unfinished_tasks, q.empty())
for _ in consumers:
    q.put(STOP)
for t in consumers:
    t.join(60)
expected = sorted((k * 1000 + i) ** 2 for k in range(3) for i in range(200))
print(sorted(consumed) == expected, sum(consumed), [t.is_alive() for t in consumers])

# A pipeline of two stages with a LifoQueue and a PriorityQueue in between. Every item is in
# stage1 before the doubler starts, so it takes them newest first whatever the timing.
stage1 = queue.LifoQueue()
stage2 = queue.PriorityQueue()
taken = []


def doubler():
    for _ in range(4):
        x = stage1.get(timeout=30)
        taken.append(x)
        stage2.put((x * 2, x))
    stage2.put((10 ** 9, None))


for x in [5, 3, 8, 1]:
    stage1.put(x)
t = threading.Thread(target=doubler)
t.start()
t.join(30)   # then stage2 holds everything, and gives it back in priority order
out = []
while True:
    prio, x = stage2.get(timeout=30)
    if x is None:
        break
    out.append((prio, x))
print(taken, out)

# SimpleQueue between two threads.
sq = queue.SimpleQueue()
results = []


def summer():
    total = 0
    while True:
        v = sq.get(timeout=30)
        if v is None:
            break
        total += v
    results.append(total)


t = threading.Thread(target=summer)
t.start()
for i in range(1000):
    sq.put(i)
sq.put(None)
t.join(30)
print(results)
