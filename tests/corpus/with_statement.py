# with: __enter__/__exit__, the `as` target, exceptions passed to __exit__, suppression,
# nesting, several managers in one statement, return/break inside with.
log = []


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            log.append("exit %s cleanly" % self.name)
        else:
            log.append("exit %s with %s(%s)" % (self.name, exc_type.__name__, exc))
        return self.suppress


with Resource("a") as r:
    log.append("inside " + r.name)
print(log)
log.clear()
with Resource("outer"), Resource("inner") as inner:
    log.append("body uses " + inner.name)
print(log)
log.clear()
try:
    with Resource("fails"):
        raise ValueError("oops")
except ValueError as e:
    log.append("propagated " + str(e))
print(log)
log.clear()
with Resource("swallow", suppress=True):
    raise KeyError("hidden")
log.append("after suppressed")
print(log)
log.clear()


def returns_inside():
    with Resource("ret"):
        return "value"


print(returns_inside(), log)
log.clear()
for i in range(3):
    with Resource("loop%d" % i):
        if i == 1:
            break
print(log)
log.clear()


class Timer:
    def __enter__(self):
        return "entered-value"

    def __exit__(self, *args):
        log.append(("exit args", len(args), args[0]))


with Timer() as v:
    log.append(v)
print(log)
try:
    with 42:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
