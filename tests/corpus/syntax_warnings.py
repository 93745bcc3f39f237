# SyntaxWarnings of CPython 3.11's compiler (missing commas, "is" with a literal), printed at compile time.
def f(x):
    try:
        print([1]['a'])
    except TypeError as e: print(e)
    try: print('a'[1.5])
    except TypeError as e: print(e)
    try: print(None[0], 5(), (1, 2)['x'], (1, x)['y'], f"{x}"[1.5], [x for x in 'ab'][None])
    except TypeError as e: print(e)
    try: print(1[0], -1.5[0], True[1], {1, 2}[0], (lambda: 0)[0], (x for x in 'a')[0])
    except TypeError as e: print(e)
    try: print([1, 2](), (1,)(), {}(), {1}(), 'ab'(), f'{x}'(), -1(), (x for x in 'a')())
    except TypeError as e: print(e)
    print(x is 1, x is not 'a', x is -1, x is None, x is ..., x is (1, 2), x is (1, x), 1 is x is 2)
    print([1][0], (1, 2)[True], 'ab'[0:1], {}.get(1), x[1.5] if False else 0, [1][[]] if False else 0)
    print([1]['a']) if False else 0
f(3)
