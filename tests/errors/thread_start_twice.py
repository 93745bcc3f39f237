# A thread can only be started once.
import threading

t = threading.Thread(target=print, args=("ran",))
t.start()
t.join(10)
t.start()
