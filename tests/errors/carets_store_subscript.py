# Traceback marker lines: subscript store (CPython 3.11 ~^^^).
t = (1, 2)
t[0] = 5
