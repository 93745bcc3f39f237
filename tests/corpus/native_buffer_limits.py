# Sizes no machine can hold raise MemoryError at once (never a crash, also under
# AddressSanitizer), and expandtabs takes its tab size as a C int, as in CPython.
for expr in ["'x'.ljust(2**62)", "'x'.rjust(2**45, '*')", "'x'.center(2**50)", "'ab' * 2**45",
             "'{:>{w}}'.format(1, w=2**45)", "f'{1:^{2**45}}'", "'%*d' % (2**45, 1)",
             "'é'.ljust(2**61)"]:
    try:
        print(expr, len(eval(expr)))
    except (MemoryError, OverflowError, ValueError) as e:
        print(expr, type(e).__name__, e)
for t in [2**31, -2**31 - 1, 2**40, 2**31 - 1 - 2**31 + 4, -5, 0, 3]:
    try:
        print(t, repr('a\tbc\td'.expandtabs(t)))
    except OverflowError as e:
        print(t, "OverflowError", e)
