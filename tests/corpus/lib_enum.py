# lib_enum.py: Enum, IntEnum, StrEnum, auto and unique from lib/enum.py.
from enum import Enum, IntEnum, StrEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self): return '%s is %d' % (self.name, self.value)
    @classmethod
    def default(cls): return cls.GREEN
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, type(Color.RED).__name__, Color.CRIMSON is Color.RED)
print(Color(2), Color['BLUE'], Color(1) is Color.RED, list(Color), len(Color), [m.name for m in Color], repr(Color))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN, Color.RED in Color, isinstance(Color.GREEN, Color), Color.BLUE.describe(), Color.default())
print({Color.RED: 'r'}[Color.CRIMSON], sorted(Color.__members__), Color.__members__['CRIMSON'], list(reversed(Color)))
print(f'{Color.RED}', '{:>12}|'.format(Color.GREEN), str(Color.BLUE), hash(Color.RED) == hash(Color.RED))
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.TWO), Num.ONE == 1, Num.TWO + 1, Num.ONE < Num.TWO, Num(2), int(Num.TWO), f'{Num.TWO}', [n * 10 for n in Num], isinstance(Num.ONE, int), sorted([Num.TWO, Num.ONE]))
class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    LINE = 10
    POINT = auto()
print(list(Shape), Shape.POINT.value)
class Dir(StrEnum):
    NORTH = auto()
    SOUTH = 's'
print([Dir.NORTH], Dir.SOUTH.value, Dir.NORTH == 'north', Dir('s'), Dir.SOUTH.upper())
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.MARS.mass, Planet.EARTH.value, Planet((6.42e23, 3.39e6)))
class Status(Enum):
    OK = 'ok'
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str) and value.lower() == 'ok':
            return cls.OK
print(Status('OK'), Status('ok'))
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, Animal(3))
for bad in [lambda: Color(7), lambda: Color['PINK'], lambda: Status(5), lambda: Num(3)]:
    try: bad()
    except (ValueError, KeyError) as e: print(type(e).__name__, e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e: print('ValueError', e)
try:
    class More(Color): PINK = 4
except TypeError as e: print('TypeError', e)
try: Color.RED.name = 'x'
except AttributeError as e: print('AttributeError', e)
