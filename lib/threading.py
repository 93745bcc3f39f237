"""threading: CPython 3.11's high-level threading interface, written for stmjit over the
low-level _thread module (interpreter/mod_thread.cpp): Thread, Lock, RLock, Condition,
Semaphore, BoundedSemaphore, Event, Barrier, Timer, local, current_thread, main_thread,
active_count, enumerate, excepthook.

Every wait goes through a _thread lock acquire, which lets other threads run while it blocks.

The line numbers of Thread.run and Thread._bootstrap_inner are pinned (see the padding
comments below) to those of CPython 3.11.7's threading.py, because the traceback of an
exception raised in a thread shows those two frames and must print what CPython prints.
"""
import _thread
import sys as _sys
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate', 'main_thread',
           'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError', 'ExceptHookArgs', 'setprofile',
           'settrace', 'local', 'stack_size', 'excepthook', 'get_native_id', 'getprofile',
           'gettrace']

_new_lock = _thread.allocate_lock
_spawn = _thread.start_new_thread
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
Lock = _thread.allocate_lock


def RLock(*args, **kwargs):
    """A re-entrant lock: the owning thread may acquire it again; only it may release it."""
    return _thread.RLock(*args, **kwargs)


def settrace(func):
    if func is not None:
        raise NotImplementedError("threading.settrace is not supported by stmjit")


def setprofile(func):
    if func is not None:
        raise NotImplementedError("threading.setprofile is not supported by stmjit")


def gettrace():
    return None


def getprofile():
    return None


def _address(obj):
    return hex(id(obj))


# ---- Condition ------------------------------------------------------------------------------

class Condition:
    """wait() parks the calling thread on a private lock of its own, which notify() releases."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # An RLock must be released completely while waiting and restored afterwards.
        for name in ('_release_save', '_acquire_restore', '_is_owned'):
            method = getattr(lock, name, None)
            if method is not None:
                setattr(self, name, method)
        self._sleepers = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._sleepers))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock has no owner: held by someone counts as owned, like CPython.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        gate = _new_lock()
        gate.acquire()
        self._sleepers.append(gate)
        state = self._release_save()
        woken = False
        try:
            if timeout is None:
                woken = gate.acquire()
            elif timeout > 0:
                woken = gate.acquire(True, timeout)
            else:
                woken = gate.acquire(False)
            return woken
        finally:
            self._acquire_restore(state)
            if not woken and gate in self._sleepers:
                self._sleepers.remove(gate)

    def wait_for(self, predicate, timeout=None):
        deadline = None if timeout is None else _time() + timeout
        result = predicate()
        while not result:
            if deadline is None:
                self.wait()
            else:
                left = deadline - _time()
                if left <= 0:
                    break
                self.wait(left)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        while n > 0 and self._sleepers:
            self._sleepers.pop(0).release()
            n -= 1

    def notify_all(self):
        self.notify(len(self._sleepers))

    notifyAll = notify_all


# ---- Semaphore, BoundedSemaphore, Event -----------------------------------------------------

class Semaphore:
    """A counter that acquire() decrements, waiting while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return "<%s.%s at %s: value=%d>" % (type(self).__module__, type(self).__qualname__, _address(self),
                                            self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        with self._cond:
            if not blocking:
                ready = self._value > 0
            else:
                ready = self._cond.wait_for(lambda: self._value > 0, timeout)
            if ready:
                self._value -= 1
            return ready

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore whose value may never exceed its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._limit = value

    def __repr__(self):
        return "<%s.%s at %s: value=%d/%d>" % (type(self).__module__, type(self).__qualname__, _address(self),
                                               self._value, self._limit)

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._limit:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag that threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        return "<%s.%s at %s: %s>" % (type(self).__module__, type(self).__qualname__, _address(self),
                                      "set" if self._flag else "unset")

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            if self._flag:
                return True
            return self._cond.wait(timeout)


# ---- Barrier ------------------------------------------------------------------------------

class BrokenBarrierError(RuntimeError):
    pass


class _Round:
    """One use of a Barrier: how many threads have arrived and how it ended."""

    def __init__(self):
        self.arrived = 0
        self.outcome = None   # None while filling, then 'passed' or 'broken'


class Barrier:
    """`parties` threads wait until all of them have called wait(); then all go on together."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._round = _Round()
        self._broken = False

    def __repr__(self):
        if self._broken:
            return "<%s.%s at %s: broken>" % (type(self).__module__, type(self).__qualname__, _address(self))
        return "<%s.%s at %s: waiters=%d/%d>" % (type(self).__module__, type(self).__qualname__,
                                                 _address(self), self.n_waiting, self._parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            if self._broken:
                raise BrokenBarrierError
            rnd = self._round
            index = rnd.arrived
            rnd.arrived += 1
            if rnd.arrived == self._parties:
                if self._action is not None:
                    try:
                        self._action()
                    except BaseException:
                        self._break()
                        raise
                rnd.outcome = 'passed'
                self._round = _Round()
                self._cond.notify_all()
                return index
            if not self._cond.wait_for(lambda: rnd.outcome is not None, timeout):
                self._break()   # a timeout breaks the barrier for everyone
            if rnd.outcome != 'passed':
                raise BrokenBarrierError
            return index

    def _break(self):
        self._round.outcome = 'broken'
        self._broken = True
        self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._round.arrived:
                self._round.outcome = 'broken'
            self._round = _Round()
            self._broken = False
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return 0 if self._broken else self._round.arrived

    @property
    def broken(self):
        return self._broken


# ---- thread-local data ----------------------------------------------------------------------

class _local:
    """Attributes seen only by the thread that set them. The per-thread dicts are keyed by
    _thread._serial() (idents are reused after a thread ends). A subclass's __init__ runs, with
    the constructor's arguments, in each thread the first time that thread touches the object."""
    __module__ = '_thread'

    def __new__(cls, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, '_stmjit_local', (args, kwargs, {_thread._serial(): {}}))
        return self

    def __getattr__(self, name):
        values = _local_values(self)
        if name in values:
            return values[name]
        shown = '_thread._local' if type(self) is _local else type(self).__name__
        raise AttributeError("'%s' object has no attribute '%s'" % (shown, name))

    def __setattr__(self, name, value):
        if name == '__dict__' or name == '_stmjit_local':
            raise AttributeError("'%s' object attribute '%s' is read-only" % (type(self).__name__, name))
        _local_values(self)[name] = value

    def __delattr__(self, name):
        values = _local_values(self)
        if name not in values:
            raise AttributeError(name)
        del values[name]


def _local_values(obj):
    args, kwargs, per_thread = obj._stmjit_local
    key = _thread._serial()
    values = per_thread.get(key)
    if values is None:
        values = per_thread[key] = {}
        if type(obj).__init__ is not object.__init__:
            obj.__init__(*args, **kwargs)
    return values


local = _local


# ---- the registry of threads ----------------------------------------------------------------

_registry_lock = _new_lock()
_running = {}    # ident -> Thread, for threads whose bootstrap has begun
_starting = {}   # Thread -> Thread, started but not yet running
_names_given = 0


def _next_name(pattern):
    global _names_given
    _names_given += 1
    return pattern % _names_given


def current_thread():
    thread = _running.get(get_ident())
    if thread is None or (isinstance(thread, _DummyThread) and thread._serial != _thread._serial()):
        return _DummyThread()
    return thread


currentThread = current_thread


def main_thread():
    return _main_thread


def enumerate():
    with _registry_lock:
        live = set(_thread._live_idents())
        for ident in [i for i, t in _running.items() if isinstance(t, _DummyThread) and i not in live]:
            del _running[ident]
        return list(_running.values()) + list(_starting.values())


def active_count():
    return len(enumerate())


activeCount = active_count


def _shutdown():
    """Called by the command line when the main module is done: waits for every non-daemon
    thread (including ones started meanwhile), then marks the main thread stopped."""
    while True:
        with _registry_lock:
            waiting = [t for t in list(_running.values()) + list(_starting.values())
                       if not t._daemonic and t is not _main_thread and not isinstance(t, _DummyThread)
                       and not t._is_stopped]
        if not waiting:
            break
        for thread in waiting:
            thread._finished.acquire()
            thread._finished.release()
    _main_thread._is_stopped = True


# ---- excepthook -----------------------------------------------------------------------------

class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def __iter__(self):
        return iter((self.exc_type, self.exc_value, self.exc_traceback, self.thread))

    def __repr__(self):
        return "threading.ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)" % tuple(self)


def excepthook(args):
    """Reports an exception that escaped Thread.run() on stderr, as CPython does."""
    if args.exc_type is SystemExit:
        return
    stderr = _sys.stderr
    if stderr is None and args.thread is not None:
        stderr = args.thread._stderr
    if stderr is None:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    stderr.write("Exception in thread %s:\n" % name)
    stderr.write(_thread._format_exception(args.exc_value))
    stderr.flush()


__excepthook__ = excepthook


# ---- Thread ---------------------------------------------------------------------------------

class Thread:
    """A thread of control: either pass `target` (called with `args` and `kwargs`) or override
    run() in a subclass."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        if name:
            name = str(name)
        else:
            name = _next_name("Thread-%d")
            if target is not None:
                target_name = getattr(target, '__name__', None)
                if target_name is not None:
                    name += " (%s)" % target_name
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._began = Event()
        self._finished = _new_lock()   # held from start() until the thread has finished
        self._is_stopped = False
        self._stderr = _sys.stderr
        self._initialized = True

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._began.is_set() or self._finished.locked():
            raise RuntimeError("threads can only be started once")
        self._finished.acquire()
        with _registry_lock:
            _starting[self] = self
        try:
            _spawn(self._bootstrap, ())
        except BaseException:
            with _registry_lock:
                _starting.pop(self, None)
            self._finished.release()
            raise
        self._began.wait()

    # Padding: Thread.run must start at the line it has in CPython 3.11.7's threading.py
    # (tracebacks of exceptions in threads print its line numbers).











































































































































































































































































































































































































































































    def run(self):
        """The thread's work; by default calls the target given to the constructor."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Drop the references so the thread does not keep them alive once done.
            self._target = self._args = self._kwargs = None

    def _bootstrap(self):
        self._bootstrap_inner()

    # Padding: keeps Thread._bootstrap_inner at its CPython 3.11.7 line numbers too.













































    def _bootstrap_inner(self):
        try:
            self._ident = get_ident()
            self._native_id = get_native_id()
            with _registry_lock:
                _running[self._ident] = self
                _starting.pop(self, None)
            self._began.set()
            try:
                self.run()
            except BaseException as exc:
                self._report(exc)
        finally:
            try:
                with _registry_lock:
                    if _running.get(self._ident) is self:
                        del _running[self._ident]
            finally:
                # Even if that failed (MemoryError): join() must not wait forever.
                self._is_stopped = True
                self._finished.release()

    def _report(self, exc):
        hook = excepthook   # looked up now: the program may have replaced threading.excepthook
        try:
            hook(ExceptHookArgs(type(exc), exc, exc.__traceback__, self))
        except SystemExit:
            pass
        except BaseException as hook_exc:
            _sys.stderr.write("Exception in threading.excepthook:\n")
            _sys.stderr.write(_thread._format_exception(hook_exc))

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._began.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            done = self._finished.acquire()
        else:
            done = self._finished.acquire(True, max(timeout, 0))
        if done:
            self._finished.release()

    def is_alive(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        return self._began.is_set() and not self._is_stopped

    def __repr__(self):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() was not called")
        status = "initial"
        if self._began.is_set():
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._native_id

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._began.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    """Calls function(*args, **kwargs) after `interval` seconds unless cancel() comes first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        if not self.finished.wait(self.interval):
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._finished.acquire()
        self._began.set()
        _running[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread started with _thread.start_new_thread."""

    def __init__(self):
        Thread.__init__(self, name=_next_name("Dummy-%d"), daemon=True)
        self._ident = get_ident()
        self._native_id = get_native_id()
        self._serial = _thread._serial()
        self._began.set()
        with _registry_lock:
            _running[self._ident] = self

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("cannot join a dummy thread")


_main_thread = None
_main_thread = _MainThread()
