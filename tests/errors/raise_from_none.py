# `raise ... from None` suppresses the context: only the last traceback is printed.
def to_int(s):
    try:
        return int(s)
    except ValueError:
        raise TypeError("not a number: " + s) from None


to_int("x")
