# atexit.py: the `atexit` module for stmjit. The VM calls _run_exitfuncs() when the program
# ends; handlers run last-registered first, and an exception in one is reported on stderr
# without stopping the others.

import sys as _sys

_handlers = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _handlers.append((func, args, kwargs))
    return func


def unregister(func):
    _handlers[:] = [h for h in _handlers if not (h[0] == func)]


def _ncallbacks():
    return len(_handlers)


def _clear():
    del _handlers[:]


def _run_exitfuncs():
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as e:
            print("Exception ignored in atexit callback: %r" % (func,), file=_sys.stderr)
            print("%s: %s" % (type(e).__name__, e), file=_sys.stderr)
