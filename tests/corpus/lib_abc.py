# lib_abc.py: abc.ABC/ABCMeta/abstractmethod and virtual subclasses.
from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self): return '%s area=%s' % (type(self).__name__, self.area())
print(sorted(Shape.__abstractmethods__))
class Half(Shape):
    def area(self): return 1
print(sorted(Half.__abstractmethods__))
class Sq(Half):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
print(Sq.__abstractmethods__ == frozenset(), Sq(3).describe(), Sq(2).perimeter(), isinstance(Sq(1), Shape), issubclass(Sq, Shape))
for cls in (Shape, Half):
    try: cls()
    except TypeError as e: print('TypeError', e)
class P(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
try: P()
except TypeError as e: print('TypeError', e)
class P2(P):
    @property
    def name(self): return 'p2'
    @classmethod
    def make(cls): return cls()
print(P2.make().name)
class Plain(ABC): pass
print(type(Plain()).__name__, type(Plain).__name__)
