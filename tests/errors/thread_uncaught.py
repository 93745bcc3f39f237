# An exception that escapes a thread is reported on stderr ("Exception in thread NAME:" and a
# traceback, as CPython 3.11), the program goes on, and the exit status stays 0.
import threading


def fails(x):
    return x["missing"]


t = threading.Thread(target=fails, args=({},))
t.start()
t.join(10)
print("still running")


class Broken(threading.Thread):
    def run(self):
        raise ValueError("from run()")


b = Broken(name="broken-one")
b.start()
b.join(10)
t = threading.Thread(target=lambda: 1 / 0)
t.start()
t.join(10)


def exits():
    raise SystemExit(3)   # ends the thread silently


t = threading.Thread(target=exits)
t.start()
t.join(10)
print("done", t.is_alive())
