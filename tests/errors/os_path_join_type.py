# os.path.join with a non-str part: CPython's TypeError text.
import os

print(os.path.join("a", "b"))
os.path.join("a", 1)
