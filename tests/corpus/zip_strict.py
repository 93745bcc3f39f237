# zip(strict=True) checks that all iterables end together.
for args in [('ab', 'c'), ('a', 'bc'), ('ab', 'cd', 'e'), ('ab', 'cd', 'efg'), ('ab', 'cd')]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print(e)
print(list(zip('ab', 'c', strict=False)))
