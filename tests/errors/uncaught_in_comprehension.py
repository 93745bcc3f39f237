# A failure inside a list comprehension and a lambda: their frames appear in the traceback.
def invert_all(values):
    return [1 / v for v in values]


apply = lambda f, xs: f(xs)
print(apply(invert_all, [1, 2]))
print(apply(invert_all, [4, 0]))
