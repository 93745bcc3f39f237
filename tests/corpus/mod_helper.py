# Helper module for imports.py (mod_* files are modules, not tests): module-level state,
# functions, a class, and a side effect that must happen only once.
print("mod_helper: loading (should appear once)")
GREETING = "hello from mod_helper"
calls = 0


def double(x):
    global calls
    calls += 1
    return 2 * x


class Box:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Box(%r)" % (self.v,)


def whoami():
    return __name__


if __name__ == "__main__":
    print("mod_helper run as a script: not expected here")
