# Absurdly large allocations raise MemoryError / OverflowError like CPython instead of crashing.
for expr in ["(1,) * 2**40", "[1] * 2**35", "'a' * 2**40", "'x'.ljust(2**40)", "'{:2000000000000}'.format(1)",
             "f'{1:>{2**40}}'", "1 << 2**62", "(-1) << 2**62", "1 << 2**40", "'ab' * 2**62", "[1, 2] * 2**62"]:
    try:
        v = eval(expr)
        print(expr, "ok", len(v))
    except (MemoryError, OverflowError) as e:
        print(expr, type(e).__name__, e, e.args)
for expr in ["'x'.zfill(2**40)", "'x'.center(2**40)", "'%2000000000000d' % 1"]:
    try:
        eval(expr)
    except MemoryError as e:
        print(expr, repr(e), e.args)
