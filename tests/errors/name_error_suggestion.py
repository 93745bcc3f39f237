# A NameError's traceback suggests the closest defined name (locals, then globals, then
# builtins), as CPython 3.11 does; str(e) itself has no hint.
values = [1, 2]


def total(alpha, beta):
    try:
        print(lenn(values))
    except NameError as e:
        print(e)
    return alhpa + beta


total(1, 2)
