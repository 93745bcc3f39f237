# Richards benchmark: Martin Richards' simulation of a small operating system kernel.
#
# A scheduler runs six tasks in priority order: an idle task, a worker, two handlers and
# two devices. Tasks exchange work and device packets through per-task queues and can
# wait (for a packet), hold (step aside) and release other tasks. One simulation run has
# well-known totals: 23246 packets queued and 9297 holds; the program checks them.
#
# Usage: richards.py [ITERATIONS [THREADS]]   (defaults 10 and 1)
#
# With THREADS > 1 the ITERATIONS are split as evenly as possible over THREADS threads
# (threading.Thread), each running its own schedulers one after another, so the total work
# does not depend on THREADS and wall time at 1 thread / N threads is the speedup. The
# schedulers share no mutable state: every Kernel, Task and Packet belongs to one thread and
# module globals are only read (under STM a shared counter would make every transaction
# conflict). Each thread checks its own runs and keeps its totals in its own slot of a list;
# the main thread adds them up. The output depends only on ITERATIONS. With THREADS = 1 the
# work runs in the main thread without importing threading.
import sys

IDLE = 0
WORKER = 1
HANDLER_A = 2
HANDLER_B = 3
DEVICE_A = 4
DEVICE_B = 5
TASK_COUNT = 6

KIND_DEVICE = 0
KIND_WORK = 1

BUFFER_SIZE = 4

EXPECTED_QUEUED = 23246
EXPECTED_HOLDS = 9297


class Packet:
    """A message travelling between tasks; `link` chains packets into a queue."""

    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Puts this packet at the end of `queue` and returns the queue's head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    """Common scheduling state: the queue of incoming packets and three state bits."""

    def __init__(self, kernel, ident, priority, queue, pending, waiting, holding):
        self.kernel = kernel
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = pending      # a packet is available in `queue`
        self.waiting = waiting      # blocked until a packet arrives
        self.holding = holding      # put aside until released
        self.next = kernel.task_list
        kernel.task_list = self
        kernel.tasks[ident] = self

    def blocked(self):
        return self.holding or (self.waiting and not self.pending)

    def step(self):
        """Takes the next packet if the task was waiting for one, then runs the task body."""
        packet = None
        if self.pending and self.waiting and not self.holding:
            packet = self.queue
            self.queue = packet.link
            self.waiting = False
            self.pending = self.queue is not None
        return self.run(packet)

    def run(self, packet):
        raise NotImplementedError

    # --- kernel calls available to task bodies; each returns the task to run next ---

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.kernel.holds += 1
        self.holding = True
        return self.next

    def release(self, ident):
        other = self.kernel.tasks[ident]
        other.holding = False
        if other.priority > self.priority:
            return other
        return self

    def send(self, packet):
        target = self.kernel.tasks[packet.owner]
        self.kernel.queued += 1
        packet.link = None
        packet.owner = self.ident
        return target.receive(packet, self)

    def receive(self, packet, sender):
        if self.queue is None:
            self.queue = packet
            self.pending = True
            if self.priority > sender.priority:
                return self
        else:
            packet.append_to(self.queue)
        return sender


class IdleTask(Task):
    """Alternately releases the two devices, driven by a pseudo-random shift register."""

    def __init__(self, kernel, ident, priority, count):
        Task.__init__(self, kernel, ident, priority, None, False, False, False)
        self.seed = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.seed & 1 == 0:
            self.seed = self.seed >> 1
            return self.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    """Fills work packets with letters and sends them to the handlers in turn."""

    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue, True, True, False)
        self.target = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.wait()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        packet.owner = self.target
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[i] = ord("A") + self.letter - 1
        return self.send(packet)


class HandlerTask(Task):
    """Copies the characters of work packets, one per device packet, to its device."""

    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue, True, True, False)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is None:
            return self.wait()
        index = work.datum
        if index >= BUFFER_SIZE:
            self.work = work.link
            return self.send(work)
        device = self.devices
        if device is None:
            return self.wait()
        self.devices = device.link
        device.datum = work.data[index]
        work.datum = index + 1
        return self.send(device)


class DeviceTask(Task):
    """Holds one packet at a time and hands it back when released."""

    def __init__(self, kernel, ident, priority):
        Task.__init__(self, kernel, ident, priority, None, False, True, False)
        self.parked = None

    def run(self, packet):
        if packet is None:
            packet = self.parked
            if packet is None:
                return self.wait()
            self.parked = None
            return self.send(packet)
        self.parked = packet
        return self.hold()


class Kernel:
    """Owns the task table and the two counters that the run is checked against."""

    def __init__(self):
        self.tasks = [None] * TASK_COUNT
        self.task_list = None
        self.queued = 0
        self.holds = 0

    def setup(self):
        IdleTask(self, IDLE, 1, 10000)

        work = Packet(None, IDLE, KIND_WORK)
        work = Packet(work, IDLE, KIND_WORK)
        WorkerTask(self, WORKER, 1000, work)

        queue = None
        for _ in range(3):
            queue = Packet(queue, DEVICE_A, KIND_DEVICE)
        HandlerTask(self, HANDLER_A, 2000, queue)

        queue = None
        for _ in range(3):
            queue = Packet(queue, DEVICE_B, KIND_DEVICE)
        HandlerTask(self, HANDLER_B, 3000, queue)

        DeviceTask(self, DEVICE_A, 4000)
        DeviceTask(self, DEVICE_B, 5000)

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.blocked():
                task = task.next
            else:
                task = task.step()


def run_once():
    """One full simulation; returns (packets queued, holds) after checking them."""
    kernel = Kernel()
    kernel.setup()
    kernel.schedule()
    if kernel.queued != EXPECTED_QUEUED or kernel.holds != EXPECTED_HOLDS:
        raise RuntimeError("richards: wrong result: queued=%d holds=%d (expected %d and %d)"
                           % (kernel.queued, kernel.holds, EXPECTED_QUEUED, EXPECTED_HOLDS))
    return kernel.queued, kernel.holds


class Share:
    """One thread's part of the work and its totals (written only by that thread)."""

    def __init__(self, iterations):
        self.iterations = iterations
        self.runs = 0
        self.queued = 0
        self.holds = 0

    def run(self):
        for _ in range(self.iterations):
            queued, holds = run_once()
            self.runs += 1
            self.queued += queued
            self.holds += holds


def split(total, parts):
    """`total` as `parts` integers differing by at most one (the larger ones first)."""
    base, extra = divmod(total, parts)
    return [base + 1 if i < extra else base for i in range(parts)]


def main():
    iterations = 10
    threads = 1
    if len(sys.argv) > 1:
        iterations = int(sys.argv[1])
    if len(sys.argv) > 2:
        threads = int(sys.argv[2])
    if threads < 1:
        raise SystemExit("richards: THREADS must be at least 1")
    shares = [Share(n) for n in split(iterations, threads)]
    if threads == 1:
        shares[0].run()
    else:
        import threading
        workers = [threading.Thread(target=share.run) for share in shares]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
    runs = queued = holds = 0
    for share in shares:
        if share.runs != share.iterations:
            raise RuntimeError("richards: a thread ran %d of its %d iterations"
                               % (share.runs, share.iterations))
        runs += share.runs
        queued += share.queued
        holds += share.holds
    print("richards: %d iterations ok (%d packets queued, %d holds)" % (runs, queued, holds))


if __name__ == "__main__":
    main()
