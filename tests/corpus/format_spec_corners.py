# Format-spec corners: '0' with explicit alignment, grouped zero padding, '#' without a type, separator/type checks.
for v, s in [(-197134.0, '>019_.5'), (-366658, '>+#021d'), (float('inf'), '<09.1E'), (1.5e-07, '09,.1f'), (5e-01, ' 025_.7e'),
             (-0.0, '#.10'), (2.5, '#.4'), (-0.0, '#.1'), (2.5, '_n'), (10**29, ',n'), (65, '_c'), (0, '#c'), (65, '-_c'),
             (-1, '<+023o'), (10**30, '=c'), (1234, '08,'), (1, '04,'), (1e16, '#'), ('ab', '05'), ('ab', ','), (7, '0=8,')]:
    try:
        print(repr(format(v, s)))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for s in ['.2s', '.1', '5.2s', '.3x', '.0c', 'q']:
    try:
        print(format(5, s))
    except ValueError as e:
        print(s, e)
