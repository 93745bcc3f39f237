# Threads that collide first on a global variable, then on one dict entry, for check_report.py:
# the report must name what they collided on ("global total", "dict item").
import threading
import stm

total = 0
hits = {"n": 0}


def bump_global():
    global total
    for i in range(30):
        with stm.atomic:
            total += 1
            x = 0
            for k in range(30000):   # a long block, so the threads overlap (see conflicts.py)
                x += k


def bump_item():
    for i in range(30):
        with stm.atomic:
            hits["n"] += 1
            x = 0
            for k in range(30000):
                x += k


for target in (bump_global, bump_item):
    threads = [threading.Thread(target=target) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print(total, hits["n"])
