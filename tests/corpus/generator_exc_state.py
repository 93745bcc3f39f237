def g():
    try:
        raise KeyError('k')
    except KeyError:
        yield 1
        raise
it = g()
print(next(it))
try:
    raise RuntimeError("no active")
except RuntimeError as e:
    print("caller handles", repr(e))
try:
    raise ValueError('v')
except ValueError:
    try:
        next(it)
    except KeyError as e:
        print("got", repr(e), repr(e.__context__))
    try:
        raise
    except ValueError as e:
        print("caller's exception restored:", repr(e))
