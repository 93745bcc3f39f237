# Integer arithmetic with Python semantics: floor division and modulo of negatives, true
# division, powers, bit operations, shifts, comparisons and the errors they raise.
values = [7, -7, 3, -3, 1, 0, 10, -10, 123456789]
for a in [7, -7, 10, -10, 0, 123456789]:
    for b in [3, -3, 1, -1, 7, 1000]:
        print(a, b, a + b, a - b, a * b, a // b, a % b, a / b)

print(2 ** 10, 2 ** 0, (-2) ** 3, (-2) ** 4, 2 ** -1, 10 ** -2, 0 ** 0)
print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, ~-1, -5 & 0xFF, -1 ^ 7)
print(1 << 10, 1024 >> 3, -1024 >> 3, -1 >> 100, 5 >> 0, 255 << 0)
print(0x1F, 0o17, 0b1011, 1_000_000)
print(17 // 5 * 5 + 17 % 5 == 17, -17 // 5 * 5 + -17 % 5 == -17)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 2, -7 % 2, 7 % -2, -7 % -2)
print(abs(-5), abs(5), -(-5), +5)

x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
x <<= 4
x >>= 1
x |= 1
x &= 0x3F
x ^= 0x15
print(x)
y = 7
y /= 2
print(y)

print(1 < 2 < 3, 1 < 2 > 3, 3 > 2 > 1 > 0, 1 == 1 != 2, 1 <= 1 >= 1)
print(True + True, True * 10, False - 1, 3 == 3.0, 1 == True)

for expr in ["1 // 0", "1 % 0", "1 / 0", "2 ** -1 // 0"]:
    try:
        if expr == "1 // 0":
            r = 1 // 0
        elif expr == "1 % 0":
            r = 1 % 0
        elif expr == "1 / 0":
            r = 1 / 0
        else:
            r = 2 ** -1 // 0
    except ZeroDivisionError as e:
        print(expr, "->", type(e).__name__, e)

try:
    1 << -1
except ValueError as e:
    print("ValueError", e)

try:
    r = 1 + "a"
except TypeError as e:
    print("TypeError", e)
try:
    r = "a" - 1
except TypeError as e:
    print("TypeError", e)
try:
    r = [1] < 2
except TypeError as e:
    print("TypeError", e)

total = 0
for i in range(1, 1001):
    total += i * i - (i // 3) * (i % 7)
print(total)
