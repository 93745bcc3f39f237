x = []
for i in range(100000):
    x = [x]
try:
    s = repr(x)
    print(len(s))
except RecursionError as e:
    print("RecursionError")
y = x
try:
    print(x == y)
except RecursionError:
    print("RecursionError eq")
src = "(" * 300 + "1" + ")" * 300
print("ok")
