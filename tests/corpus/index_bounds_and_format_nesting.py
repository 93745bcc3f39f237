# Indexes between 2**62 and 2**63 are ordinary out-of-range indexes; nested auto-numbered format fields.
for e in ["[1,2][2**62]", "'ab'[2**63-1]", "(1,)[-2**62]", "[1][2**63]", "'a' * -2**70", "[0] * -2**64", "range(10)[2**62]", "[1,2,3][-2**63]"]:
    try:
        print(repr(eval(e)))
    except Exception as x:
        print(type(x).__name__, x)
L = [1]
try:
    L[2**62] = 3
except IndexError as x:
    print("IndexError", x)
print('{:>{}}'.format('x', 4), '{:{}{}}'.format(5, '>', 3), '{0:{1}}'.format(3, 5), '{:{w}.{p}f}'.format(3.14159, w=8, p=2))
try:
    '{:{}}'.format(1)
except IndexError as e:
    print(e)
