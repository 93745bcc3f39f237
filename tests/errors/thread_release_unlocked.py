# Releasing a lock nobody holds is a RuntimeError.
import threading

lock = threading.Lock()
lock.acquire()
lock.release()
print("released once")
lock.release()
