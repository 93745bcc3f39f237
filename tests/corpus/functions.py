# Functions: defaults, keyword arguments, *args, **kwargs, keyword-only, lambdas, recursion,
# functions as values and the TypeErrors of bad calls.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))


print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0, z=1))
print(f(c=1, a=2))
print(f(*[1, 2, 3], **{"c": 4, "x": 5}))


def defaults(x, acc=[]):
    acc.append(x)
    return acc


print(defaults(1), defaults(2), defaults(3, []))


def kwonly(*, key, value=None):
    return key, value


print(kwonly(key="k"), kwonly(value=1, key=2))


def varargs(*args):
    return len(args), args


def varkw(**kwargs):
    return kwargs


print(varargs(), varargs(1, "a", None), varkw(), varkw(x=1, y=[2]))


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fact(10), fact(25), fib(20))
square = lambda x: x * x
add = lambda x, y=10: x + y
print(square(7), add(1), add(1, 2), (lambda *a, **k: (a, k))(1, b=2), (lambda: "const")())
ops = {"sq": square, "neg": lambda v: -v, "fact": fact}
print([ops[name](5) for name in ("sq", "neg", "fact")])


def apply_twice(fn, v):
    return fn(fn(v))


def compose(*fns):
    def run(v):
        for fn in reversed(fns):
            v = fn(v)
        return v
    return run


print(apply_twice(square, 3), compose(str, square, abs)(-4), apply_twice(lambda s: s + "!", "hi"))


def no_return():
    pass


def early(x):
    if x:
        return
    return "late"


print(no_return(), early(1), early(0), f.__name__, square.__name__, fact.__name__)


def multi():
    return 1, "two", [3]


one, two, three = multi()
print(one, two, three, multi())


def outer_doc():
    "a docstring is just an expression statement"
    return 1


print(outer_doc())
for call in range(6):
    try:
        if call == 0:
            f()
        elif call == 1:
            f(1)
        elif call == 2:
            kwonly("positional")
        elif call == 3:
            square(1, 2)
        elif call == 4:
            f(1, c=1, a=2)
        else:
            varargs(x=1)
    except TypeError as e:
        print("TypeError", e)
