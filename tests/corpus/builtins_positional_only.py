# Keyword arguments to positional-only builtins are a TypeError.
for e in ['divmod(a=1, b=2)', 'len(obj=[])', 'any(iterable=[])', 'round(2.5, ndigits=0)', 'pow(2, exp=3)']:
    try:
        print(eval(e))
    except TypeError as x:
        print(x)
for e in ['"x".center(width=5)', '{}.get(key=1)', '[3,1].sort(reverse=True)', '"a b".split(maxsplit=1)', '[].append(object=1)', 'dict(a=1)', '{}.update(a=2)']:
    try:
        print(eval(e))
    except TypeError as x:
        print(x)
