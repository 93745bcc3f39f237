# An exception escaping a _thread.start_new_thread function is reported as "Exception
# ignored in thread started by: <function ...>" (the address differs, so only the lines
# below are compared) and the program goes on.
import _thread

done = _thread.allocate_lock()
done.acquire()


def worker():
    try:
        raise KeyError("lost")
    finally:
        done.release()


_thread.start_new_thread(worker, ())
done.acquire()
lock = _thread.allocate_lock()
lock.acquire()
lock.acquire(True, 0.05)
print("main goes on")
