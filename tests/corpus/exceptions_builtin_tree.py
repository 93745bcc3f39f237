# The built-in exception hierarchy and OSError subclasses chosen from errno.
import builtins
names = ["PermissionError", "FileExistsError", "IsADirectoryError", "NotADirectoryError", "TimeoutError",
         "BrokenPipeError", "ConnectionResetError", "UnicodeDecodeError", "TabError", "FloatingPointError",
         "StopAsyncIteration", "UserWarning", "DeprecationWarning", "RuntimeWarning", "SystemError"]
for n in names:
    cls = getattr(builtins, n)
    print(n, [c.__name__ for c in cls.__mro__])


try:
    open("/", "r")
except OSError as e:
    print(type(e).__name__, e.errno == 21)
try:
    open("/no/such/dir/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.filename)
name = "/tmp/stmjit_exclusive_create_test.txt"
with open(name, "w") as f:
    f.write("x")
try:
    open(name, "x")
except FileExistsError as e:
    print(type(e).__name__, isinstance(e, OSError))
try:
    raise PermissionError("nope")
except OSError as e:
    print(type(e).__name__, e)
try:
    raise TimeoutError
except Exception as e:
    print(repr(e))
