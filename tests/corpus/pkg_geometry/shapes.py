# Shapes for the pkg_geometry package; imports a sibling module with an absolute import.
from pkg_geometry.util import square_of, PI_ISH

print("pkg_geometry.shapes: loading")


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return square_of(self.side)


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return PI_ISH * square_of(self.r)
