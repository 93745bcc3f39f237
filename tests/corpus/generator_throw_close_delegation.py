def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", repr(e))
        yield "recovered"
        return "inner-done"
    finally:
        print("inner finally")

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "after"

g = outer()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
try:
    next(g)
except StopIteration:
    print("stopped")

g2 = outer()
print(next(g2))
g2.close()
print("closed")

def outer3():
    try:
        yield from inner()
    except KeyError as e:
        print("outer3 caught", repr(e))
        yield "o3"
g3 = outer3()
next(g3)
print(g3.throw(KeyError("kk")))
