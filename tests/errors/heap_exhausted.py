# The heap runs out (the test caps it with GC_MAXIMUM_HEAP_SIZE): filling it with one kind of
# small object (argv[1]) raises MemoryError, which the program catches, and once it drops the
# objects allocation works again. With argv[2] == "thread" the filling runs in another thread.
#
# One kind per run: the collector is conservative, so a stale word on a stack or in a register
# may keep one of the filled lists alive, and a second round in the same process may find the
# heap still full.
import sys
import threading


class Node:
    def __init__(self, value):
        self.value = value


KINDS = {"instances": Node, "tuples": lambda i: (i, 1, 2), "lists": lambda i: [i],
         "dicts": lambda i: {"value": i}, "strings": lambda i: "x" * 40 + str(i)}


def exhaust(make):
    objects = []
    count = 0
    try:
        while True:
            objects.append(make(count))
            count += 1
    except MemoryError:
        objects = None
    return "many" if count > 10000 else str(count)


kind = sys.argv[1]
if "thread" in sys.argv[2:]:
    results = []
    t = threading.Thread(target=lambda: results.append(exhaust(KINDS[kind])))
    t.start()
    t.join()
    print(kind, "in a thread: MemoryError after", results[0], "objects")
else:
    print(kind + ": MemoryError after", exhaust(KINDS[kind]), "objects")

# Allocation works again.
print(sum(len([i, i]) for i in range(100000)))
