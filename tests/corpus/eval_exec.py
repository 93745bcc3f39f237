# eval() and exec(): expressions, statements, caller scopes, explicit globals/locals dicts, errors.
print(eval("1 + 2 * 3"))
x = 10
print(eval("x * 2"), eval("[i for i in range(x) if i % 3 == 0]"))
exec("y = x + 1\nprint('in exec', y)")
print(y)
def f(a):
    b = a * 2
    print(eval("a + b"))
    exec("c = a + b\nprint('c', c)")
    return a + b
print(f(3))
g = {"q": 5}
exec("r = q * 2\ndef h(): return r + 1\n", g)
print(g["r"], g["h"](), sorted(k for k in g if not k.startswith("__")))
print(eval("q + r", g), eval("z", {"z": 1}, {"z": 2}))
for bad in ["1 +", "x = 1", "def"]:
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError", e)
try:
    exec("1/0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    eval(5)
except TypeError as e:
    print("TypeError", e)
try:
    eval("undefined_name")
except NameError as e:
    print("NameError", e)
ns = {}
exec("class K:\n    v = 3\n    def m(self): return self.v * 2\n", ns)
print(ns["K"]().m())
