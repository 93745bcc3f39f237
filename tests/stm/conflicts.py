# A program whose threads conflict on purpose (all increment one attribute), for the
# --stm-report / --stm-log / STMJIT_STM_STATS checks in check_report.py.
import threading
import stm


class Task:
    def __init__(self):
        self.count = 0


task = Task()


def work():
    for i in range(3000):
        with stm.atomic:
            task.count += 1


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(task.count)
