# A thread that never blocks must still let the others run: the main thread spins on a flag
# that only another thread sets (this hangs unless running threads are switched at safe
# points), and two CPU-bound threads both finish. Also sys.getswitchinterval.
import sys
import threading

print(sys.getswitchinterval())
flag = []


def setter():
    total = 0
    for i in range(1000):
        total += i
    flag.append(total)


t = threading.Thread(target=setter)
t.start()
spins = 0
while not flag:
    spins += 1
t.join(10)
print("flag set:", flag)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


# Recursion without loops reaches safe points at calls.
answers = []
stop = []


def recurse():
    answers.append(fib(20))


def spinner():
    while not stop:
        pass


s = threading.Thread(target=spinner)
s.start()
r = threading.Thread(target=recurse)
r.start()
r.join(30)
stop.append(1)
s.join(30)
print(answers, s.is_alive(), r.is_alive())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
sys.setswitchinterval(0.005)
