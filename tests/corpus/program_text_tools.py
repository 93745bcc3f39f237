# Text processing and functional tools: decorators with arguments, closures, context managers
# that suppress or translate exceptions, generator pipelines, iterator classes, recursion.
import time

def counted(label):
    def deco(fn):
        calls = 0
        def wrapper(*args, **kwargs):
            nonlocal calls
            calls += 1
            wrapper.calls = calls
            return fn(*args, **kwargs)
        wrapper.__name__ = fn.__name__
        wrapper.label = label
        return wrapper
    return deco

def memo(fn):
    cache = {}
    def inner(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    inner.cache = cache
    return inner

@counted("fib")
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(90), fib.calls, fib.label, fib.__name__, len(fib.__dict__))

class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = []
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.kinds):
            self.caught.append(f"{et.__name__}: {ev}")
            return True
        return False

class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self
    def __exit__(self, *exc):
        self.elapsed = time.perf_counter() - self.start
        return None

with Suppress(KeyError, ZeroDivisionError) as s:
    {}["missing"]
with s:
    1 // 0
with Timer() as t, Suppress(IndexError) as s2:
    [][3]
print(s.caught, s2.caught, t.elapsed >= 0)
try:
    with Suppress(KeyError):
        raise ValueError("passes through")
except ValueError as e:
    print("escaped:", e)

TEXT = """The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox, being quick, runs away!  Over and over: quick, quick, QUICK.
Numbers like 3.14, 42 and -7 are words too? Maybe not."""

def words(text):
    for line in text.splitlines():
        for raw in line.split():
            w = raw.strip(".,;:!?").lower()
            if w:
                yield w

def ngrams(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) == n:
            yield tuple(buf)
            buf.pop(0)

freq = {}
for w in words(TEXT):
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(top)
print([" ".join(g) for g in ngrams(words(TEXT), 3) if "quick" in g][:4])
print({len(w) for w in freq if w.isalpha()}, max(freq, key=len), sum(1 for w in freq if w[0] in "aeiou"))
caps = " ".join(w.capitalize() if len(w) > 3 else w.upper() for w in list(words(TEXT))[:8])
print(caps, caps.count("O"), caps.find("Brown"), caps.rfind("o"), caps.title()[:20])

class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(5)), list(zip(Countdown(3), "abc")), dict(enumerate(Countdown(2))))

def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest

perms = ["".join(p) for p in permutations("abcd")]
print(len(perms), perms[:5], perms[-1], sorted(perms, reverse=True)[1])

def flatten(x):
    if isinstance(x, (list, tuple)):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, (3, [4, [5]])], 6, []])))
pipeline = (x * x for x in range(20) if x % 3)
print(sum(pipeline), list(pipeline), any(x > 300 for x in map(lambda v: v ** 2, range(20))))
adders = [lambda x, i=i: x + i for i in range(3)]
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in adders], [f(10) for f in late])
