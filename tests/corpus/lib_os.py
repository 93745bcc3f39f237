# os and os.path: constants, environ/getenv, getcwd/getpid/cpu_count (printed only as
# machine-independent facts), the posixpath string functions and their TypeErrors.
import os
def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
print(os.name, os.sep, repr(os.linesep), os.curdir, os.pardir, os.pathsep, os.extsep, os.devnull, os.altsep)
print(type(os.environ) is dict or type(os.environ).__name__ == "_Environ", os.environ.get("HOME") == os.getenv("HOME"), os.getenv("STMJIT_SURELY_UNSET_VAR"), os.getenv("STMJIT_SURELY_UNSET_VAR", "dflt"), os.getenv(key="STMJIT_SURELY_UNSET_VAR", default=3))
print(isinstance(os.getpid(), int) and os.getpid() > 0, isinstance(os.cpu_count(), int) and os.cpu_count() >= 1)
cwd = os.getcwd()
print(os.path.isabs(cwd), os.path.isdir(cwd), os.path.exists(cwd), os.path.isfile(cwd), os.path.abspath(".") == cwd, os.path.abspath("x/../y") == os.path.join(cwd, "y"))
print(os.path.exists("/nonexistent/zz"), os.path.isfile("/nonexistent"), os.path.isdir("/"), os.path.exists(""))
for p in ["", "/", "//", "///", "a", "a/", "a/b", "a/b/", "/a/b", "//a//b//", "a.txt", ".bashrc", "a/.b", "a.b.c", "a/b.c/d", "..", "a/..", "/../x", "a//b/./c/../d", "x.", "./a.b/", "...x"]:
    print(repr(p), os.path.split(p), repr(os.path.dirname(p)), repr(os.path.basename(p)), os.path.splitext(p), repr(os.path.normpath(p)))
print(os.path.join("a"), os.path.join("a", "b", "c"), os.path.join("a/", "b"), os.path.join("a", "/b", "c"), os.path.join("", "b"), os.path.join("a", ""), os.path.join("/", "x"))
print(os.path.abspath("/a/../b/./c"), os.path.abspath("//x/y"), os.path.sep, os.path.__name__)
t(os.path.join, 1)
t(os.path.join, "a", 1)
t(os.path.split, 1)
t(os.path.basename, None)
t(os.path.exists, None)
t(os.getenv, 1)
t(os.getcwd, 1)
t(os.listdir, "/nonexistent_dir_for_test")
t(os.path.getsize, "/nonexistent_file_for_test")
from os import path
print(path.join("x", "y"), path is os.path)
