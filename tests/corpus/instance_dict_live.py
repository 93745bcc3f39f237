# Instance __dict__ is a live view: writes through it and through attributes agree.
class A:
    def __init__(self, **kw):
        self.__dict__.update(kw)
        self.z = 0
    def total(self):
        return self.x + self.y + self.z
a = A(x=1, y=2)
print(a.x, a.y, a.total(), sorted(vars(a).items()))
d = a.__dict__
d["w"] = 9
print(a.w, hasattr(a, "w"))
a.v = 5
print(d["v"], d is a.__dict__, "v" in d)
del a.w
print("w" in d, sorted(d))
del d["v"]
try:
    a.v
except AttributeError as e:
    print("AttributeError", e)
for i in range(3):
    a.x += 1
print(a.x, a.total())
class S:
    __slots__ = ("p",)
s = S()
try:
    s.__dict__
except AttributeError as e:
    print("AttributeError", e)
try:
    object().__dict__
except AttributeError as e:
    print("AttributeError", e)
class B(A):
    pass
bs = [B(x=i, y=i) for i in range(3)]
bs[1].__dict__["x"] = 100
print([b.total() for b in bs])
setattr(bs[1], "k", 3)
print(getattr(bs[1], "k"), bs[1].__dict__)
