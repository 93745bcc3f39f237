# Imports: `import m`, `import m as n`, `from m import x [as y]`, packages with __init__.py,
# submodules, modules loaded once, module attributes and __name__.
print("imports: start, __name__ =", __name__)
import mod_helper
import mod_helper as again
from mod_helper import double, Box as Crate, GREETING

print(mod_helper.GREETING, GREETING, again is mod_helper, mod_helper.whoami(), mod_helper.__name__)
print(double(21), mod_helper.double(1), mod_helper.calls, Crate(3), mod_helper.Box is Crate)
mod_helper.GREETING = "changed"
print(again.GREETING, GREETING)

import pkg_geometry
print(pkg_geometry.describe(), pkg_geometry.VERSION, pkg_geometry.Square(3).area())
import pkg_geometry.util
from pkg_geometry import shapes
from pkg_geometry.util import square_of as sq, module_name
import pkg_geometry.shapes as sh

print(pkg_geometry.util.square_of(5), sq(6), module_name(), shapes is sh, sh.Circle(2).area())
print(shapes.__name__, pkg_geometry.__name__, type(pkg_geometry).__name__)
import math, sys
print(math.floor(2.5), "imports" in sys.argv[0])


def use_inside_function():
    import mod_helper as inner
    from pkg_geometry.shapes import Square
    return inner.double(Square(2).area())


print(use_inside_function())
try:
    import no_such_module_anywhere
except ImportError as e:
    print(type(e).__name__, e)
try:
    from mod_helper import not_defined_here
except ImportError as e:
    print("ImportError", str(e).split(" (")[0])


def main():
    print("main ran")


if __name__ == "__main__":
    main()
