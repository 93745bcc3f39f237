# Helper for threading_import.py: a module whose body takes a while (a loop, so the importing
# thread reaches safe points) and counts how often it ran.
import builtins

builtins.thread_import_runs = getattr(builtins, "thread_import_runs", 0) + 1
total = 0
for i in range(200000):
    total += i
