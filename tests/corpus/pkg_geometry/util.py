# Helpers for the pkg_geometry package.
print("pkg_geometry.util: loading")
PI_ISH = 3.0


def square_of(x):
    return x * x


def module_name():
    return __name__
