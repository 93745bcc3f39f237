# An RLock may only be released by the thread that holds it: another thread's release()
# raises RuntimeError, reported as an uncaught exception in that thread.
import threading

r = threading.RLock()
r.acquire()


def intruder():
    r.release()


t = threading.Thread(target=intruder, name="intruder")
t.start()
t.join(10)
r.release()
print("owner released it")
