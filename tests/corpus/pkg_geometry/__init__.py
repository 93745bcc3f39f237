# A package for imports.py: __init__ runs once, re-exports names from its submodules.
print("pkg_geometry: __init__ running")
from pkg_geometry.shapes import Square, Circle
VERSION = (1, 2)


def describe():
    return "pkg_geometry %d.%d" % VERSION
