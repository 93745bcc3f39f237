# Native methods reached through their class check the type of their first argument.
for expr in ["str.upper(3)", "list.append(3, 4)", "dict.keys(3)", "str.join(5, [])", "int.__add__('a', 1)", "list.__len__({})", "str.upper()"]:
    try:
        print(eval(expr))
    except TypeError as e:
        print("TypeError:", e)
print(str.upper("abc"), list(map(str.strip, [" a ", "b "])), dict.fromkeys("ab"), int.__add__(2, 3), str.join(",", "abc"))
class L(list):
    pass
l = L()
list.append(l, 5)
L.append(l, 6)
print(l, tuple.__new__(tuple, [1, 2]), object.__repr__(5)[:13], type.mro(L)[1])
print(Exception.__str__(ValueError("x")), BaseException.__init__(ValueError(), 1))
import math
class Tools:
    size = len
    root = math.sqrt
    def use(self):
        return self.size([1, 2, 3]), self.root(16.0), Tools.size("ab")
print(Tools().use())
