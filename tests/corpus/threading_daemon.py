# At exit the main thread waits for non-daemon threads (before the atexit callbacks) and
# abandons daemon threads, even ones that are blocked or spinning, without crashing.
import atexit
import threading
import time

atexit.register(lambda: print("atexit callback"))
never = threading.Lock()
never.acquire()


def blocked_forever():
    never.acquire()
    print("never printed")


def spin_forever():
    while True:
        pass


def sleeper():
    while True:
        time.sleep(0.001)


for fn in (blocked_forever, spin_forever, sleeper):
    threading.Thread(target=fn, daemon=True).start()

go = threading.Event()


def late_worker():
    go.wait(30)
    time.sleep(0.02)
    print("non-daemon worker finished after the main module")


threading.Thread(target=late_worker).start()
print("main module done, daemon threads:", sum(t.daemon for t in threading.enumerate()))
go.set()
