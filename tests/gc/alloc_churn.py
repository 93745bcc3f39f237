# GC stress: allocates more than 10 GiB in total (strings, lists, tuples, dicts and class
# instances), keeping only a ring of the last 32 rounds' objects alive (about 20 MB).
# ctest runs it with a peak-RSS limit of 200 MB: a working collector keeps the process small
# however much it allocates in total.
# Sizes are counted from the payloads (8 bytes per list/tuple slot, 1 byte per character),
# which under-estimates real allocation, so the true total is larger still.
TARGET = 10 * 1024 * 1024 * 1024
RING = 32


class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt
        self.tag = "n"


ring = [None] * RING
allocated = 0
rounds = 0
check = 0
while allocated < TARGET:
    text = "x" * 200000 + str(rounds)            # a large string (~200 KB)
    numbers = [rounds] * 25000                    # a large list (~200 KB of slots)
    frozen = (rounds, text) * 12500               # a large tuple (~200 KB of slots)
    chain = None                                  # a linked chain of small instances
    for i in range(20):
        chain = Node(i, chain)
    table = {i: str(i + rounds) for i in range(10)}   # a small dict of small strings
    allocated += len(text) + 8 * len(numbers) + 8 * len(frozen) + 20 * 64 + 10 * 48
    check = (check + len(text) + numbers[-1] + len(frozen) + chain.value + len(table[9])) % 1000003
    ring[rounds % RING] = [text, numbers, frozen, chain, table]
    rounds += 1

print("allocated at least", allocated // (1024 * 1024 * 1024), "GiB in", rounds, "rounds; check", check)
