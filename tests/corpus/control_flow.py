# Control flow: if/elif/else, while/for with else, break, continue, pass, nesting.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


print([classify(n) for n in (-5, 0, 3, 42)])
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("while-else not reached")
n = 0
while n < 3:
    n += 1
else:
    print("while-else reached", n)
for x in range(3):
    pass
else:
    print("for-else reached", x)
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print("not printed")
print("broke at", x)


def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            result = d
            break
    else:
        result = None
    return result


print(find_prime_factor(91), find_prime_factor(97))
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print(i, j, end=" | ")
print()
count = 0
while True:
    count += 1
    if count >= 5:
        break
print("count", count)
for ch in "":
    print("never")
for i in range(10, 0, -3):
    print(i, end=" ")
print()
x = 5
if x:
    pass
elif x > 100:
    print("no")
if not x:
    print("no")
else:
    print("x truthy")
y = "big" if x > 3 else "small"
z = "a" if x > 10 else "b" if x > 4 else "c"
print(y, z)
total = 0
for a in range(4):
    for b in range(4):
        for c in range(4):
            if a + b + c == 6:
                total += 1
print("triples", total)
collatz = 27
steps = 0
while collatz != 1:
    collatz = collatz // 2 if collatz % 2 == 0 else 3 * collatz + 1
    steps += 1
print("collatz steps", steps)
