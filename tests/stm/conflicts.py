# A program whose threads conflict on purpose (all increment one attribute), for the
# --stm-report / --stm-log / STMJIT_STM_STATS checks in check_report.py.
import threading
import stm


class Task:
    def __init__(self):
        self.count = 0


task = Task()


def work():
    for i in range(40):
        with stm.atomic:
            task.count += 1
            # A long block: even when the machine is busy and the threads do not run at the
            # same time, the OS preempts one inside its block and another one collides.
            x = 0
            for k in range(30000):
                x += k


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(task.count)
