class B:
    def __init__(self, x): self.x = x
class C(B): pass
print(C(1).x)
def init2(self, x): self.x = x * 10
B.__init__ = init2
print(C(2).x)
C.__init__ = lambda self, x: setattr(self, "x", -x)
print(C(3).x, B(3).x)
