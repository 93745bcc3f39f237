# Thousands of short threads, two at a time, each allocating small objects of several sizes:
# every thread's allocation lists must go away when it ends (peak RSS is checked by the test),
# and the work of all of them must add up.
import threading


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def work(seed, out, slot):
    total = 0
    for i in range(300):
        p = Point(i, seed)
        t = (p.x, p.y, i)
        d = {"a": t, "b": [i, seed]}
        s = str(i) + ":" + str(seed)
        total += p.x + len(t) + len(d["b"]) + len(s)
    out[slot] = total


def expected(seed):
    total = 0
    for i in range(300):
        total += i + 3 + 2 + len(str(i) + ":" + str(seed))
    return total


rounds = 1500
grand = 0
want = 0
for r in range(rounds):
    out = [0, 0]
    threads = [threading.Thread(target=work, args=(r * 2 + k, out, k)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    grand += out[0] + out[1]
    want += expected(r * 2) + expected(r * 2 + 1)
print("threads:", rounds * 2)
print("totals match:", grand == want)
