# Unicode: full case mappings, final sigma, numeric classes, printable, non-ASCII digits in int()/float().
print('ß'.upper(), 'ﬁne'.upper(), repr('İstanbul'.lower()), 'ΟΔΟΣ'.lower(), 'ǅ'.swapcase(), 'ß'.title(), 'ŉ'.upper(), 'straße'.casefold())
print('½'.isnumeric(), '²'.isdigit(), '٣'.isdecimal(), 'Ⅻ'.isnumeric(), 'ǅ'.istitle(), 'ΣΑΣ ΟΔΟΣ.'.lower(), 'Σ'.lower(), 'aΣ b'.lower())
print(repr('\u0378\u00ad\U000e0001'), '\u0378'.isprintable(), 'hello world'.title(), 'ﬀ'.capitalize())
print(int('٣'), int('１２'), float('٣.５'), int('\u2003 42\u3000'), float(' 1e3 '))
for s in ['٣x', '½', 'x']:
    try:
        int(s)
    except ValueError as e:
        print(e)
