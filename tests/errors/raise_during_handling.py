# Implicit chaining: an exception raised while handling another one.
def risky():
    return [1, 2, 3][10]


try:
    risky()
except IndexError:
    raise RuntimeError("recovery failed")
