# Several threads print many long lines at once (run by check_print_storm.py, which checks
# that every line arrives whole and none is lost). Arguments: THREADS LINES.
import sys
import threading

threads, lines = int(sys.argv[1]), int(sys.argv[2])


def printer(k):
    pad = "x" * (40 + k)
    for i in range(lines):
        print("T%d line %d %s end" % (k, i, pad))
        if i % 7 == 0:
            print("T%d" % k, "multi", i, "args", pad, sep="|", end=" end\n")


def computer():
    total = 0
    for i in range(300000):
        total += i % 7
    print("computer total", total)


ts = [threading.Thread(target=printer, args=(k,)) for k in range(threads)]
ts += [threading.Thread(target=computer) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join(60)
print("all joined", sum(t.is_alive() for t in ts))
