# Two threads importing the same module at once get one module object; its body runs once
# (the second importer waits for the first one to finish it).
import threading

modules = []
mlock = threading.Lock()
start = threading.Barrier(4)


def importer():
    start.wait(10)
    import mod_thread_import
    with mlock:
        modules.append((mod_thread_import, mod_thread_import.total))


ts = [threading.Thread(target=importer) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join(30)
import builtins
import mod_thread_import
print(len(modules), all(m is mod_thread_import for m, _ in modules), set(t for _, t in modules))
print("body ran", builtins.thread_import_runs, "time(s)")
