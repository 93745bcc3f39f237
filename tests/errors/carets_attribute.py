# Traceback marker lines: an attribute of None inside a longer expression; a multi-line call.
class Box:
    inner = None


def size(b):
    return len(
        b.inner.items)


x = 1 + size(Box())
