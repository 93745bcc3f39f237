# type.__setattr__/__delattr__, metaclass __setattr__, method descriptors stored on classes bind, repr() of a str subclass.
class C: pass
type.__setattr__(C, 'X', 1)
print(C.X)
type.__delattr__(C, 'X')
print(hasattr(C, 'X'))
class I(int): pass
I.myrepr = int.__repr__
print(I(5).myrepr())
class S(str):
    def __repr__(self): return 'R'
print(repr(S('v')), [S('v')])
class Meta(type):
    def __setattr__(cls, name, value):
        print("meta set", name)
        super().__setattr__(name, value * 2)
class K(metaclass=Meta): pass
K.y = 21
print(K.y)
print(str.upper("x"), int.__add__(1, 2))
