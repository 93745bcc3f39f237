# A grid of float/int/str formatting (format specs, %-formatting, str methods) against CPython.
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.5, 1e16, 1.2345e-7, 123456789.123, 1e300, 5e-324, float('inf'), float('-inf'), float('nan'), 0.5, 1.05, 2.675, 1234.5678, -987654.321, 1e22, 1e-5, 100.0, 9.995, 0.0001234]
specs = ['', '.0f', '.1f', '.2f', '.3f', '10.2f', '<10.2f', '^12.3f', '+.2f', ' .2f', '010.2f', ',.2f', ',', '_.3f', 'e', '.3e', '.0e', 'E', 'g', '.3g', '.10g', 'G', '%', '.1%', 'n', '#.0f', '#g', '.2', '12', '-^15,.4f', '=+12.2f', 'x<8.1f']
out = []
for v in vals:
    row = [repr(v), str(v)]
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(type(e).__name__)
    for p in ['%f', '%.3f', '%e', '%g', '%.2g', '%10.3f', '%-10.3e|', '%+g', '%r', '%s', '%.0f', '%#.0f', '%5.1f%%']:
        try:
            row.append(p % v)
        except Exception as e:
            row.append(type(e).__name__)
    row.append(str(round(v, 2)) if v == v and abs(v) != float('inf') else 'x')
    row.append(str(round(v)) if v == v and abs(v) != float('inf') else 'x')
    out.append(' | '.join(row))
ints = [0, 1, -1, 255, -255, 10**20, -(10**25), 2**63, 123456789]
for i in ints:
    row = []
    for s in ['', 'd', '5d', '<5d', 'x', 'X', '#x', 'o', '#o', 'b', '#b', ',', '_', '_x', '+d', ' d', '08d', 'e', '.2f', '%', 'c' if 0 <= i < 1000 else 'd', 'n', '^10', '=+10']:
        try:
            row.append(format(i, s))
        except Exception as e:
            row.append(type(e).__name__)
    row += [hex(i), oct(i), bin(i), '%x' % i, '%o' % i, '%5d' % i, '%-5d|' % i, '%+d' % i, '%05d' % i, str(i.bit_length())]
    out.append(' | '.join(row))
for s in ['abc', '', 'héllo', "it's", 'a"b', 'tab\there', 'nl\n', '\x00\x7f', 'ünï©ødé', '日本', '\U0001f600']:
    row = [repr(s), format(s, '>8'), format(s, '<8'), format(s, '^9'), format(s, '*^9'), format(s, '.2'), '%5s|' % s, '%-5s|' % s, '%r' % s, '%.1s' % s, s.center(9, '-'), s.zfill(6), s.ljust(4, '.'), s.rjust(4), str(len(s)), s.upper(), s.title(), s.swapcase(), s.capitalize(), repr(s.encode('ascii', 'replace')) if False else 'x', s.expandtabs(4), str(s.isalpha()), str(s.isprintable()) if hasattr(s, 'isprintable') else '']
    out.append(' | '.join(row))
print('\n'.join(out))
print('{:>10}|{:<10}|{:^10}|{!r}|{!s:>5}|{0}'.format('a', 'b', 'c', 'd', 'e') if False else '{0:>10}|{1:<10}|{2:^10}|{3!r}|{4!s:>5}|{0}'.format('a', 'b', 'c', 'd', 'e'))
print('{a}-{b[1]}-{c.real}'.format(a=1, b=[1, 2], c=3))
print(f"{3.14159:.2f} {42:05d} {'x':>3} {1e10:g} {12345678:,} {0.5:.0%} {-3:+} {7!r}")
print('%(a)s and %(b)05.1f' % {'a': 'A', 'b': 2.25})
print('%c%c' % (65, 'z'), '%5.2s|' % 'abc', '%i' % 3.9, '%x' % 255, '%X' % 255, '%#x' % 255)
