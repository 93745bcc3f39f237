# An out-of-range store into a typed array raises OverflowError with CPython's text.
import array

a = array.array("b", [1, 2, 3])
a[0] = 127
print(a)
a[1] = 300
