# A shared dict of 5000 counters bumped by many small tasks: each task's first update
# copies the whole dict (updates cannot share the committed arrays), which --stm-report
# names by site. Used by check_report.py.
import transaction

counts = {i: 0 for i in range(5000)}

def bump(i):
    counts[i % 5000] += 1

queue = transaction.TransactionQueue()
for i in range(2000):
    queue.add(bump, i)
queue.run(2)
print(sum(counts.values()))
