# Helper module for uncaught_from_module.py (mod_* files are not tests).
def validate(v):
    if v < 0:
        raise ValueError("negative value: %d" % v)
    return v


def check(values):
    for v in values:
        validate(v)
