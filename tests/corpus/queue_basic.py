# queue: FIFO, LIFO, priority and simple queues; maxsize, nowait variants, timeouts, Empty
# and Full, task_done/join bookkeeping and its errors.
import queue

q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), [q.get() for _ in range(5)], q.empty())
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [3, 1, 4, 1, 5, 9, 2, 6]:
    lq.put(x)
    pq.put(x)
print([lq.get() for _ in range(8)])
print([pq.get() for _ in range(8)])
pq.put((2, "b"))
pq.put((1, "a"))
pq.put((3, "c"))
print([pq.get_nowait() for _ in range(3)])

bounded = queue.Queue(maxsize=2)
bounded.put("a")
bounded.put_nowait("b")
print(bounded.full(), bounded.qsize(), bounded.maxsize)
for op in (lambda: bounded.put_nowait("c"), lambda: bounded.put("c", block=False),
           lambda: bounded.put("c", timeout=0.01)):
    try:
        op()
    except queue.Full as e:
        print("Full", repr(e))
print(bounded.get(), bounded.get_nowait())
for op in (bounded.get_nowait, lambda: bounded.get(False), lambda: bounded.get(timeout=0.01)):
    try:
        op()
    except queue.Empty as e:
        print("Empty", repr(e))
for op in (lambda: bounded.get(timeout=-1), lambda: bounded.put(1, timeout=-1)):
    try:
        op()
    except ValueError as e:
        print("ValueError", repr(e))
print(bounded.qsize())

# task_done / join
tq = queue.Queue()
tq.put(1)
tq.put(2)
print(tq.unfinished_tasks)
tq.get()
tq.task_done()
tq.get()
tq.task_done()
tq.join()
print("joined", tq.unfinished_tasks)
try:
    tq.task_done()
except ValueError as e:
    print("ValueError", repr(e))

sq = queue.SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.empty())
for op in (sq.get_nowait, lambda: sq.get(timeout=0.01)):
    try:
        op()
    except queue.Empty:
        print("Empty")
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))


class Sorted(queue.Queue):
    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        self.queue.append(item)
        self.queue.sort()

    def _get(self):
        return self.queue.pop(0)


s = Sorted()
for x in "queue":
    s.put(x)
print("".join(s.get() for _ in range(5)))
