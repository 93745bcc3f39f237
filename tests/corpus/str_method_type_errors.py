# TypeError texts of str methods given arguments of the wrong type.
for e in ['"abc".replace(1,2)', '"abc".replace("a",2)', '"abc".split(1)', '"abc".startswith(1)', '"abc".find(1)', '"abc".count(1)', '"abc".strip(1)', '"abc".partition(1)', '"abc".index(1)', '"abc".join([1])', '"abc".removeprefix(1)', '"a".center(5, 1)', '"a".zfill("x")', '"a".rsplit(1)', '"a".lstrip(2)', '"a".ljust(3, "ab")']:
    try:
        eval(e)
    except TypeError as x:
        print(e, '|', x)
