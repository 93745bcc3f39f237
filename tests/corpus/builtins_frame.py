# Built-ins that look at the running frame or exception: __import__, globals, locals, vars,
# dir, sys.exc_info; function attributes.
import sys

m = __import__("math")
print(m.sqrt(16.0), __import__("sys") is sys)
try:
    __import__("no_such_module_here")
except ImportError as e:
    print(type(e).__name__, e)

counter = 3
def f(a, b=2):
    c = a + b
    inner = [x for x in range(2)]
    return sorted(locals().items())
print(f(1))
print("counter" in globals(), globals()["counter"], "f" in globals())

class C:
    cls_attr = 1
    def __init__(self):
        self.x = 1
        self.y = "two"
    def method(self):
        pass
c = C()
print(vars(c), sorted(k for k in vars(C) if not k.startswith("__")))
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(C) if not n.startswith("__")])
print("sqrt" in dir(m), dir([])[-3:])
def g():
    x = 1
    y = 2
    return dir()
print(g())
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)

print(sys.exc_info())
try:
    {}["k"]
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None)
print(sys.exc_info())

def h():
    return 1
h.calls = 0
h.calls += 1
h.tag = "x"
print(h.calls, h.tag, sorted(h.__dict__.items()), h.__name__)
try:
    h.missing
except AttributeError as e:
    print("AttributeError:", e)
del h.tag
print(sorted(h.__dict__))
