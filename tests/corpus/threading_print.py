# One thread prints many lines while others compute: every line arrives, in order, whole.
import threading


def talker(n):
    for i in range(n):
        print("line", i, "of", n, "-" * (i % 50))


def cruncher(results, k):
    total = 0
    for i in range(100000):
        total = (total + i * k) % 1000003
    results.append(total)


results = []
ts = [threading.Thread(target=talker, args=(2000,))]
ts += [threading.Thread(target=cruncher, args=(results, k)) for k in range(1, 4)]
for t in ts:
    t.start()
for t in ts:
    t.join(60)
print("crunched:", sorted(results))
