# import os.path (a built-in module's submodule attribute) and the bytes builtin.
import os.path
import os.path as p
from os.path import join
print(os.path.join("a", "b"), p.basename("/x/y.py"), join("c", "d"))
b = bytes([104, 105])
print(b, len(b), b[0], list(b), bytes(3), type(b).__name__, b + bytes([33]))
