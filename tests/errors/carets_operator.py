# Traceback marker lines: unpacking, and a two-character operator.
def split(v):
    a, b = v
    return a // b


print(split((1, 0)))
