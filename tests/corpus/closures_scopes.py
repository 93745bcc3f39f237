# Closures and scopes: nonlocal, global, late binding, counters, nested functions.
counter_total = 0


def make_counter(start):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count
    return inc, get


inc, get = make_counter(10)
inc()
inc(5)
inc2, get2 = make_counter(0)
inc2()
print(get(), get2())


def bump_global():
    global counter_total
    counter_total += 1
    return counter_total


bump_global()
bump_global()
print(counter_total)


def late_binding():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [fn() for fn in fns]


def early_binding():
    fns = []
    for i in range(3):
        fns.append(lambda i=i: i)
    return [fn() for fn in fns]


print(late_binding(), early_binding())


def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner()
    x = "rebound"
    return middle()


print(outer())


def make_adders():
    return [(lambda n: (lambda v: v + n))(k) for k in range(3)]


print([add(10) for add in make_adders()])


def shadow():
    len = lambda s: "shadowed"
    return len("abc")


print(shadow(), len("abc"))
x = "global x"


def reads_global():
    return x


def local_only():
    x = "local x"
    return x


print(reads_global(), local_only(), x)


def unbound():
    try:
        print(y_local)
    except NameError as e:
        print("NameError", e)
    y_local = 1
    return y_local


def unbound2():
    try:
        v = z
        z = 2
    except UnboundLocalError as e:
        print("UnboundLocalError", e)


unbound()
unbound2()
try:
    print(undefined_name)
except NameError as e:
    print("NameError", e)


def accumulate():
    items = []

    def add(v):
        items.append(v)
        return len(items)
    add(1)
    add(2)
    return items, add(3)


print(accumulate())


def fib_memo():
    memo = {}

    def fib(n):
        if n in memo:
            return memo[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r
    return fib


print(fib_memo()(90))


def nonlocal_chain():
    a = 1

    def level1():
        def level2():
            nonlocal a
            a *= 10
        level2()
        level2()
    level1()
    return a


print(nonlocal_chain())
